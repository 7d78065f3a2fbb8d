/** The interactive docs and the OpenAPI document, as the running app serves them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { routeTable } from '../routes/route-table.ts';
import { testApiDeps } from '../testing/test-deps.ts';

let db: DatabaseHandle;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const app = () => createApp(testApiDeps(db));

describe('GET /api/docs', () => {
  it('is an HTML page whose scripts, styles and icons are all served by the API itself', async () => {
    const res = await app().request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    // No inline script: the CSP allows same-origin script files only.
    expect(html).not.toMatch(/<script>|<script[^>]*>[^<]+<\/script>/);
    expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) {
      expect(ref.startsWith('/api/docs/assets/'), ref).toBe(true);
      const asset = await app().request(ref);
      expect(asset.status, ref).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, ref).toBeGreaterThan(0);
    }
    const start = await (await app().request(refs.find((r) => r.endsWith('/start.js'))!)).text();
    expect(start).toContain("url: '/api/openapi.json'");
  });

  it('serves only the listed files of the package', async () => {
    const html = await (await app().request('/api/docs')).text();
    const base = /href="(\/api\/docs\/assets\/[^/]+)\//.exec(html)![1]!;
    for (const path of [`${base}/package.json`, `${base}/..%2F..%2Fpackage.json`, `${base}/index.html`]) expect((await app().request(path)).status, path).toBe(404);
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with every route of the route table, its role, parameters and responses', async () => {
    const res = await app().request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    const routes = routeTable(testApiDeps(db));
    expect(routes.length).toBeGreaterThan(0);
    const operationIds = new Set<string>();
    for (const route of routes) {
      const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
      const op = doc.paths[path]?.[route.method];
      expect(op, `${route.method} ${path}`).toBeDefined();
      expect(op!['x-recon-role']).toBe(route.role);
      expect(Object.keys(op!.responses as object).length).toBeGreaterThan(0);
      const id = op!.operationId as string;
      expect(operationIds.has(id), `operationId ${id} is unique`).toBe(false);
      operationIds.add(id);
      // Every {param} of the path is declared as a required path parameter.
      const declared = ((op!.parameters ?? []) as { name: string; in: string; required: boolean }[]).filter((p) => p.in === 'path' && p.required).map((p) => p.name);
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) expect(declared, `${path} declares ${name}`).toContain(name);
    }
  });
});
