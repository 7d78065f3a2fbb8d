/**
 * What every rule reads about a break, computed once per break context and
 * shared by the three agents (classification, root cause, suggestion): the
 * amounts as bigints, sums and difference, ages against `asOf`, and the
 * keyword families each side's narratives mention.
 */
import type { BreakContext } from '../breaks/break-context.ts';
import { toEpochDay } from '../dates/iso-date.ts';
import { AMOUNT_SCALE, toScaled } from '../match/prepared-record.ts';
import { currencyMinorUnits, isCurrencyCode } from '../money/currency.ts';
import { formatDecimal, normalizeDecimal } from '../money/decimal.ts';
import type { CanonicalRecord } from '../records/canonical-record.ts';
import { recordNarrative } from './narrative-text.ts';
import { keywordFlags } from './narrative-keywords.ts';

export interface RecordFacts {
  readonly record: CanonicalRecord;
  /** The amount at `AMOUNT_SCALE` decimals. */
  readonly amount: bigint;
  readonly narrative: string;
  readonly flags: number;
  /** Days from the booking date to asOf (negative for a date after asOf). */
  readonly age: number;
}

export interface BreakFacts {
  readonly ctx: BreakContext;
  readonly ext: readonly RecordFacts[];
  readonly int: readonly RecordFacts[];
  /** The currency all records share, else null. */
  readonly currency: string | null;
  /** Decimals of that currency (of the books' currency when they differ; 2 when unknown). */
  readonly units: number;
  readonly sumExt: bigint;
  readonly sumInt: bigint;
  /** sum(external) − sum(internal). */
  readonly difference: bigint;
  readonly extFlags: number;
  readonly intFlags: number;
  readonly flags: number;
  /** Trades, positions or income on a securities account. */
  readonly securities: boolean;
  /** Age of the most recent record. */
  readonly youngestAge: number;
  /** Largest booking-date distance between an external and an internal record. */
  readonly dateGap: number;
  /** Some narrative carried instruction-like text (reported, never obeyed). */
  readonly instructions: boolean;
}

interface RecordFactsWithNote extends RecordFacts {
  readonly instructions: boolean;
}

const cache = new WeakMap<BreakContext, BreakFacts>();

function recordFacts(record: CanonicalRecord, asOfDay: number): RecordFactsWithNote {
  const { text, instructions } = recordNarrative(record);
  return { record, amount: toScaled(record.amount), narrative: text, flags: keywordFlags(text), age: asOfDay - toEpochDay(record.date), instructions };
}

const isSecurity = (r: CanonicalRecord) => r.securityId !== undefined || r.kind === 'trade' || r.kind === 'position' || r.kind === 'income';

function unitsOf(currency: string | undefined): number {
  return currency && isCurrencyCode(currency) ? currencyMinorUnits(currency) : 2;
}

export function breakFacts(ctx: BreakContext): BreakFacts {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const asOfDay = toEpochDay(ctx.asOf);
  const ext = ctx.external.map((r) => recordFacts(r, asOfDay));
  const int = ctx.internal.map((r) => recordFacts(r, asOfDay));
  const all = ext.length === 0 ? int : int.length === 0 ? ext : [...ext, ...int];
  const sum = (list: readonly RecordFacts[]) => list.reduce((s, r) => s + r.amount, 0n);
  const first = all[0]?.record.currency;
  const currency = first !== undefined && all.every((r) => r.record.currency === first) ? first : null;
  const sumExt = sum(ext);
  const sumInt = sum(int);
  let dateGap = 0;
  for (const e of ext) for (const i of int) dateGap = Math.max(dateGap, Math.abs(e.age - i.age));
  const extFlags = ext.reduce((f, r) => f | r.flags, 0);
  const intFlags = int.reduce((f, r) => f | r.flags, 0);
  const facts: BreakFacts = {
    ctx,
    ext,
    int,
    currency,
    units: unitsOf(currency ?? int[0]?.record.currency ?? ext[0]?.record.currency),
    sumExt,
    sumInt,
    difference: sumExt - sumInt,
    extFlags,
    intFlags,
    flags: extFlags | intFlags,
    securities: ctx.domain === 'securities' || all.some((r) => isSecurity(r.record)),
    youngestAge: all.reduce((m, r) => Math.min(m, r.age), Infinity),
    dateGap,
    instructions: all.some((r) => r.instructions),
  };
  cache.set(ctx, facts);
  return facts;
}

/**
 * A fixed-scale amount as a decimal string with the currency's decimals
 * ("-15.00" EUR, "-15" JPY), or with the digits it really has when the
 * records carry more precision than the currency (never silently rounded).
 */
export function formatAmount(value: bigint, currency: string | null): string {
  const units = Math.min(unitsOf(currency ?? undefined), AMOUNT_SCALE);
  const step = POW10[AMOUNT_SCALE - units]!;
  // The usual case: the value has no more digits than the currency.
  if (value % step === 0n) return formatDecimal({ coef: value / step, scale: units });
  return formatDecimal(normalizeDecimal({ coef: value, scale: AMOUNT_SCALE }), units);
}

const POW10 = Array.from({ length: AMOUNT_SCALE + 1 }, (_, i) => 10n ** BigInt(i));

/** True when the one-sided item is still inside its clearing window (days back from asOf, inclusive). */
export function insideClearingWindow(facts: BreakFacts): boolean {
  return facts.youngestAge <= facts.ctx.config.clearingWindowDays;
}
