/**
 * Benchmarks: `npm run bench -- <name> [--scale N]`. Results go to
 * docs/BENCHMARKS.md with the machine and the command.
 */
import { EventEmitter } from 'node:events';
import { parseArgs } from 'node:util';
import { loadConfig } from '../cli/config.ts';
import { importBench, importOne } from './import-bench.ts';
import { agentsBench } from './agents-bench.ts';
import { apiBench } from './api-bench.ts';
import { ingestBench, ingestOne } from './ingest-bench.ts';
import { matchBench, matchOne } from './match-bench.ts';
import { nightlyBench } from './nightly-bench.ts';
import { webQueueBench } from './web-queue-bench.ts';

// LangGraph adds one abort listener per concurrent fan-out task to the run's signal; with
// more than ten chunks in flight Node would warn of a leak that is not one.
EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, 100);

const BENCHES: Record<string, (o: { scale: number; databaseUrl: string | undefined; cases?: string | undefined }) => Promise<void>> = { ingest: ingestBench, import: importBench, match: matchBench, agents: agentsBench, api: apiBench, 'web-queue': webQueueBench, nightly: nightlyBench };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { scale: { type: 'string', default: '1' }, one: { type: 'string' }, 'match-size': { type: 'string' }, 'ingest-one': { type: 'string' }, cases: { type: 'string' } } });
const names = positionals.length > 0 ? positionals : Object.keys(BENCHES);
const config = loadConfig();
if (values['match-size']) {
  // A child process of the matching benchmark: one size, then exit.
  matchOne(Number(values['match-size']));
  process.exit(0);
}
if (values['ingest-one']) {
  // A child process of the ingest benchmark: one step, then exit.
  await ingestOne(values['ingest-one'], config.databaseUrl);
  process.exit(0);
}
if (values.one) {
  // A child process of the import benchmark: one file, then exit.
  await importOne(values.one, config.databaseUrl);
  process.exit(0);
}
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    process.stderr.write(`Unknown benchmark "${name}". Available: ${Object.keys(BENCHES).join(', ')}\n`);
    process.exit(2);
  }
  // --cases: a comma-separated subset of a benchmark's cases, by name (the api benchmark).
  await bench({ scale: Number(values.scale), databaseUrl: config.databaseUrl, cases: values.cases });
}
