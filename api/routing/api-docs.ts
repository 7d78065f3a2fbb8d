/**
 * `GET /api/docs`: interactive API docs (Swagger UI) over `/api/openapi.json`.
 * Swagger UI comes from the pinned `swagger-ui-dist` package and its files are
 * served by the API itself: the docs work with no internet access and need
 * nothing beyond the same-origin CSP (the page's own start script is a file,
 * not inline). Asset URLs carry the package version, so they are cached for good.
 */
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../../core/errors/app-error.ts';

const require = createRequire(import.meta.url);
const PACKAGE_JSON = require.resolve('swagger-ui-dist/package.json');
const DIST_DIR = dirname(PACKAGE_JSON);
const VERSION = (require(PACKAGE_JSON) as { version: string }).version;

/** The only files served, with their types: nothing else of the package's folder is reachable. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const START_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    // The base layout: the standalone one adds a top bar whose logo is an inline <style>, which the CSP refuses.
    layout: 'BaseLayout',
    persistAuthorization: false,
  });
});
`;

export const API_DOCS_ASSET_BASE = `/api/docs/assets/${VERSION}`;

function page(): string {
  const base = API_DOCS_ASSET_BASE;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Recon API</title>
<link rel="stylesheet" href="${base}/swagger-ui.css">
<link rel="icon" type="image/png" href="${base}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${base}/swagger-ui-bundle.js"></script>
<script src="${base}/start.js"></script>
</body>
</html>
`;
}

export function apiDocsRoutes(): Hono {
  const app = new Hono();
  const cache = new Map<string, Uint8Array>();
  app.get('/', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(page());
  });
  app.get(`/assets/${VERSION}/start.js`, (c) => c.body(START_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));
  app.get(`/assets/${VERSION}/:file`, async (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) throw new AppError('not_found', `No docs asset ${file}`);
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = new Uint8Array(await readFile(join(DIST_DIR, file)));
      cache.set(file, bytes);
    }
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=31536000, immutable' });
  });
  return app;
}
