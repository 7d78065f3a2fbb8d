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
import postgres from 'postgres';
import { AppError } from '../core/errors/app-error.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'postgres' | 'pglite';

export type PingResult = { ok: true; latencyMs: number } | { ok: false; error: string };

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: DatabaseKind;
  ping(): Promise<PingResult>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; without it PGlite is used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data folder parent (`<dataDir>/pglite`), or `memory://` for a throw-away database. */
  readonly dataDir: string;
  /** PostgreSQL pool size. */
  readonly max?: number;
}

export const MEMORY_DATA_DIR = 'memory://';

/** The URL without its password, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'an unparsable DATABASE_URL';
  }
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

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new AppError('db_unavailable', `Cannot connect to PostgreSQL at ${describeDatabaseUrl(url)}: ${errorMessage(error)}`, { cause: error });
  }
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return { db, kind: 'postgres', ping: pinger(db), close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  let location: string | undefined;
  if (dataDir !== MEMORY_DATA_DIR) {
    location = join(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  let client: PGlite;
  try {
    client = location ? await PGlite.create(location) : await PGlite.create();
  } catch (error) {
    // PGlite allows one process per data folder; a second one fails here.
    throw new AppError('db_unavailable', `Cannot open the embedded database in ${location ?? 'memory'}: ${errorMessage(error)}`, { cause: error });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    kind: 'pglite',
    ping: async () => (closed ? { ok: false, error: 'database is closed' } : pinger(db)()),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

export function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.max ?? 10) : openPglite(options.dataDir);
}
