/**
 * Bulk record loading on the driver under test (PGlite, or PostgreSQL with
 * DATABASE_URL), and COPY itself on either: awkward text survives the trip,
 * every column lands as drizzle's own insert would store it, and a failure at
 * any point leaves nothing behind.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { Database, DatabaseHandle } from '../client.ts';
import { imports } from '../schema/imports.ts';
import { records } from '../schema/records.ts';
import { violatedConstraint } from './imports-repository.ts';
import { openCopy } from '../copy/copy-writer.ts';
import { copyRecords, openRecordCopy, recordCopyLine } from './record-copy.ts';
import { RECORD_COLUMNS } from './record-json-insert.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const AWKWARD = ['tab\there', 'line\nbreak', 'carriage\r\nreturn', 'back\\slash', '\\N', '\\.', `"double" 'single'`, 'Zürich – Ærø 😀 日本', ''];

async function newImport(db: Database, sha256: string): Promise<string> {
  const [row] = await db.insert(imports).values({ format: 'csv', side: 'external', account: 'COPY', fileName: `${sha256}.csv`, sha256, status: 'completed' }).returning({ id: imports.id });
  return row!.id;
}

const cash = (id: string, extra: Partial<CanonicalRecord> = {}): CanonicalRecord => ({ id, side: 'external', account: 'COPY', date: '2026-10-01', amount: '1.00', currency: 'EUR', ...extra });

/** Fails the test if any row of these ids or any import of this hash exists. */
async function expectNothingStored(ids: readonly string[], sha256: string): Promise<void> {
  expect(await handle.db.select({ id: records.id }).from(records).where(inArray(records.id, [...ids]))).toEqual([]);
  expect(await handle.db.select({ id: imports.id }).from(imports).where(eq(imports.sha256, sha256))).toEqual([]);
}

describe('copyRecords', () => {
  /** COPY itself on this driver, whichever bulk path records take here. */
  const throughCopy = async (db: Database, batch: readonly CanonicalRecord[], importId: string) => {
    const copy = await openCopy(db, { table: 'records', columns: RECORD_COLUMNS });
    await copy.write(batch.map((r) => recordCopyLine(r, importId)).join(''));
    await copy.end();
  };
  for (const [path, load] of [['the bulk path', copyRecords], ['COPY', throughCopy]] as const) {
    it(`stores awkward text exactly through ${path}, and keeps the empty string apart from null`, async () => {
      const importId = await newImport(handle.db, `awkward-${path}`);
      const batch = AWKWARD.map((text, i) => cash(`awkward:${path}:${i}:${text}`, { account: `COPY${text}`, reference: text, description: `«${text}»`, provenance: { file: text, raw: { [text]: text } } }));
      batch.push(cash(`awkward:${path}:null`));
      await load(handle.db, batch, importId);
      const rows = await handle.db.select().from(records).where(eq(records.importId, importId));
      const byId = new Map(rows.map((r) => [r.id, r]));
      AWKWARD.forEach((text, i) => {
        const row = byId.get(`awkward:${path}:${i}:${text}`);
        expect(row, text).toMatchObject({ account: `COPY${text}`, reference: text, description: `«${text}»`, counterparty: null });
        expect(row!.provenance).toEqual({ file: text, raw: { [text]: text }, importId });
      });
      expect(byId.get(`awkward:${path}:null`)).toMatchObject({ reference: null, description: null, valueDate: null, securityIds: null });
    });
  }

  for (const [path, load] of [['the bulk path', copyRecords], ['COPY', throughCopy]] as const) {
    it(`stores every column through ${path} as drizzle’s own insert does`, async () => {
      const importId = await newImport(handle.db, `columns-${path}`);
      const full: CanonicalRecord = {
        id: `columns:${path}:copy`,
        side: 'internal',
        account: 'GL-1000',
        date: '2026-10-02',
        valueDate: '2026-10-03',
        amount: '-1234567890.123456789',
        currency: 'CHF',
        reference: 'REF\t1',
        counterparty: 'ACME "Holdings"\\AG',
        description: 'multi\nline',
        kind: 'trade',
        securityId: 'CH0012345678',
        securityIdType: 'ISIN',
        securityIds: { ISIN: 'CH0012345678', CUSIP: 'x\ty' },
        quantity: '100.5000',
        price: '0.000001',
        tradeDate: '2026-09-30',
        settleDate: '2026-10-04',
        fxRate: '1.08765',
        // A stale import id is replaced by the importing one.
        provenance: { importId: 'stale', file: 'f.csv', line: 7, entry: 6, raw: { Amount: '-1.234.567.890,12', Note: 'a\\b' } },
      };
      await load(handle.db, [full], importId);
      const { id: _id, ...fields } = full;
      await handle.db.insert(records).values({ ...fields, id: `columns:${path}:drizzle`, importId, provenance: { ...full.provenance, importId } });
      const rows = await handle.db.select().from(records).where(eq(records.importId, importId));
      const strip = ({ id: _i, createdAt: _c, ...rest }: (typeof rows)[number]) => rest;
      const copied = rows.find((r) => r.id === `columns:${path}:copy`)!;
      expect(strip(copied)).toEqual(strip(rows.find((r) => r.id === `columns:${path}:drizzle`)!));
      expect(copied).toMatchObject({ amount: '-1234567890.123456789', quantity: '100.5000', kind: 'trade', securityIds: { ISIN: 'CH0012345678', CUSIP: 'x\ty' }, supersededAt: null });
      expect(copied.provenance.importId).toBe(importId);
    });
  }

  for (const [path, load] of [['the bulk path', copyRecords], ['COPY', throughCopy]] as const) {
    it(`stores nothing when the last record is refused through ${path}, with the constraint named`, async () => {
      const ids = Array.from({ length: 50 }, (_, i) => `late-dup:${path}:${i}`);
      const sha = `late-dup-${path}`;
      const error = await handle.db.transaction(async (tx) => load(tx, [...ids.map((id) => cash(id)), cash(ids[0]!)], await newImport(tx, sha))).catch((e: unknown) => e);
      expect(violatedConstraint(error)).toBe('records_pkey');
      await expectNothingStored(ids, sha);
    });
  }

  it('stores nothing when a record is refused while later ones are still being sent', async () => {
    const ids = Array.from({ length: 30_000 }, (_, i) => `early-dup:${i}`);
    const batch = ids.map((id) => cash(id, { description: 'x'.repeat(200) }));
    batch.splice(10, 0, cash(ids[0]!));
    const error = await handle.db.transaction(async (tx) => copyRecords(tx, batch, await newImport(tx, 'early-dup'))).catch((e: unknown) => e);
    expect(violatedConstraint(error)).toBe('records_pkey');
    await expectNothingStored(ids, 'early-dup');
  });

  it('rolls back a bad value (the server’s error comes through)', async () => {
    const error = await handle.db.transaction(async (tx) => copyRecords(tx, [cash('bad-date:1'), cash('bad-date:2', { date: '2026-02-30' })], await newImport(tx, 'bad-date'))).catch((e: unknown) => e as Error);
    expect(String((error as Error & { cause?: Error }).message)).toMatch(/date/);
    await expectNothingStored(['bad-date:1', 'bad-date:2'], 'bad-date');
  });

  it('abandons an open COPY so the transaction rolls back and the database stays usable', async () => {
    const failure = new Error('parse failed late');
    const error = await handle.db
      .transaction(async (tx) => {
        const copy = await openRecordCopy(tx, await newImport(tx, 'abandoned'));
        await copy.add([cash('abandoned:1'), cash('abandoned:2')]);
        await copy.abort();
        throw failure;
      })
      .catch((e: unknown) => e);
    expect(error).toBe(failure);
    await expectNothingStored(['abandoned:1', 'abandoned:2'], 'abandoned');
    const importId = await newImport(handle.db, 'after-abandon');
    await copyRecords(handle.db, [cash('after-abandon:1')], importId);
    expect(await handle.db.select({ id: records.id }).from(records).where(eq(records.importId, importId))).toEqual([{ id: 'after-abandon:1' }]);
  });

  it('rejects a COPY the server refuses outright', async () => {
    const error = await handle.db
      .transaction(async (tx) => {
        const copy = await openCopy(tx, { table: 'no_such_table', columns: ['a'] });
        await copy.write('x\n');
        await copy.end();
      })
      .catch((e: unknown) => e as Error);
    expect((error as Error).message).toMatch(/no_such_table/);
  });

  it('works inside a savepoint of an outer transaction', async () => {
    await handle.db.transaction(async (outer) => {
      await outer.transaction(async (inner) => copyRecords(inner, [cash('nested:1')], await newImport(inner, 'nested')));
      expect(await outer.select({ id: records.id }).from(records).where(eq(records.id, 'nested:1'))).toHaveLength(1);
    });
    expect(await handle.db.select({ id: records.id }).from(records).where(eq(records.id, 'nested:1'))).toHaveLength(1);
  });
});
