/**
 * The `recon` command as a child process, the way a user runs it: real
 * stdout and stderr, an environment of only PATH plus what the test gives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { systemPath } from '../cli/config.ts';

export const RECON_BIN = fileURLToPath(new URL('../bin/recon.mjs', import.meta.url));

export interface ReconExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `recon <args>`; `done` settles when the process has exited and its output is read. */
export function startRecon(args: readonly string[], env: Readonly<Record<string, string>>): { child: ChildProcess; done: Promise<ReconExit> } {
  const child = spawn(process.execPath, [RECON_BIN, ...args], { env: { PATH: systemPath(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<ReconExit>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runRecon(args: readonly string[], env: Readonly<Record<string, string>>): Promise<ReconExit> {
  return startRecon(args, env).done;
}
