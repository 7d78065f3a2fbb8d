import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors/app-error.ts';
import { generateCases } from '../generator/generate-cases.ts';
import { parseCaseLines, readCaseFiles } from './read-cases.ts';

const [good] = generateCases({ cases: 1, seed: 4 });
const line = (c: unknown) => JSON.stringify(c);

function refused(text: string) {
  try {
    parseCaseLines(text, 'suite.jsonl');
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('reading case files', () => {
  it('reads valid lines and skips blank ones', () => {
    const cases = parseCaseLines(`${line(good)}\n\n${line({ ...good, id: 'other' })}\n`, 'suite.jsonl');
    expect(cases.map((c) => [c.case.id, c.line])).toEqual([
      [good!.id, 1],
      ['other', 3],
    ]);
  });

  it('names the line, case and field of a label outside the taxonomy', () => {
    const bad = structuredClone(good!);
    (bad.expected.breaks[0] as { type: string }).type = 'bank_mistake';
    const error = refused(`${line(good)}\n${line(bad)}`);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/1 invalid case line/);
    expect(error.issues[0]).toMatchObject({ line: 2, field: 'expected.breaks[0].type' });
    expect(error.issues[0]!.message).toContain(`case ${good!.id}`);
  });

  it('refuses broken JSON, a record in two groups, a cause of another type and a resolution that does not balance', () => {
    const twice = structuredClone(good!);
    twice.expected.matches.push(twice.expected.matches[0]!);
    const cause = structuredClone(good!);
    cause.expected.breaks[0]!.cause = 'stale_price';
    const fee = {
      ...good!,
      external: [{ id: 'e1', account: 'A', date: '2026-10-02', amount: '-12.50', currency: 'EUR', description: 'FEE' }],
      internal: [],
      expected: { matches: [], breaks: [{ external: ['e1'], internal: [], type: 'unbooked_fee', cause: 'bank_service_charge', resolution: { action: 'post_journal', account: 'bank_charges', amount: '-12.00', currency: 'EUR' } }] },
    };
    const error = refused(['{"id": "x",', line(twice), line(cause), line(fee)].join('\n'));
    const byLine = (n: number) => error.issues.filter((i) => i.line === n);
    expect(byLine(1)[0]!.message).toMatch(/not valid JSON/);
    expect(byLine(2).some((i) => /is in 2 groups, expected exactly 1/.test(i.message))).toBe(true);
    expect(byLine(3)[0]).toMatchObject({ field: 'expected.breaks[0].cause' });
    expect(byLine(3)[0]!.message).toMatch(/stale_price is not a cause of/);
    expect(byLine(4)[0]).toMatchObject({ field: 'expected.breaks[0].resolution.amount' });
    expect(byLine(4)[0]!.message).toMatch(/does not balance the records: sum\(external\) − sum\(internal\) is -12.50/);
  });

  it('refuses a resolution naming a record outside its break, repeated ids and an empty file', () => {
    const foreign = structuredClone(good!);
    const withRecord = foreign.expected.breaks.findIndex((b) => b.resolution.action === 'reverse_entry' || b.resolution.action === 'correct_entry');
    (foreign.expected.breaks[withRecord]!.resolution as { recordId: string }).recordId = 'nobody';
    expect(refused(line(foreign)).issues[0]).toMatchObject({ line: 1, field: `expected.breaks[${withRecord}].resolution.recordId` });
    expect(refused(`${line(good)}\n${line(good)}`).issues[0]).toMatchObject({ line: 2, field: 'id' });
    expect(refused('\n').message).toMatch(/no cases/);
  });

  it('refuses case ids repeated across files and names a file it cannot read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'recon-cases-'));
    await writeFile(join(dir, 'a.jsonl'), line(good));
    await writeFile(join(dir, 'b.jsonl'), line(good));
    await expect(readCaseFiles([join(dir, 'a.jsonl'), join(dir, 'b.jsonl')])).rejects.toMatchObject({ code: 'validation_failed', issues: [{ line: 1, field: 'id' }] });
    await expect(readCaseFiles([join(dir, 'missing.jsonl')])).rejects.toThrow(/cannot read case file .*missing.jsonl: ENOENT/);
  });
});
