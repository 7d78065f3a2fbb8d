import type { Command } from '../command.ts';
import { reconciliationById, updateReconciliation } from '../../db/repositories/reconciliations-repository.ts';
import { loadDemoBatch } from '../demo/load-demo-batch.ts';
import { ensureLocalAdmin, localAdminNotice, localUrl } from '../demo/local-admin.ts';
import { runDemo } from '../demo/run-demo.ts';
import { formatRunSummary } from '../run-summary.ts';
import { print } from '../output.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';
import { ensureWebBuilt } from '../web-build.ts';
import { serveUntilStopped } from './serve.ts';

/** Every night at 02:00 in the reconciliation's zone. */
const DEMO_SCHEDULE = '0 2 * * *';

export const startCommand: Command = {
  name: 'start',
  summary: 'Everything a new user needs: build the web app if needed, migrate, load and run the demo batch, make a local admin, serve',
  usage: 'recon start        (what `npm start` runs)',
  async run({ config }) {
    const logger = createCliLogger(config);
    const web = await ensureWebBuilt({ logger });
    if (web.built) logger.info({ distDir: web.distDir }, 'web app built');
    const db = await openMigratedDatabase(config, logger);
    try {
      const demo = await loadDemoBatch(db.db);
      logger.info(demo, demo.loaded ? 'demo batch loaded' : 'demo batch already loaded');
      // A freshly loaded demo runs nightly like a configured one (in-process without Redis); a schedule changed or removed later is left alone.
      const demoReconciliation = demo.loaded ? await reconciliationById(db.db, demo.reconciliationId) : undefined;
      if (demoReconciliation && !demoReconciliation.schedule) await updateReconciliation(db.db, demo.reconciliationId, { schedule: DEMO_SCHEDULE }, 'system', new Date());
      const summary = await runDemo(config, db, logger, demo);
      for (const line of formatRunSummary(summary)) print(line);
      print();
      for (const line of localAdminNotice(await ensureLocalAdmin(db.db, new Date()), localUrl(config.host, config.port))) print(line);
    } catch (error) {
      await db.close();
      throw error;
    }
    return serveUntilStopped(config, logger, db);
  },
};
