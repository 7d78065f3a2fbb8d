import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.ts';
import { readFixture } from '../../test/fixtures.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { DatabaseHandle } from '../client.ts';
import { imports } from '../schema/imports.ts';
import { records } from '../schema/records.ts';
import { importStatement } from './import-statement.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe('importStatement', () => {
  it('stores every record of a real statement with balance warnings', async () => {
    const result = await importStatement(handle.db, readFixture('jejik-mt940/sparkasse2.txt'), { fileName: 'sparkasse2.txt', side: 'external' });
    expect(result).toMatchObject({ status: 'stored', format: 'mt940', recordCount: 1 });
    expect(result.warnings.map((w) => w.code)).toContain('balance_mismatch');
    const [row] = await handle.db.select().from(imports).where(eq(imports.id, result.importId));
    expect(row!.warnings[0]!.code).toBe('balance_mismatch');
    const stored = await handle.db.select().from(records).where(eq(records.importId, result.importId));
    expect(stored[0]).toMatchObject({ side: 'external', account: 'DE11222220220222220200', currency: 'EUR' });
    expect(stored[0]!.amount).toBe('1027.25');
  });

  it('reports the same file again as a duplicate with the same ids', async () => {
    const bytes = readFixture('mt940-rs/danskebank/MT940_DK_Example.sta');
    const first = await importStatement(handle.db, bytes, { fileName: 'dk.sta', side: 'external' });
    const second = await importStatement(handle.db, bytes, { fileName: 'dk-again.sta', side: 'external' });
    expect(first.status).toBe('stored');
    expect(second).toMatchObject({ status: 'duplicate', importId: first.importId, recordCount: 89 });
    expect(await handle.db.select().from(records).where(eq(records.importId, first.importId))).toHaveLength(89);
  });

  it('stores nothing from a file with an error, and names the file, line and field', async () => {
    const before = (await handle.db.select().from(records)).length;
    const error = await importStatement(handle.db, readFixture('bankstatementparser/golden/csv_garbled_amount.csv'), { fileName: 'garbled.csv', side: 'external', account: 'X1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('parse_failed');
    expect((error as AppError).message).toMatch(/^garbled\.csv: 1 problem, nothing was imported — line 3, field amount/);
    expect((error as AppError).issues).toEqual([expect.objectContaining({ line: 3, message: '"12..34" is not a number (more than one ".")' })]);
    expect((await handle.db.select().from(records)).length).toBe(before);
  });
});
