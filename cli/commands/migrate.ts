import type { Command } from '../command.ts';
import { print } from '../output.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply database migrations (PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise)',
  usage: 'recon migrate',
  async run({ config }) {
    const logger = createCliLogger(config);
    const handle = await openMigratedDatabase(config, logger);
    await handle.close();
    print(`Database (${handle.kind}) is up to date.`);
    return 0;
  },
};
