/**
 * Serves the built Solid app: hashed assets from the Vite output folder, and
 * `index.html` for every other non-API path so deep links work (the router
 * runs in the browser). `/api/*` never reaches here: the app 404s it first.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Recon</title></head>
<body><main><h1>Recon</h1><p>The web app has not been built yet. Run <code>npm run build:web</code>
(or <code>npm start</code>, which builds it when needed). The API is available under <code>/api</code>.</p></main></body></html>`;

export function webAppRoutes(distDir: string | undefined): Hono {
  const app = new Hono();
  const indexPath = distDir ? join(distDir, 'index.html') : undefined;

  if (distDir && existsSync(distDir)) {
    app.use('/assets/*', async (c, next) => {
      await next();
      // Vite fingerprints asset names, so a found asset can be cached for good.
      if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    const files = serveStatic({ root: distDir });
    // Only paths that name a file (`/assets/x.js`, `/favicon.svg`) are files;
    // everything else is a client-side route and gets index.html below.
    app.use('*', (c, next) => (/\.[a-z0-9]+$/i.test(c.req.path) ? files(c, next) : next()));
  }

  app.get('*', async (c) => {
    if (!indexPath || !existsSync(indexPath)) return c.html(NOT_BUILT_PAGE, 503);
    // Read per request: a rebuild during development shows up without a restart,
    // and the file is small and in the page cache.
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(indexPath, 'utf8'));
  });
  return app;
}
