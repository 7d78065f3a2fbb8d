import { describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import { StatementCache } from './statement-cache.ts';

const dbA = {} as Database;
const dbB = {} as Database;

describe('StatementCache', () => {
  it('builds a shape once per database and reuses it', () => {
    const cache = new StatementCache<{ shape: string }>(10);
    let builds = 0;
    const build = (shape: string) => () => ({ shape: `${shape}#${++builds}` });
    const first = cache.get(dbA, 'status:1', build('status:1'));
    expect(cache.get(dbA, 'status:1', build('status:1'))).toBe(first);
    expect(cache.get(dbB, 'status:1', build('status:1'))).not.toBe(first);
    expect(builds).toBe(2);
  });

  it('keeps at most its bound, dropping the oldest shape first', () => {
    const cache = new StatementCache<string>(3);
    for (const s of ['a', 'b', 'c', 'd']) cache.get(dbA, s, () => `${s}1`);
    expect(cache.size(dbA)).toBe(3);
    expect(cache.get(dbA, 'd', () => 'd2')).toBe('d1');
    expect(cache.get(dbA, 'b', () => 'b2')).toBe('b1');
    expect(cache.get(dbA, 'a', () => 'a2')).toBe('a2');
    expect(cache.size(dbA)).toBe(3);
  });
});
