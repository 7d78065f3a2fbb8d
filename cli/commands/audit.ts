import { AppError } from '../../core/errors/app-error.ts';
import { verifyAuditChain } from '../../db/repositories/audit-repository.ts';
import type { Command } from '../command.ts';
import { print, printError } from '../output.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';

const USAGE = 'recon audit verify      (exit 0: the chain holds; 1: it names the first broken link)';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Verify the hash chain of the audit log',
  usage: USAGE,
  async run({ config, argv }) {
    if (argv[0] !== 'verify') throw new AppError('validation_failed', `recon audit needs a subcommand: verify\nUsage: ${USAGE}`);
    const logger = createCliLogger(config);
    const db = await openMigratedDatabase(config, logger);
    try {
      const verdict = await verifyAuditChain(db.db);
      if (verdict.ok) {
        print(`Audit log ok: ${verdict.entries} entr${verdict.entries === 1 ? 'y' : 'ies'}, every hash and link holds.`);
        return 0;
      }
      printError(`Audit log broken at entry ${verdict.brokenAt} (after ${verdict.entries - 1} good entr${verdict.entries === 2 ? 'y' : 'ies'}): ${verdict.reason}`);
      return 1;
    } finally {
      await db.close();
    }
  },
};
