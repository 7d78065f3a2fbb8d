/**
 * `COPY <table> (<columns>) FROM STDIN` on whichever driver is underneath a
 * drizzle handle, inside that handle's transaction. Rows are COPY text (see
 * copy-text.ts). The server checks constraints as rows arrive, so a failure
 * (a duplicate key, a bad value) surfaces at a later `write` or at `end`, with
 * the driver's error (its `code` and constraint name intact).
 *
 * On PostgreSQL the data streams over the connection while the caller goes on
 * producing rows, so parsing and the server's work overlap on two cores. On
 * PGlite (in-process, one thread) rows are gathered and loaded in blobs.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type postgres from 'postgres';
import type { Database } from '../client.ts';
import { driverClient } from '../driver-client.ts';

export interface CopyWriter {
  /** Queues COPY text (whole rows); waits only when much is still unsent. */
  write(rows: string): Promise<void>;
  /** Finishes the COPY; rejects with the server's error if any row failed. */
  end(): Promise<void>;
  /**
   * Abandons the COPY so the transaction can roll back (a connection stuck
   * in COPY mode could not run the ROLLBACK). Never throws; a no-op once ended.
   */
  abort(): Promise<void>;
}

export interface CopyTarget {
  readonly table: string;
  readonly columns: readonly string[];
}

/** Unsent bytes allowed before `write` waits: enough to keep the server busy while the caller builds rows. */
const POSTGRES_BACKLOG = 8 << 20;
/** PGlite loads a blob per this many characters: big enough to amortise each COPY, small enough to bound memory. */
const PGLITE_BLOB = 4 << 20;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function copyStatement(target: CopyTarget, source: string): string {
  // Names are spliced into SQL, so only plain lower-case identifiers are accepted.
  for (const name of [target.table, ...target.columns]) if (!IDENTIFIER.test(name)) throw new Error(`copy: "${name}" is not a plain identifier`);
  return `COPY ${target.table} (${target.columns.join(', ')}) FROM ${source}`;
}

/**
 * postgres.js (3.4.9) reports a COPY the server fails after the last row only
 * by rejecting the query it already resolved with the stream, and leaves the
 * stream pending forever (porsager/postgres#1173). Every server error passes
 * through the query's `reject`, so the writer listens there and destroys the
 * stream itself, which settles every wait below.
 */
function onServerError(query: unknown, listener: (error: unknown) => void): void {
  const pending = query as { reject?: (error: unknown) => void };
  const reject = pending.reject;
  if (typeof reject !== 'function') throw new Error('copy: this postgres.js version has no query.reject to watch (see porsager/postgres#1173)');
  pending.reject = (error) => {
    // The driver's own rejection first: a listener must never keep the query from settling.
    reject(error);
    listener(error);
  };
}

async function postgresWriter(sql: postgres.Sql, statement: string): Promise<CopyWriter> {
  const query = sql.unsafe(statement);
  let failure: unknown;
  let ended = false;
  let stream: Writable | undefined = undefined;
  const fail = (error: unknown) => {
    failure ??= error;
    // Before the stream exists (the COPY statement itself failed) the rejected query carries the error.
    if (stream && !stream.destroyed) stream.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  onServerError(query, (error) => fail(error));
  const writable = await query.writable();
  stream = writable;
  // The driver destroys the stream with the server's error when it comes mid-COPY.
  writable.on('error', (error) => {
    failure ??= error;
  });
  const settled = new Promise<void>((resolve) => writable.once('close', resolve));
  return {
    async write(rows) {
      if (failure) throw failure;
      writable.write(rows);
      if (writable.writableLength > POSTGRES_BACKLOG) await Promise.race([once(writable, 'drain').catch(() => {}), settled]);
      if (failure) throw failure;
    },
    async end() {
      if (failure) throw failure;
      ended = true;
      // 'finish' comes when the server has confirmed the COPY; a failure destroys the stream instead.
      await new Promise<void>((resolve, reject) => {
        writable.once('finish', resolve);
        writable.once('close', () => (failure ? reject(failure) : resolve()));
        writable.end();
      });
      if (failure) throw failure;
    },
    async abort() {
      if (ended || writable.destroyed) return;
      ended = true;
      // Destroying sends CopyFail: the server ends the COPY with an error and the transaction can roll back.
      fail(new Error('import abandoned'));
      await settled;
    },
  };
}

function pgliteWriter(run: (blob: Blob) => Promise<unknown>): CopyWriter {
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const blob = new Blob(parts);
    parts = [];
    size = 0;
    await run(blob);
  };
  return {
    async write(rows) {
      parts.push(rows);
      size += rows.length;
      if (size >= PGLITE_BLOB) await flush();
    },
    end: flush,
    async abort() {
      parts = [];
      size = 0;
    },
  };
}

/** Opens a COPY into `target` on the driver under `db` (a transaction, usually). */
export async function openCopy(db: Database, target: CopyTarget): Promise<CopyWriter> {
  const driver = driverClient(db);
  if (driver.kind === 'postgres') return postgresWriter(driver.sql, copyStatement(target, 'STDIN'));
  const statement = copyStatement(target, "'/dev/blob'");
  return pgliteWriter((blob) => driver.pg.query(statement, [], { blob }));
}
