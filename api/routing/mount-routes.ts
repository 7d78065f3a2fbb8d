/**
 * Registers declared routes on a Hono app: role check, then validation of
 * params, query and JSON body (every problem at once, as a 400 with its
 * field), then the handler.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { AppError, type ErrorIssue } from '../../core/errors/app-error.ts';
import { hasRole } from '../auth/roles.ts';
import type { RouteSpec } from './route.ts';

function check(where: 'path' | 'query' | 'body', schema: z.ZodType | undefined, value: unknown, issues: ErrorIssue[]): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues) issues.push({ field: [where, ...i.path.map(String)].join('.'), message: i.message });
  return undefined;
}

/** Query values: a key given once is a string, a repeated key an array. */
function queryOf(c: Context): Record<string, string | string[]> {
  const all = c.req.queries();
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(all)) out[k] = v.length === 1 ? v[0]! : v;
  return out;
}

async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('validation_failed', 'The request body is not valid JSON', { issues: [{ field: 'body', message: 'not valid JSON' }] });
  }
}

function firstSuccess(spec: RouteSpec): number {
  return Number(Object.keys(spec.responses).find((s) => Number(s) >= 200 && Number(s) < 300) ?? 200);
}

export function mountRoutes(app: Hono, routes: readonly RouteSpec[]): void {
  for (const spec of routes) {
    const status = firstSuccess(spec);
    app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const user = c.get('user');
      if (spec.role !== 'public') {
        if (!user) throw new AppError('unauthorized', 'This route needs an API token (Authorization: Bearer <token>)');
        if (!hasRole(user.role, spec.role)) throw new AppError('forbidden', `This route needs the ${spec.role} role; your token has ${user.role}`, { details: { required: spec.role, role: user.role } });
      }
      const issues: ErrorIssue[] = [];
      const params = check('path', spec.params, c.req.param(), issues);
      const query = check('query', spec.query, queryOf(c), issues);
      const body = spec.body ? check('body', spec.body, await jsonBody(c), issues) : undefined;
      if (issues.length > 0) throw new AppError('validation_failed', 'The request is not valid', { issues });
      const result = await spec.handler({ params, query, body, user, c });
      if (result instanceof Response) return result;
      return c.json(result as object, status as 200);
    });
  }
}
