/**
 * The database client factory: PostgreSQL (postgres-js) when a URL is given,
 * otherwise PGlite — Postgres compiled to WASM — persisted in a local folder,
 * so a new user needs no database server. Both speak the same drizzle API.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import postgres from 'postgres';
import { AppError } from '../core/errors/app-error.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'postgres' | 'pglite';

export type PingResult = { ok: true; latencyMs: number } | { ok: false; error: string };

interface HandleBase {
  readonly db: Database;
  /**
   * For the hot read statements the app prepares (the review queue's page):
   * on PostgreSQL a small pool of its own whose sessions always use a
   * statement's generic plan, so a page is not planned again on every
   * execution (the planner's custom plans look cheaper but cost more to make
   * than to run). The same as `db` on PGlite.
   */
  readonly planned: Database;
  ping(): Promise<PingResult>;
  /** Idempotent. */
  close(): Promise<void>;
}

/**
 * An open database. `client` is the driver itself, for the few things drizzle
 * does not cover (the migration lock, LISTEN/NOTIFY); everything else goes
 * through `db`.
 */
export type DatabaseHandle =
  | (HandleBase & { readonly kind: 'postgres'; readonly client: postgres.Sql })
  | (HandleBase & { readonly kind: 'pglite'; readonly client: PGlite });

export interface DatabaseOptions {
  /** PostgreSQL URL; without it PGlite is used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data folder parent (`<dataDir>/pglite`), or `memory://` for a throw-away database. */
  readonly dataDir: string;
  /** PostgreSQL pool size. */
  readonly max?: number;
}

export const MEMORY_DATA_DIR = 'memory://';

const UNPARSABLE = 'an unparsable DATABASE_URL';
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** The URL without its password (nor query options), for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  // Anything else may hold the password where no parser expects it ("user:pw@host").
  if (!POSTGRES_URL.test(url)) return UNPARSABLE;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    // `new URL` rejects several hosts (`h1:5432,h2:5432`); strip the password by hand.
    const stripped = url.replace(/^([a-z]+:\/\/[^:@/]*):[^@]*@/i, '$1@').split('?')[0]!;
    const password = passwordOf(url);
    return password && stripped.includes(password) ? UNPARSABLE : stripped;
  }
}

/** The password of a URL, also from URLs `new URL` rejects (several hosts, bad syntax). */
function passwordOf(url: string): string | undefined {
  try {
    const { password } = new URL(url);
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return /^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:([^@]*)@/i.exec(url)?.[1] || undefined;
  }
}

/**
 * The connection error's message, and the error itself only if it does not
 * carry the URL or its password: Node's "Invalid URL" error keeps the whole
 * URL in `input`, and a logged `cause` would print it.
 */
function redactedFailure(error: unknown, url: string): { message: string; cause: unknown } {
  const secrets = [url, passwordOf(url)].filter((s): s is string => Boolean(s));
  const leaks = secrets.some((secret) => inspect(error, { depth: 10 }).includes(secret));
  const message = secrets.reduce((text, secret) => text.split(secret).join('***'), errorMessage(error));
  return { message, cause: leaks ? undefined : error };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function pinger(db: Database): () => Promise<PingResult> {
  return async () => {
    const started = performance.now();
    try {
      await db.execute(sql`select 1`);
      return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  };
}

const CONNECT_TIMEOUT_S = 10;

/**
 * A bound on the first query as a whole: postgres-js applies its connect
 * timeout per attempt, and with several hosts in the URL it keeps cycling
 * through refused ones instead of failing.
 */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  // The driver reads odd strings in odd ways (a password can end up in a database name in its errors).
  if (!POSTGRES_URL.test(url)) throw new AppError('config_invalid', 'The database URL must start with postgres:// or postgresql://');
  let client: postgres.Sql | undefined;
  try {
    client = postgres(url, { max, onnotice: () => {}, connect_timeout: CONNECT_TIMEOUT_S });
    // Fail at start-up, not on the first request: the pool connects lazily.
    await withDeadline(client`select 1`.execute(), (CONNECT_TIMEOUT_S + 5) * 1000);
  } catch (error) {
    await client?.end({ timeout: 1 }).catch(() => {});
    const failure = redactedFailure(error, url);
    throw new AppError('db_unavailable', `Cannot connect to PostgreSQL at ${describeDatabaseUrl(url)}: ${failure.message}`, {
      cause: failure.cause,
      details: { database: describeDatabaseUrl(url) },
    });
  }
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  // Connects lazily, on the first queue page; only prepared statements feel the setting.
  const plannedClient = postgres(url, { max: Math.max(2, Math.ceil(max / 2)), onnotice: () => {}, connect_timeout: CONNECT_TIMEOUT_S, connection: { plan_cache_mode: 'force_generic_plan' } });
  const planned = drizzlePostgres(plannedClient, { schema }) as unknown as Database;
  return {
    db,
    planned,
    kind: 'postgres',
    client,
    ping: pinger(db),
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), plannedClient.end({ timeout: 5 })]);
    },
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const location = dataDir === MEMORY_DATA_DIR ? undefined : join(dataDir, 'pglite');
  let client: PGlite;
  try {
    if (location) mkdirSync(location, { recursive: true });
    client = location ? await PGlite.create(location) : await PGlite.create();
  } catch (error) {
    // PGlite allows one process per data folder; a second one fails here.
    throw new AppError('db_unavailable', `Cannot open the embedded database in ${location ?? 'memory'}: ${errorMessage(error)}`, { cause: error });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    planned: db,
    kind: 'pglite',
    client,
    ping: async () => (closed ? { ok: false, error: 'database is closed' } : pinger(db)()),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

/** Opens and checks the connection; throws `AppError('db_unavailable')` when it cannot. */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.max ?? 10) : openPglite(options.dataDir);
}
