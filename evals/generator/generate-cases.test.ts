import { describe, expect, it } from 'vitest';
import { matchRecords } from '../../core/match/match-records.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import { BREAK_TYPES } from '../../core/taxonomy/break-types.ts';
import { evalCaseSchema, type EvalCase } from '../case-schema.ts';
import { scoreMatchingOverCases } from '../scoring/matching-score.ts';
import { CASH_BREAK_SCENARIOS } from './cash-scenarios.ts';
import { generateCases, generateCashCases } from './generate-cases.ts';
import { SECURITIES_BREAK_SCENARIOS } from './securities-scenarios.ts';

/** The engine's matches for every case, scored against the truth. */
function engineScore(list: readonly EvalCase[]) {
  return scoreMatchingOverCases(list, (i) => matchRecords({ external: list[i]!.external as CanonicalRecord[], internal: list[i]!.internal as CanonicalRecord[] }).matches);
}

const cases = generateCashCases({ cases: 40, seed: 7 });

describe('generateCashCases', () => {
  it('is reproducible from the seed', () => {
    expect(generateCashCases({ cases: 3, seed: 7 })).toEqual(cases.slice(0, 3));
    expect(generateCashCases({ cases: 3, seed: 8 })).not.toEqual(cases.slice(0, 3));
  });

  it('writes valid contract cases covering every injected break type', () => {
    for (const c of cases) expect(evalCaseSchema.safeParse(c).success).toBe(true);
    const scenarios = new Set(cases.flatMap((c) => c.tags));
    expect([...scenarios].sort()).toEqual(Object.keys(CASH_BREAK_SCENARIOS).sort());
    const types = new Set(cases.flatMap((c) => c.expected.breaks.map((b) => b.type)));
    expect(types.size).toBeGreaterThanOrEqual(13);
  });

  it('rejects a case whose truth misses a record', () => {
    const broken = { ...cases[0]!, expected: { ...cases[0]!.expected, matches: cases[0]!.expected.matches.slice(1) } };
    const result = evalCaseSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/is in 0 groups, expected exactly 1/);
  });
});

describe('the matching engine on generated cases', () => {
  it('reaches pairwise precision ≥ 0.995 and recall ≥ 0.98, and never auto-matches a break record', () => {
    const score = engineScore(cases);
    expect(score.leaked).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.995);
    expect(score.recall).toBeGreaterThanOrEqual(0.98);
  });
});

describe('securities cases', () => {
  const securities = generateCases({ cases: 30, seed: 11, domain: 'securities' });

  it('cover every securities scenario with valid labels', () => {
    for (const c of securities) expect(c.domain).toBe('securities');
    expect([...new Set(securities.flatMap((c) => c.tags))].sort()).toEqual(Object.keys(SECURITIES_BREAK_SCENARIOS).sort());
  });

  it('are matched with precision ≥ 0.995 and recall ≥ 0.98, no break record auto-matched', () => {
    const score = engineScore(securities);
    expect(score.leaked).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.995);
    expect(score.recall).toBeGreaterThanOrEqual(0.98);
  });
});

describe('noise', () => {
  for (const difficulty of ['noisy', 'multilingual', 'ambiguous', 'adversarial'] as const) {
    it(`keeps matching exact on ${difficulty} cases`, () => {
      const noisy = generateCases({ cases: 40, seed: 3, difficulty });
      expect(noisy.every((c) => c.difficulty === difficulty && c.tags.includes(difficulty))).toBe(true);
      const score = engineScore(noisy);
      expect(score.leaked).toEqual([]);
      expect(score.precision).toBeGreaterThanOrEqual(0.995);
      expect(score.recall).toBeGreaterThanOrEqual(0.98);
    });
  }

  it('writes references differently but equal after normalizing, and plants instructions in adversarial text', () => {
    const [clean] = generateCases({ cases: 1, seed: 21 });
    const [noisy] = generateCases({ cases: 1, seed: 21, difficulty: 'noisy' });
    expect(noisy!.external.some((r, i) => r.reference !== clean!.external[i]!.reference)).toBe(true);
    const adversarial = generateCases({ cases: 10, seed: 21, difficulty: 'adversarial' });
    expect(adversarial.flatMap((c) => c.external).some((r) => /IGNORE PREVIOUS INSTRUCTIONS|auto-approve|classify as/.test(r.description ?? ''))).toBe(true);
  });
});

describe('multilingual and ambiguous levels', () => {
  it('rewrite narratives, never the truth', () => {
    const [clean] = generateCases({ cases: 1, seed: 23, breaksPerCase: 19 });
    const [multilingual] = generateCases({ cases: 1, seed: 23, breaksPerCase: 19, difficulty: 'multilingual' });
    const [ambiguous] = generateCases({ cases: 1, seed: 23, breaksPerCase: 19, difficulty: 'ambiguous' });
    for (const c of [multilingual!, ambiguous!]) expect(c.expected).toEqual(clean!.expected);
    expect(multilingual!.external.some((r) => /[äöüéèíóçąłńśź]/i.test(r.description ?? ''))).toBe(true);
    expect(multilingual!.internal.some((r) => /^(Rechnung|Facture|Factura|Fattura|Factuur|Zahlungseingang|Encaissement|Cobro|Incasso|Lieferantenzahlung|Paiement fournisseur|Pago a proveedor|Pagamento fornitore)\b/.test(r.description ?? ''))).toBe(true);
    // One-sided items lose the counterparty's name; paired ones keep it.
    const oneSided = new Set(ambiguous!.expected.breaks.filter((b) => b.internal.length === 0).flatMap((b) => b.external));
    expect(ambiguous!.external.filter((r) => oneSided.has(r.id)).every((r) => r.counterparty === undefined)).toBe(true);
    expect(ambiguous!.external.some((r) => /^(CHARGES|ACCT FEE|GEBUEHR|FRAIS|INTEREST|ZINSEN|INT CR)/.test(r.description ?? ''))).toBe(true);
  });
});

describe('several currencies', () => {
  it('books scenarios in several currencies and keeps matching exact', () => {
    const mixed = generateCases({ cases: 30, seed: 17, currencies: ['EUR', 'USD', 'GBP', 'CHF'], difficulty: 'noisy' });
    expect(mixed.every((c) => c.tags.includes('multi-currency'))).toBe(true);
    for (const c of mixed) for (const b of c.expected.breaks) if ('currency' in b.resolution) expect(['EUR', 'USD', 'GBP', 'CHF']).toContain(b.resolution.currency);
    const score = engineScore(mixed);
    expect(score.leaked).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.995);
    expect(score.recall).toBeGreaterThanOrEqual(0.98);
  });
});

describe('coverage of the taxonomy', () => {
  it('injects every break type of the taxonomy across the two domains', () => {
    const all = [...generateCases({ cases: 20, seed: 1 }), ...generateCases({ cases: 20, seed: 1, domain: 'securities' })];
    const types = new Set(all.flatMap((c) => c.expected.breaks.map((b) => b.type)));
    expect([...types].sort()).toEqual([...BREAK_TYPES].sort());
  });
});
