import type { Command } from '../command.ts';
import { loadDemoBatch } from '../demo/load-demo-batch.ts';
import { print } from '../output.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Load the bundled demo batch (bank statement and ledger for one month); safe to repeat',
  usage: 'recon demo',
  async run({ config }) {
    const logger = createCliLogger(config);
    const db = await openMigratedDatabase(config, logger);
    try {
      const result = await loadDemoBatch(db.db);
      print(
        result.loaded
          ? `Loaded the demo batch "${result.name}": ${result.external} statement lines, ${result.internal} ledger entries.`
          : `The demo batch "${result.name}" is already loaded (${result.external} statement lines, ${result.internal} ledger entries).`,
      );
      return 0;
    } finally {
      await db.close();
    }
  },
};
