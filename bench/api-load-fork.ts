/**
 * Runs one bounded load job in a child process (bench/api-load-child.ts) and
 * waits for its result, with a time limit so a stuck server cannot hang the
 * bench.
 */
import { fork } from 'node:child_process';
import type { LoadReply, LoadJob } from './api-load-child.ts';
import type { LoadResult } from './api-load.ts';

const CHILD = new URL('./api-load-child.ts', import.meta.url);

export function runLoadInChild(job: LoadJob, timeoutMs = 300_000): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(() => reject(new Error(`load job did not finish within ${timeoutMs} ms`)));
    }, timeoutMs);
    child.once('message', (m: LoadReply) => finish(() => (m.ok ? resolve(m.result) : reject(new Error(m.error)))));
    child.once('error', (e) => finish(() => reject(e)));
    child.once('exit', (code) => finish(() => reject(new Error(`load child exited with ${code} before answering`))));
    child.send(job);
  });
}
