import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyCounter, stableHash, stableHashJoined } from './stable-hash.ts';

describe('stableHash', () => {
  it('keeps the ids stored before: known values', () => {
    // Record ids in existing databases embed these hashes; they must never change.
    expect(stableHash('')).toBe('ab3e7c0b4a216c31');
    expect(stableHashJoined([''])).toBe('ab3e7c0b4a216c31');
    expect(stableHash('2026-10-01|79.19|EUR|INV-1|Counterparty 1|Payment for invoice INV-1')).toBe('3d118d518276603a');
    expect(stableHashJoined(['2026-10-01', '79.19', 'EUR', 'INV-1', 'Counterparty 1', 'Payment for invoice INV-1'])).toBe('3d118d518276603a');
    expect(stableHashJoined(['', 'é€', ''])).toBe('1f6a766372ff193a');
  });

  it('hashes parts exactly as it hashes the parts joined by "|"', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 8 }), (parts) => {
        expect(stableHashJoined(parts)).toBe(stableHash(parts.join('|')));
      }),
    );
  });
});

describe('KeyCounter', () => {
  it('counts occurrences exactly as a Map would, across table growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 24 }), { maxLength: 3000 }), (keys) => {
        const counter = new KeyCounter();
        const map = new Map<string, number>();
        for (const key of keys) {
          const seen = map.get(key) ?? 0;
          map.set(key, seen + 1);
          expect(counter.count(key)).toBe(seen);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('tells apart keys that share their last characters', () => {
    const counter = new KeyCounter();
    const tail = 'x'.repeat(20);
    for (let i = 0; i < 5000; i++) expect(counter.count(`${i}${tail}`)).toBe(0);
    expect(counter.count(`7${tail}`)).toBe(1);
    expect(counter.count(`7${tail}`)).toBe(2);
  });
});
