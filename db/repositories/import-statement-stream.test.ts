import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.ts';
import { parseStatementFile } from '../../core/ingest/parse-statement-file.ts';
import { readFixture } from '../../test/fixtures.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { DatabaseHandle } from '../client.ts';
import { imports } from '../schema/imports.ts';
import { records } from '../schema/records.ts';
import { importStatementStream, type ByteSource } from './import-statement-stream.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

/** The file in small chunks, as a read stream delivers it. */
function chunked(bytes: Uint8Array, size = 97): ByteSource {
  return {
    async *open() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    },
  };
}

describe('importStatementStream', () => {
  for (const [file, options] of [
    ['genkgo-camt/camt053.v2.multi.statement.xml', {}],
    ['iso20022-js/abn_amro/example_camt.xml', {}],
    ['bankstatementparser/golden/csv_spanish_headers.csv', {}],
    ['mt940-rs/special-cases/invalid_utf8.sta', {}],
  ] as const) {
    it(`stores ${file} exactly as the whole-file parser reads it`, async () => {
      const bytes = readFixture(file);
      const result = await importStatementStream(handle.db, chunked(bytes), { fileName: file, side: 'external', ...options });
      const expected = parseStatementFile(bytes, { fileName: file, side: 'external' });
      expect(result.status).toBe('stored');
      expect(result.recordCount).toBe(expected.records.length);
      expect(result.statements.map((s) => s.foots)).toEqual(expected.statements.map((s) => s.foots));
      const stored = await handle.db.select({ id: records.id, amount: records.amount }).from(records).where(eq(records.importId, result.importId));
      expect(stored.map((r) => r.id).sort()).toEqual(expected.records.map((r) => r.id).sort());
      const again = await importStatementStream(handle.db, chunked(bytes, 4096), { fileName: file, side: 'external' });
      expect(again).toMatchObject({ status: 'duplicate', importId: result.importId });
    });
  }

  it('stores nothing and keeps no import row when a late row is broken', async () => {
    const good = Array.from({ length: 12_000 }, (_, i) => `2026-10-01,${i}.00,EUR,R-${i}`).join('\n');
    const bytes = new TextEncoder().encode(`Date,Amount,Currency,Reference\n${good}\n2026-10-02,12..0,EUR,BAD\n`);
    const error = await importStatementStream(handle.db, chunked(bytes, 8192), { fileName: 'late.csv', side: 'external', account: 'LATE' }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/late\.csv: 1 problem, nothing was imported — line 12002, field amount/);
    expect(await handle.db.select().from(imports).where(eq(imports.fileName, 'late.csv'))).toEqual([]);
    expect(await handle.db.select().from(records).where(eq(records.account, 'LATE'))).toEqual([]);
  });

  it('reports a record an earlier import stored as a conflict, and stores nothing of the new file', async () => {
    const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `2026-11-01,${from + i}.00,EUR,C-${from + i}`).join('\n');
    const file = (body: string) => new TextEncoder().encode(`Date,Amount,Currency,Reference\n${body}\n`);
    await importStatementStream(handle.db, chunked(file(rows(9_000, 9_010)), 8192), { fileName: 'first.csv', side: 'external', account: 'CONFLICT' });
    const error = await importStatementStream(handle.db, chunked(file(rows(0, 12_000)), 8192), { fileName: 'overlap.csv', side: 'external', account: 'CONFLICT' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^overlap\.csv: a record of this file was already imported/) });
    expect(await handle.db.select().from(imports).where(eq(imports.fileName, 'overlap.csv'))).toEqual([]);
    expect(await handle.db.select({ id: records.id }).from(records).where(eq(records.account, 'CONFLICT'))).toHaveLength(10);
  });

  it('stores a file two imports read at the same time once; the other is told it is a duplicate', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `2026-10-03,${i}.25,EUR,RACE-${i}`).join('\n');
    const bytes = new TextEncoder().encode(`Date,Amount,Currency,Reference\n${rows}\n`);
    const both = await Promise.all([1, 2].map(() => importStatementStream(handle.db, chunked(bytes, 4096), { fileName: 'race.csv', side: 'external', account: 'RACE' })));
    expect(both.map((r) => r.status).sort()).toEqual(['duplicate', 'stored']);
    expect(new Set(both.map((r) => r.importId)).size).toBe(1);
    expect(await handle.db.select({ id: imports.id }).from(imports).where(eq(imports.fileName, 'race.csv'))).toHaveLength(1);
    expect(await handle.db.select({ id: records.id }).from(records).where(eq(records.account, 'RACE'))).toHaveLength(3_000);
  });
});
