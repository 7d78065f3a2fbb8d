import type { Command } from '../command.ts';
import { loadDemoBatch } from '../demo/load-demo-batch.ts';
import { runDemo } from '../demo/run-demo.ts';
import { formatRunSummary } from '../run-summary.ts';
import { print } from '../output.ts';
import { createCliLogger, openMigratedDatabase } from '../runtime.ts';
import { ensureWebBuilt } from '../web-build.ts';
import { serveUntilStopped } from './serve.ts';

export const startCommand: Command = {
  name: 'start',
  summary: 'Everything a new user needs: build the web app if needed, migrate, load the demo batch, serve',
  usage: 'recon start        (what `npm start` runs)',
  async run({ config }) {
    const logger = createCliLogger(config);
    const web = await ensureWebBuilt({ logger });
    if (web.built) logger.info({ distDir: web.distDir }, 'web app built');
    const db = await openMigratedDatabase(config, logger);
    try {
      const demo = await loadDemoBatch(db.db);
      logger.info(demo, demo.loaded ? 'demo batch loaded' : 'demo batch already loaded');
      const summary = await runDemo(config, db, logger);
      for (const line of formatRunSummary(summary)) print(line);
    } catch (error) {
      await db.close();
      throw error;
    }
    return serveUntilStopped(config, logger, db);
  },
};
