/**
 * The committed datasets validate as every consumer reads them, the golden
 * set is big enough and explains itself, and the generated suites are what
 * their seeds write (a generator change must regenerate them).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BREAK_TYPES } from '../../core/taxonomy/break-types.ts';
import { CALIBRATION_FILES, CI_SUITES } from '../ci/suites.ts';
import { generateCases } from '../generator/generate-cases.ts';
import { DIFFICULTIES } from '../generator/noise.ts';
import { parseCaseLines } from '../io/read-cases.ts';

const ROOT = new URL('../../', import.meta.url);
const read = (file: string) => parseCaseLines(readFileSync(new URL(file, ROOT), 'utf8'), file).map((c) => c.case);

describe('the golden set', () => {
  const golden = read('evals/datasets/golden/golden.jsonl');

  it('holds at least 60 valid cases, each with a one-line rationale', () => {
    expect(golden.length).toBeGreaterThanOrEqual(60);
    for (const c of golden) {
      expect(c.rationale, c.id).toBeTruthy();
      expect(c.rationale!.includes('\n'), c.id).toBe(false);
    }
  });

  it('covers both domains and every break type of the taxonomy', () => {
    expect(new Set(golden.map((c) => c.domain))).toEqual(new Set(['cash', 'securities']));
    expect([...new Set(golden.flatMap((c) => c.expected.breaks.map((b) => b.type)))].sort()).toEqual([...BREAK_TYPES].sort());
  });
});

describe('the generated suites and the calibration split', () => {
  const files = [...CI_SUITES.filter((s) => s.name !== 'golden').flatMap((s) => s.files), ...CALIBRATION_FILES];

  it('validate, cover every level, and never share a case with each other', () => {
    const ids = new Set<string>();
    for (const file of files) for (const c of read(file)) {
      expect(ids.has(c.id), c.id).toBe(false);
      ids.add(c.id);
    }
    const levels = new Set(files.map((f) => f.replace(/^.*-(\w+)\.jsonl$/, '$1')));
    expect([...levels].sort()).toEqual([...DIFFICULTIES].sort());
  });

  it('are what the generator writes for their seeds', () => {
    const [first] = read('evals/datasets/generated/cash-noisy.jsonl');
    // evals/datasets/generate-suites.ts: seed 1000 + level 1 for cash noisy, five currencies.
    const [again] = generateCases({ cases: 1, seed: 1001, domain: 'cash', difficulty: 'noisy', breaksPerCase: 5, matchesPerCase: 3, currencies: ['EUR', 'USD', 'GBP', 'CHF', 'JPY'] });
    expect(first).toEqual({ ...again, tags: [...new Set([...again!.tags, 'generated'])].sort() });
  });
});
