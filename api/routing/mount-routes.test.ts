import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../monitoring/logger.ts';
import type { AuthUser } from '../auth/roles.ts';
import { errorHandler } from '../errors/error-handler.ts';
import { mountRoutes } from './mount-routes.ts';
import { openApiDocument } from './openapi.ts';
import { defineRoute } from './route.ts';

const routes = [
  defineRoute({
    method: 'get',
    path: '/things/:id',
    role: 'viewer',
    summary: 'A thing',
    tag: 'things',
    params: z.object({ id: z.string().uuid() }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
    responses: { 200: { description: 'The thing', schema: z.object({ id: z.string(), limit: z.number() }) } },
    handler: ({ params, query }) => ({ id: params.id, limit: query.limit }),
  }),
  defineRoute({
    method: 'post',
    path: '/things',
    role: 'approver',
    summary: 'Make a thing',
    tag: 'things',
    body: z.object({ name: z.string().min(1), amount: z.string().regex(/^-?\d+(\.\d+)?$/) }),
    responses: { 201: { description: 'Made' } },
    handler: ({ body, user }) => ({ name: body.name, by: user?.id }),
  }),
  defineRoute({ method: 'get', path: '/open', role: 'public', summary: 'Open', tag: 'misc', responses: { 200: { description: 'ok' } }, handler: () => ({ ok: true }) }),
];

function app(user?: AuthUser) {
  const a = new Hono();
  a.onError(errorHandler(createLogger({ level: 'silent' })));
  a.use('*', async (c, next) => {
    c.set('user', user);
    await next();
  });
  mountRoutes(a, routes);
  return a;
}

const ID = '0b6f2a3e-8d1c-4c1e-9a57-3f6d2a1b9c00';
const viewer: AuthUser = { id: 'u1', name: 'Vi', role: 'viewer', tokenId: 't1' };
const approver: AuthUser = { id: 'u2', name: 'Ap', role: 'approver', tokenId: 't2' };

describe('declared routes', () => {
  it('validate params and query and answer with the parsed values', async () => {
    const res = await app(viewer).request(`/things/${ID}?limit=5`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: ID, limit: 5 });
  });

  it('list every invalid field in one 400', async () => {
    const res = await app(viewer).request('/things/not-a-uuid?limit=0');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { field: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i) => i.field).sort()).toEqual(['path.id', 'query.limit']);
  });

  it('answer 401 without a token and 403 with too small a role; public routes need none', async () => {
    expect((await app().request(`/things/${ID}`)).status).toBe(401);
    const forbidden = await app(viewer).request('/things', { method: 'POST', body: JSON.stringify({ name: 'x', amount: '1.00' }) });
    expect(forbidden.status).toBe(403);
    expect((await app().request('/open')).status).toBe(200);
  });

  it('validate JSON bodies, refuse broken JSON, and use the declared success status', async () => {
    const bad = await app(approver).request('/things', { method: 'POST', body: '{"name":' });
    expect(bad.status).toBe(400);
    const invalid = await app(approver).request('/things', { method: 'POST', body: JSON.stringify({ name: '', amount: '1,5' }) });
    expect(((await invalid.json()) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field).sort()).toEqual(['body.amount', 'body.name']);
    const ok = await app(approver).request('/things', { method: 'POST', body: JSON.stringify({ name: 'x', amount: '1.00' }) });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ name: 'x', by: 'u2' });
  });

  it('become an OpenAPI 3.1 document with paths, parameters, bodies and roles', () => {
    const doc = openApiDocument(routes, { title: 'T', version: '1' }) as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.openapi).toBe('3.1.0');
    const get = doc.paths['/api/things/{id}']!.get!;
    expect(get['x-recon-role']).toBe('viewer');
    expect((get.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:limit']);
    expect(doc.paths['/api/things']!.post!.requestBody).toBeDefined();
    expect(doc.paths['/api/open']!.get!.security).toEqual([]);
  });
});
