import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatementFile } from '../../core/ingest/parse-statement-file.ts';
import { matchRecords } from '../../core/match/match-records.ts';
import { bulkSides, writeBulkCsv } from './bulk.ts';

describe('bulk benchmark data', () => {
  it('is seeded and has about 2 % breaks', () => {
    const sides = bulkSides(5000, 4);
    expect(bulkSides(5000, 4)).toEqual(sides);
    expect(sides.external).toHaveLength(5000);
    const result = matchRecords(sides);
    const breakShare = result.breaks.length / sides.external.length;
    expect(breakShare).toBeGreaterThan(0.01);
    expect(breakShare).toBeLessThan(0.04);
  });

  it('writes CSV files the built-in bank and ledger profiles import', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'recon-bulk-'));
    try {
      const paths = await writeBulkCsv(dir, 300, 9);
      const bank = parseStatementFile(await readFile(paths.external), { fileName: 'external.csv', side: 'external' });
      const ledger = parseStatementFile(await readFile(paths.internal), { fileName: 'internal.csv', side: 'internal', account: '1200' });
      expect(bank.errors).toEqual([]);
      expect(ledger.errors).toEqual([]);
      const sides = bulkSides(300, 9);
      expect(bank.records.map((r) => [r.date, r.amount, r.reference])).toEqual(sides.external.map((r) => [r.date, r.amount, r.reference]));
      expect(ledger.records).toHaveLength(sides.internal.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
