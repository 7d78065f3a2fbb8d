/**
 * `recon <command>`: the single entry point of every process (CLI, API,
 * worker). Configuration is parsed before anything runs, so a bad value stops
 * start-up with one message listing every problem.
 */
import { EventEmitter } from 'node:events';
import { AppError, isAppError } from '../core/errors/app-error.ts';
import type { Command } from './command.ts';
import { auditCommand } from './commands/audit.ts';
import { demoCommand } from './commands/demo.ts';
import { evalCommand } from './commands/eval.ts';
import { generateCommand } from './commands/generate.ts';
import { importCommand } from './commands/import.ts';
import { runCommand } from './commands/run.ts';
import { migrateCommand } from './commands/migrate.ts';
import { serveCommand } from './commands/serve.ts';
import { startCommand } from './commands/start.ts';
import { tokensCommand } from './commands/tokens.ts';
import { usersCommand } from './commands/users.ts';
import { workerCommand } from './commands/worker.ts';
import { reconciliationsCommand } from './commands/reconciliations.ts';
import { loadConfig } from './config.ts';
import { print, printError } from './output.ts';
import { VERSION } from './version.ts';

// LangGraph adds one abort listener per concurrent fan-out task to the run's signal; with
// more than ten chunks in flight Node would warn of a leak that is not one.
EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, 100);

const COMMANDS: readonly Command[] = [startCommand, serveCommand, migrateCommand, demoCommand, importCommand, runCommand, generateCommand, usersCommand, tokensCommand, auditCommand, evalCommand, workerCommand, reconciliationsCommand];

function help(): void {
  print(`recon ${VERSION} — AI-assisted reconciliation\n`);
  print('Usage: recon <command> [options]\n');
  print('Commands:');
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  for (const c of COMMANDS) print(`  ${c.name.padEnd(width)}  ${c.summary}`);
  print('\nRun `recon <command> --help` for a command\'s options.');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help();
    return 0;
  }
  if (name === '--version' || name === '-v') {
    print(VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    printError(`Unknown command "${name}".`);
    help();
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    print(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  const config = loadConfig();
  return command.run({ config, argv: rest });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (isAppError(error)) {
    printError(error.code === 'config_invalid' ? error.message : `Error (${error.code}): ${error.message}`);
    for (const issue of error.code === 'config_invalid' ? [] : error.issues) {
      const where = [issue.line !== undefined ? `line ${issue.line}` : undefined, issue.path ? `at ${issue.path}` : undefined, issue.field ? `field ${issue.field}` : undefined]
        .filter(Boolean)
        .join(', ');
      printError(`  - ${where ? `${where}: ` : ''}${issue.message}`);
    }
  } else {
    printError(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exitCode = error instanceof AppError && error.code === 'validation_failed' ? 2 : 1;
}
