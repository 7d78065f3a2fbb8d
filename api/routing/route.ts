/**
 * One route, declared once: method, path, the least role it needs, the zod
 * schemas of its params, query and body, and its responses. The same
 * declaration validates requests (400 with every field that is wrong),
 * enforces the role (401 without a token, 403 with too small a role), and
 * becomes the route's OpenAPI operation.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AuthUser, RouteRole } from '../auth/roles.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  readonly description: string;
  /** JSON body schema; omitted for empty, streamed or non-JSON answers. */
  readonly schema?: z.ZodType;
  /** Content type when not JSON (text/csv, text/event-stream). */
  readonly contentType?: string;
}

export interface RouteInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** Set on every route but `public` ones. */
  readonly user: AuthUser | undefined;
  readonly c: Context;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  readonly method: HttpMethod;
  /** Hono path under `/api`, e.g. `/exceptions/:id`. */
  readonly path: string;
  readonly role: RouteRole;
  readonly summary: string;
  readonly tag: string;
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  /** Requests with another body (multipart uploads) parse it themselves; documented here. */
  readonly bodyContentType?: string;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Returns a Response, or a value sent as JSON with the first 2xx status. */
  readonly handler: (input: RouteInput<P, Q, B>) => Promise<Response | unknown> | Response | unknown;
}

/** Keeps the handler's input types tied to the route's schemas. */
export function defineRoute<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}
