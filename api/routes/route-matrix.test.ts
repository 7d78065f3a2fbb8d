/**
 * Role × route matrix, generated from the route table, so a route added
 * anywhere is covered without touching this file. Each route is called as
 * every role with minimal, mostly invalid input (placeholder ids, an empty
 * body), so handlers answer 400 or 404 instead of doing work: 401 and 403
 * must come exactly when the route's role says so, never otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_ROLES, type UserRole } from '../../core/statuses.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { createApp } from '../app.ts';
import { hasRole } from '../auth/roles.ts';
import type { RouteSpec } from '../routing/route.ts';
import { testCaller } from '../testing/test-auth.ts';
import { testApiDeps } from '../testing/test-deps.ts';
import { routeTable } from './route-table.ts';

type Caller = UserRole | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...USER_ROLES];
/** A well-formed id nothing has, so id-validated routes get past validation and answer 404. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

let db: DatabaseHandle;
const headers = new Map<Caller, Record<string, string>>();
beforeAll(async () => {
  db = await openTestDatabase();
  headers.set('anonymous', { 'content-type': 'application/json' });
  for (const role of USER_ROLES) headers.set(role, (await testCaller(db.db, role, `matrix-${role}`)).headers);
});
afterAll(async () => {
  await db.close();
});

function expected(route: RouteSpec, caller: Caller): 401 | 403 | 'allowed' {
  if (route.role === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  return hasRole(caller, route.role) ? 'allowed' : 403;
}

function requestFor(route: RouteSpec, caller: Caller): { path: string; init: RequestInit } {
  const path = `/api${route.path.replace(/:(\w+)/g, PLACEHOLDER_ID)}`;
  const withBody = route.method !== 'get' && route.method !== 'delete';
  return { path, init: { method: route.method.toUpperCase(), headers: headers.get(caller)!, ...(withBody ? { body: '{}' } : {}) } };
}

describe('role × route matrix', () => {
  it('covers a route table that is not empty', () => {
    expect(routeTable(testApiDeps(db)).length).toBeGreaterThan(0);
  });

  for (const caller of CALLERS) {
    it(`gives ${caller} callers 401/403 exactly where the route's role says`, async () => {
      const app = createApp(testApiDeps(db));
      const wrong: string[] = [];
      for (const route of routeTable(testApiDeps(db))) {
        const { path, init } = requestFor(route, caller);
        const res = await app.request(path, init);
        // Streams (SSE, exports) are not read; cancelling ends them.
        await res.body?.cancel();
        const want = expected(route, caller);
        const ok = want === 'allowed' ? res.status !== 401 && res.status !== 403 : res.status === want;
        if (!ok) wrong.push(`${route.method.toUpperCase()} ${route.path} (role ${route.role}) as ${caller}: ${res.status}, expected ${want === 'allowed' ? 'neither 401 nor 403' : want}`);
      }
      expect(wrong).toEqual([]);
    }, 120_000);
  }
});
