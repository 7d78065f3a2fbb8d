/**
 * Securities matching: trades and positions keyed by security (any of its
 * ISIN/CUSIP/SEDOL identifiers, cross-referenced), trade date and direction.
 * A pair is a match only when quantity, price (within tolerance), settlement
 * date, FX rate and amount all agree; otherwise it is a pair break listing
 * each differing field — but only when the two trades visibly belong together
 * (`related`): sharing a security, a day and a direction is common for
 * unrelated trades. Near misses pair trades whose identifiers or trade dates
 * differ but whose economics agree.
 */
import { currencyMinorUnits, isCurrencyCode } from '../money/currency.ts';
import { parseDecimal } from '../money/decimal.ts';
import type { MatchConfig } from './match-config.ts';
import type { FieldDifference } from './match-types.ts';
import { pairCandidates, type Candidate } from './pairing.ts';
import { formatScaled } from './evidence.ts';
import { AMOUNT_SCALE, toScaled, type PreparedRecord } from './prepared-record.ts';
import type { UsedRecords } from './used-records.ts';

/** Groups every identifier that appears together on any record into one security (union-find). */
export function securityResolver(records: readonly PreparedRecord[]): (r: PreparedRecord) => string | undefined {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let y = x; parent.get(y) !== root; ) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    // The smaller id becomes the root, so the result does not depend on order.
    if (ra === rb) return;
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  const idsOf = (r: PreparedRecord) => [r.record.securityId, ...Object.values(r.record.securityIds ?? {})].filter((v): v is string => !!v).map((v) => v.toUpperCase());
  for (const r of records) for (const id of idsOf(r)) if (!parent.has(id)) parent.set(id, id);
  for (const r of records) {
    const ids = idsOf(r);
    for (const id of ids.slice(1)) union(ids[0]!, id);
  }
  return (r) => {
    const first = idsOf(r)[0];
    return first === undefined ? undefined : find(first);
  };
}

const abs = (v: bigint) => (v < 0n ? -v : v);
const tradeDay = (r: PreparedRecord) => r.record.tradeDate ?? r.record.date;

function withinPercent(a: bigint, b: bigint, percent: string): boolean {
  const p = parseDecimal(percent);
  return abs(a - b) * 100n * 10n ** BigInt(p.scale) <= abs(b) * p.coef;
}

const scaled = (v: string | undefined) => (v === undefined ? undefined : toScaled(v));

/** The rounding tolerance in the record's own minor units (2 yen, 0.02 dollars, 0.002 dinars), at the fixed scale. */
function roundingTolerance(r: PreparedRecord, config: MatchConfig): bigint {
  const units = isCurrencyCode(r.currency) ? Math.min(currencyMinorUnits(r.currency), AMOUNT_SCALE) : 2;
  return BigInt(config.roundingMinorUnits) * 10n ** BigInt(AMOUNT_SCALE - units);
}

/** Field-by-field comparison of a securities pair against the configured tolerances. */
export function compareTrades(e: PreparedRecord, i: PreparedRecord, config: MatchConfig, security: (r: PreparedRecord) => string | undefined): FieldDifference[] {
  const out: FieldDifference[] = [];
  const eq = scaled(e.record.quantity);
  const iq = scaled(i.record.quantity);
  if (eq !== iq && (eq === undefined || iq === undefined || abs(eq - iq) > toScaled(config.securities.quantity))) out.push({ field: 'quantity', external: e.record.quantity ?? null, internal: i.record.quantity ?? null });
  const ep = scaled(e.record.price);
  const ip = scaled(i.record.price);
  if (ep !== undefined && ip !== undefined && !withinPercent(ep, ip, config.securities.pricePercent)) out.push({ field: 'price', external: e.record.price!, internal: i.record.price! });
  if (e.record.settleDate && i.record.settleDate && e.record.settleDate !== i.record.settleDate) out.push({ field: 'settleDate', external: e.record.settleDate, internal: i.record.settleDate });
  const ef = scaled(e.record.fxRate);
  const iff = scaled(i.record.fxRate);
  if (ef !== undefined && iff !== undefined && !withinPercent(ef, iff, config.securities.fxRatePercent)) out.push({ field: 'fxRate', external: e.record.fxRate!, internal: i.record.fxRate! });
  if (security(e) !== security(i)) out.push({ field: 'securityId', external: e.record.securityId ?? null, internal: i.record.securityId ?? null });
  if (e.amount !== i.amount && abs(e.amount - i.amount) > roundingTolerance(i, config)) {
    out.push({ field: 'amount', external: e.record.amount, internal: i.record.amount, delta: formatScaled(e.amount - i.amount, e.currency === i.currency ? e.currency : null) });
  }
  if (tradeDay(e) !== tradeDay(i)) out.push({ field: 'tradeDate', external: tradeDay(e), internal: tradeDay(i) });
  return out;
}

/** Compared fields, for the evidence's list of what agreed. */
export const TRADE_FIELDS = ['quantity', 'price', 'settleDate', 'fxRate', 'securityId', 'amount', 'tradeDate'] as const;

/**
 * Whether a keyed pair is one trade seen twice rather than two trades that
 * share a security, a day and a direction: the same reference, the same
 * quantity or the same amount (within rounding) — so a pair one field apart
 * always qualifies. Price is no evidence here: trades in one security on one
 * day trade near the same price anyway. Unrelated trades stay one-sided
 * (booked or settled on one side only) instead of becoming a pair break that
 * lists every field.
 */
export function related(e: PreparedRecord, i: PreparedRecord, differences: readonly FieldDifference[]): boolean {
  if (e.ref !== '' && e.ref === i.ref) return true;
  return !differences.some((d) => d.field === 'quantity') || !differences.some((d) => d.field === 'amount');
}

const direction = (r: PreparedRecord) => ((scaled(r.record.quantity) ?? r.amount) < 0n ? 'out' : 'in');

export interface SecuritiesResult {
  readonly pairs: { candidate: Candidate; differences: FieldDifference[]; pass: 'securities' | 'near_miss' }[];
  readonly ambiguous: { external: PreparedRecord[]; internal: PreparedRecord[] }[];
}

export function matchSecurities(ext: readonly PreparedRecord[], int: readonly PreparedRecord[], used: UsedRecords, config: MatchConfig): SecuritiesResult {
  const security = securityResolver([...ext, ...int]);
  const key = (r: PreparedRecord) => `${security(r)}|${r.record.kind ?? 'trade'}|${tradeDay(r)}|${direction(r)}`;
  const byKey = new Map<string, PreparedRecord[]>();
  for (const i of int) (byKey.get(key(i)) ?? byKey.set(key(i), []).get(key(i))!).push(i);
  const keyed: Candidate[] = [];
  for (const e of ext) {
    for (const i of byKey.get(key(e)) ?? []) {
      const differences = compareTrades(e, i, config, security);
      if (related(e, i, differences)) keyed.push({ external: e, internal: i, score: 1 - differences.length * 0.1 });
    }
  }
  const first = pairCandidates(keyed, used);
  const result: SecuritiesResult = {
    pairs: first.pairs.map((c) => ({ candidate: c, differences: compareTrades(c.external, c.internal, config, security), pass: 'securities' })),
    ambiguous: [...first.ambiguous],
  };
  // Near misses: same economics (direction, quantity, amount) but another identifier or trade date.
  const loose = (r: PreparedRecord) => `${r.record.kind ?? 'trade'}|${direction(r)}|${r.record.quantity ?? ''}|${r.amountKey}`;
  const byLoose = new Map<string, PreparedRecord[]>();
  for (const i of int) if (!used.has(i.uid)) (byLoose.get(loose(i)) ?? byLoose.set(loose(i), []).get(loose(i))!).push(i);
  const near: Candidate[] = [];
  for (const e of ext) {
    if (used.has(e.uid)) continue;
    for (const i of byLoose.get(loose(e)) ?? []) if (Math.abs(e.day - i.day) <= config.nearMissDateDays) near.push({ external: e, internal: i, score: 0.5 - Math.abs(e.day - i.day) / 1000 });
  }
  const second = pairCandidates(near, used);
  for (const c of second.pairs) result.pairs.push({ candidate: c, differences: compareTrades(c.external, c.internal, config, security), pass: 'near_miss' });
  result.ambiguous.push(...second.ambiguous);
  return result;
}
