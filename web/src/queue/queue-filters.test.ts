import { describe, expect, it } from 'vitest';
import { apiQuery, AWAITING_STATUSES, filtersFromSearch, searchFromFilters } from './queue-filters.ts';
import { formatDecimalText } from './queue-format.ts';
import { rowWindow, scrollToShow } from './virtual-rows.ts';

describe('queue filters in the URL', () => {
  it('round-trips every filter and drops malformed or unknown values instead of sending a 400 on', () => {
    const f = filtersFromSearch({ status: 'open,edited', type: 'fee_deduction,nonsense', source: 'llm', account: ' DE89 ', verified: 'true', minConfidence: '0.8', maxConfidence: '7', minAmount: '100.00', maxAmount: 'abc', minAgeDays: '3', sort: 'amount', order: 'desc' });
    expect(f).toEqual({ status: ['open', 'edited'], type: ['fee_deduction'], source: ['llm'], account: 'DE89', verified: true, minConfidence: '0.8', minAmount: '100.00', minAgeDays: 3, sort: 'amount', order: 'desc' });
    expect(filtersFromSearch(searchFromFilters(f) as Record<string, string>)).toEqual(f);
  });

  it('means "awaiting a decision" without a status and keeps the defaults out of the URL', () => {
    const f = filtersFromSearch({});
    expect(f.status).toEqual(AWAITING_STATUSES);
    expect(Object.values(searchFromFilters(f)).filter((v) => v !== undefined)).toEqual([]);
  });

  it('sends the server filters as the API names them, and keeps the account text in the browser', () => {
    const q = apiQuery(filtersFromSearch({ type: 'sign_error', account: 'DE', minAgeDays: '2', sort: 'confidence' }), 500, 'c1');
    expect(Object.fromEntries(q)).toEqual({ status: 'open,suggested,edited,escalated', type: 'sign_error', minAgeDays: '2', sort: 'confidence', limit: '500', cursor: 'c1' });
  });
});

describe('windowing', () => {
  it('renders the rows in view plus the overscan, clamped to the list', () => {
    expect(rowWindow(10_000, 44, 0, 440)).toEqual({ start: 0, end: 17 });
    expect(rowWindow(10_000, 44, 44 * 5_000, 440)).toEqual({ start: 4_994, end: 5_017 });
    expect(rowWindow(10_000, 44, 44 * 10_000, 440)).toEqual({ start: 9_993, end: 10_000 });
    expect(rowWindow(0, 44, 0, 440)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls only as far as needed to show a row', () => {
    expect(scrollToShow(3, 44, 0, 440)).toBe(0);
    expect(scrollToShow(10, 44, 0, 440)).toBe(44);
    expect(scrollToShow(2, 44, 200, 440)).toBe(88);
  });
});

describe('money in words', () => {
  it('groups digits and pads decimals from the string, never through a float', () => {
    expect(formatDecimalText('-1234567.5')).toBe('−1,234,567.50');
    expect(formatDecimalText('12345678901234567890.01')).toBe('12,345,678,901,234,567,890.01');
    expect(formatDecimalText('-0.00')).toBe('0.00');
    expect(formatDecimalText('5', 0)).toBe('5');
  });
});
