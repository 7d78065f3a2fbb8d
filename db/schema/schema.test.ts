/** Constraints the rest of the product relies on, on PGlite and on PostgreSQL alike. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-db.ts';
import type { DatabaseHandle } from '../client.ts';
import { statementFailure } from '../testing/statement-failure.ts';
import { exceptions, imports, records, runs, suggestions, type NewException, type NewSuggestion } from './index.ts';

let handle: DatabaseHandle;
let importId: string;
let runId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const [imp] = await handle.db
    .insert(imports)
    .values({ format: 'mt940', side: 'external', account: 'DE89370400440532013000', fileName: 'oct.sta', sha256: 'a'.repeat(64), status: 'completed', recordCount: 2 })
    .returning();
  importId = imp!.id;
  const [run] = await handle.db.insert(runs).values({ asOf: '2026-10-31', mode: 'rules' }).returning();
  runId = run!.id;
});
afterAll(async () => {
  await handle.close();
});

const fee = (): NewException => ({ runId, asOf: '2026-10-31', type: 'unbooked_fee', account: 'DE89', currency: 'EUR', amount: '12.50', difference: '-12.50' });

describe('schema', () => {
  it('keeps money and quantities exact: what goes in as a string comes back the same string', async () => {
    await handle.db.insert(records).values([
      { id: 'mt940:ref-1', importId, side: 'external', account: 'DE89', date: '2026-10-01', amount: '12345678901234.56', currency: 'EUR' },
      { id: 'mt940:ref-2', importId, side: 'external', account: 'DE89', date: '2026-10-02', amount: '-0.01', currency: 'EUR', quantity: '0.000000000001', fxRate: '1.0842715' },
    ]);
    const rows = await handle.db.select().from(records).where(eq(records.importId, importId)).orderBy(records.id);
    expect(rows.map((r) => r.amount)).toEqual(['12345678901234.56', '-0.01']);
    expect(rows.map((r) => r.date)).toEqual(['2026-10-01', '2026-10-02']);
    expect(rows[1]!.quantity).toBe('0.000000000001');
    expect(rows[1]!.fxRate).toBe('1.0842715');
    const [sum] = await handle.db.select({ total: sql<string>`sum(${records.amount})::text` }).from(records).where(eq(records.importId, importId));
    expect(sum!.total).toBe('12345678901234.55');
  });

  it('rejects a value outside an enum', async () => {
    const message = await statementFailure(handle.db.execute(sql`insert into runs (as_of, mode, status) values ('2026-10-31', 'rules', 'exploded')`));
    expect(message).toMatch(/invalid input value for enum run_status/);
  });

  it('detects the same file imported twice for one account', async () => {
    const copy = { format: 'mt940', side: 'external', account: 'DE89370400440532013000', fileName: 'copy.sta', sha256: 'a'.repeat(64), status: 'completed' } as const;
    expect(await statementFailure(handle.db.insert(imports).values(copy))).toMatch(/imports_side_account_sha256_key/);
    // The same bytes for another account, or the other side, are a different import.
    await handle.db.insert(imports).values({ ...copy, account: 'NL91ABNA0417164300' });
    await handle.db.insert(imports).values({ ...copy, side: 'internal' });
  });

  it('allows one suggestion per exception version', async () => {
    const [exception] = await handle.db.insert(exceptions).values(fee()).returning();
    const suggestion: NewSuggestion = {
      exceptionId: exception!.id,
      version: 1,
      type: 'unbooked_fee',
      cause: 'bank_service_charge',
      action: 'post_journal',
      resolution: { action: 'post_journal', account: 'bank_charges', amount: '-12.50', currency: 'EUR' },
      confidence: '0.95',
      source: 'rules',
      createdBy: 'rules',
    };
    await handle.db.insert(suggestions).values(suggestion);
    expect(await statementFailure(handle.db.insert(suggestions).values(suggestion))).toMatch(/suggestions_exception_version_key/);
    await handle.db.insert(suggestions).values({ ...suggestion, version: 2, source: 'human', createdBy: 'reviewer' });
    const versions = await handle.db.select({ v: suggestions.version }).from(suggestions).where(eq(suggestions.exceptionId, exception!.id));
    expect(versions.map((r) => r.v).sort()).toEqual([1, 2]);
  });

  it('keeps an exception amount non-negative and confidences within 0..1', async () => {
    expect(await statementFailure(handle.db.insert(exceptions).values({ ...fee(), amount: '-12.50' }))).toMatch(/exceptions_amount_non_negative/);
    expect(await statementFailure(handle.db.insert(exceptions).values({ ...fee(), confidence: '1.01' }))).toMatch(/exceptions_confidence_range/);
    const [row] = await handle.db.insert(exceptions).values({ ...fee(), confidence: '1' }).returning();
    expect(row).toMatchObject({ status: 'open', version: 0, verified: false, confidence: '1', amount: '12.50' });
  });

  it('leaves exception records and match records pointing at stored records only', async () => {
    const [exception] = await handle.db.insert(exceptions).values(fee()).returning();
    const message = await statementFailure(
      handle.db.execute(sql`insert into exception_records (exception_id, record_id, side) values (${exception!.id}, 'no-such-record', 'external')`),
    );
    expect(message).toMatch(/exception_records_record_id_records_id_fk/);
  });
});
