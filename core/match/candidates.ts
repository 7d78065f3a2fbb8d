/**
 * Candidate pairs for each pairing pass, found through hash indexes on the
 * still-unmatched internal records (no pass compares every pair). Scores
 * prefer closer dates and more alike text, so ties mean "equally good".
 */
import { parseDecimal } from '../money/decimal.ts';
import type { MatchConfig } from './match-config.ts';
import type { Candidate } from './pairing.ts';
import { AMOUNT_SCALE, type PreparedRecord } from './prepared-record.ts';
import { textSimilarity } from './text-similarity.ts';

/** Records by key; a key with one record holds it directly (the usual case), saving an array each. */
function index(records: readonly PreparedRecord[], key: (r: PreparedRecord) => string | undefined): Map<string, PreparedRecord | PreparedRecord[]> {
  const map = new Map<string, PreparedRecord | PreparedRecord[]>();
  for (const r of records) {
    const k = key(r);
    if (k === undefined) continue;
    const slot = map.get(k);
    if (slot === undefined) map.set(k, r);
    else if (Array.isArray(slot)) slot.push(r);
    else map.set(k, [slot, r]);
  }
  return map;
}

function collect(
  externals: readonly PreparedRecord[],
  internals: readonly PreparedRecord[],
  key: (r: PreparedRecord) => string | undefined,
  score: (e: PreparedRecord, i: PreparedRecord) => number | undefined,
): Candidate[] {
  const byKey = index(internals, key);
  const out: Candidate[] = [];
  const consider = (e: PreparedRecord, i: PreparedRecord) => {
    const s = score(e, i);
    if (s !== undefined) out.push({ external: e, internal: i, score: s });
  };
  for (const e of externals) {
    const k = key(e);
    if (k === undefined) continue;
    const slot = byKey.get(k);
    if (slot === undefined) continue;
    if (Array.isArray(slot)) for (const i of slot) consider(e, i);
    else consider(e, slot);
  }
  return out;
}

const sign = (r: PreparedRecord) => (r.amount < 0n ? '-' : '+');
const abs = (v: bigint) => (v < 0n ? -v : v);
const closeness = (e: PreparedRecord, i: PreparedRecord, window: number) => 1 - Math.abs(e.day - i.day) / (window + 1);

/**
 * Pass 1 — same currency, equal amount (so same direction), equal reference,
 * inside the window. Indexed by the reference alone (an existing string, no
 * composite key to build for every record); amount and currency are compared.
 */
export function exactCandidates(ext: readonly PreparedRecord[], int: readonly PreparedRecord[], config: MatchConfig): Candidate[] {
  return collect(ext, int, (r) => (r.ref ? r.ref : undefined), (e, i) =>
    e.amount === i.amount && e.currency === i.currency && Math.abs(e.day - i.day) <= config.dateWindowDays ? 0.9 + 0.1 * closeness(e, i, config.dateWindowDays) : undefined,
  );
}

/** Pass 2 — equal amount inside the window, references differ: scored by how alike reference and counterparty are. */
export function strongCandidates(ext: readonly PreparedRecord[], int: readonly PreparedRecord[], config: MatchConfig): Candidate[] {
  return collect(ext, int, (r) => `${r.currency}|${r.amountKey}`, (e, i) => {
    if (Math.abs(e.day - i.day) > config.dateWindowDays) return undefined;
    const text = Math.max(textSimilarity(e.record.reference, i.record.reference), textSimilarity(e.record.counterparty, i.record.counterparty));
    return text >= config.similarityThreshold ? 0.5 + 0.35 * text + 0.05 * closeness(e, i, config.dateWindowDays) : undefined;
  });
}

/** The banded tolerance for an amount: max(floor, min(cap, percent × |amount|)), at the fixed scale. */
export function toleranceFor(amount: bigint, config: MatchConfig): bigint {
  const scale = (v: string) => {
    const d = parseDecimal(v);
    return d.coef * 10n ** BigInt(AMOUNT_SCALE - d.scale);
  };
  const p = parseDecimal(config.tolerance.percent);
  const percent = (abs(amount) * p.coef) / (100n * 10n ** BigInt(p.scale));
  const cap = scale(config.tolerance.cap);
  const floor = scale(config.tolerance.floor);
  return percent > cap ? cap : percent < floor ? floor : percent;
}

/** Pass 3 — same reference and direction inside the window, amounts differ within the tolerance band. */
export function toleranceCandidates(ext: readonly PreparedRecord[], int: readonly PreparedRecord[], config: MatchConfig): Candidate[] {
  return collect(ext, int, (r) => (r.ref ? `${r.currency}|${sign(r)}|${r.ref}` : undefined), (e, i) => {
    if (Math.abs(e.day - i.day) > config.dateWindowDays) return undefined;
    const diff = abs(e.amount - i.amount);
    const band = toleranceFor(i.amount, config);
    if (diff === 0n || diff > band) return undefined;
    return 0.7 + 0.1 * (1 - Number((diff * 1000n) / (band === 0n ? 1n : band)) / 1000) + 0.05 * closeness(e, i, config.dateWindowDays);
  });
}

/**
 * Pass 5 — near misses that still belong together: same reference but amounts
 * or currencies apart; equal amount with dates beyond the window; equal
 * magnitude with opposite sign (a sign error is the finding).
 */
export function nearMissCandidates(ext: readonly PreparedRecord[], int: readonly PreparedRecord[], config: MatchConfig): Candidate[] {
  const byRef = collect(ext, int, (r) => (r.ref ? r.ref : undefined), (e, i) => {
    const days = Math.abs(e.day - i.day);
    if (days > config.nearMissDateDays) return undefined;
    return 0.55 + 0.1 * closeness(e, i, config.nearMissDateDays);
  });
  const late = collect(ext, int, (r) => `${r.currency}|${r.amountKey}`, (e, i) => {
    const days = Math.abs(e.day - i.day);
    if (days <= config.dateWindowDays || days > config.nearMissDateDays) return undefined;
    const text = Math.max(textSimilarity(e.record.reference, i.record.reference), textSimilarity(e.record.counterparty, i.record.counterparty));
    return text >= config.similarityThreshold ? 0.45 + 0.05 * text + 0.05 * closeness(e, i, config.nearMissDateDays) : undefined;
  });
  // The weakest anchor: equal amount inside the window and nothing else in common.
  const amountOnly = collect(ext, int, (r) => `${r.currency}|${r.amountKey}`, (e, i) =>
    Math.abs(e.day - i.day) <= config.dateWindowDays ? 0.35 + 0.05 * closeness(e, i, config.dateWindowDays) : undefined,
  );
  const negated = collect(ext, int, (r) => `${r.currency}|${r.amountKey.startsWith('-') ? r.amountKey.slice(1) : r.amountKey}`, (e, i) => {
    if (e.amount !== -i.amount || e.amount === 0n || Math.abs(e.day - i.day) > config.dateWindowDays) return undefined;
    const text = Math.max(textSimilarity(e.record.reference, i.record.reference), textSimilarity(e.record.counterparty, i.record.counterparty));
    return 0.4 + 0.05 * text + 0.05 * closeness(e, i, config.dateWindowDays);
  });
  // One candidate per pair: the strongest reason wins.
  const best = new Map<string, Candidate>();
  for (const c of [...byRef, ...late, ...amountOnly, ...negated]) {
    const k = `${c.external.id}\u0000${c.internal.id}`;
    const seen = best.get(k);
    if (!seen || c.score > seen.score) best.set(k, c);
  }
  return [...best.values()];
}
