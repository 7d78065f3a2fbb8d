/**
 * Turns one camt `Ntry` (with its transaction details) into parsed entries.
 * A batch entry whose details carry amounts that add up to the entry is split
 * into one entry per detail, so each can match its own ledger line.
 */
import { addDecimal, compareDecimal, formatDecimal, parseDecimal } from '../../money/decimal.ts';
import type { IssueCollector } from '../import-issues.ts';
import type { ParsedEntry } from '../parsed-statement.ts';
import { parseCompactOrIsoDate } from '../parse-date.ts';
import { parseDecimalText } from '../parse-decimal-text.ts';
import type { FieldBag } from './camt-collector.ts';
import { first, type EntryFields, type TxFields } from './camt-fields.ts';
import type { ProvenanceBuilder } from './camt-provenance.ts';

const PLACEHOLDER = /^(NOTPROVIDED|NONREF|NONE)$/i;
/** Only values of a placeholder's length need the regex. */
const useful = (v: string | undefined): string | undefined => (v && !((v.length === 4 || v.length === 6 || v.length === 11) && PLACEHOLDER.test(v)) ? v : undefined);

function signed(amount: string, indicator: string | undefined): string {
  if (indicator !== 'DBIT' || /^[0.]+$/.test(amount)) return amount;
  return `-${amount}`;
}

function txAmount(tx: FieldBag, f: TxFields, entryIndicator: string | undefined): { amount: string; currency: string | undefined } | undefined {
  const raw = first(tx, f.amount);
  if (!raw) return undefined;
  const parsed = parseDecimalText(raw, { decimal: '.' });
  if (!parsed.ok) return undefined;
  return { amount: signed(parsed.value, tx.value(f.indicator) ?? entryIndicator), currency: first(tx, f.currency) };
}

function counterparty(tx: FieldBag | undefined, f: TxFields, indicator: string | undefined): string | undefined {
  return tx && first(tx, indicator === 'DBIT' ? f.debitParty : f.creditParty);
}

function reference(tx: FieldBag | undefined, f: TxFields): string | undefined {
  if (!tx) return undefined;
  for (const node of f.references) {
    const v = useful(tx.value(node));
    if (v !== undefined) return v;
  }
  return undefined;
}

function description(tx: FieldBag | undefined, f: TxFields, entry: FieldBag, e: EntryFields): string | undefined {
  return (tx && first(tx, f.description)) ?? entry.value(e.info);
}

export interface EntryPlace {
  readonly currency: string | undefined;
  readonly path: string;
  readonly line: number;
}

// A module-level function, not a closure in camtEntries: the TypeScript loader names every
// closure it creates (Object.defineProperty per call), which showed up as a third of camt's time.
function at(place: EntryPlace, name: string): { line: number; path: string } {
  return { line: place.line, path: `${place.path}/${name}` };
}

/** The entry's fields and those of its first `txCount` transaction details, as parsed entries (or issues). */
export function camtEntries(
  entry: FieldBag,
  e: EntryFields,
  txs: readonly FieldBag[],
  txCount: number,
  f: TxFields,
  place: EntryPlace,
  provenance: ProvenanceBuilder,
  issues: IssueCollector,
): ParsedEntry[] {
  const amountRaw = entry.value(e.amount);
  const amount = amountRaw === undefined ? undefined : parseDecimalText(amountRaw, { decimal: '.' });
  if (!amount || !amount.ok) {
    issues.error({ code: 'invalid_amount', ...at(place, 'Amt'), field: 'Amt', message: amount && !amount.ok ? amount.message : 'the entry has no amount' });
    return [];
  }
  const indicator = entry.value(e.indicator);
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    issues.error({ code: 'invalid_indicator', ...at(place, 'CdtDbtInd'), field: 'CdtDbtInd', message: `${JSON.stringify(indicator ?? '')} is not CRDT or DBIT` });
    return [];
  }
  const currency = entry.value(e.currency) ?? place.currency;
  if (!currency) {
    issues.error({ code: 'missing_currency', ...at(place, 'Amt'), field: 'Amt/@Ccy', message: 'the entry amount has no currency' });
    return [];
  }
  const dateRaw = first(entry, e.bookingDate);
  const date = dateRaw ? parseCompactOrIsoDate(dateRaw) : undefined;
  if (!date || !date.ok) {
    issues.error({ code: 'invalid_date', ...at(place, 'BookgDt'), field: 'BookgDt', message: date && !date.ok ? date.message : 'the entry has no booking or value date' });
    return [];
  }
  const valueRaw = first(entry, e.valueDate);
  const valueDate = valueRaw ? parseCompactOrIsoDate(valueRaw) : undefined;
  const total = signed(amount.value, indicator);
  const bankRef = useful(first(entry, e.bankReference));
  const valueIso = valueDate?.ok ? valueDate.value : undefined;
  const reversal = entry.value(e.reversal) === 'true';
  const typeCode = first(entry, e.typeCode) ?? '';
  if (txCount > 1) {
    const base = baseOf(date.value, valueIso, currency, reversal, typeCode, place.line);
    const split = splitEntries(entry, e, txs.slice(0, txCount), f, { base, total, currency, indicator, bankRef, path: place.path });
    if (split) return split;
  }
  // The common single-transaction entry: this path runs for every entry of large statements.
  const tx = txCount > 0 ? txs[0] : undefined;
  const ref = reference(tx, f) ?? useful(entry.value(e.entryReference));
  const party = counterparty(tx, f, indicator);
  const text = description(tx, f, entry, e);
  const raw = provenance.build(entry, tx);
  if (valueIso !== undefined && ref !== undefined && party !== undefined && text !== undefined && bankRef !== undefined) {
    // Everything present, the usual case: one literal, allocated at its final size.
    const full: ParsedEntry = { date: date.value, valueDate: valueIso, currency, reversal, typeCode, line: place.line, amount: total, path: place.path, reference: ref, counterparty: party, description: text, bankReference: bankRef, raw };
    return [full];
  }
  const out = baseOf(date.value, valueIso, currency, reversal, typeCode, place.line);
  out.amount = total;
  out.path = place.path;
  if (ref !== undefined) out.reference = ref;
  if (party !== undefined) out.counterparty = party;
  if (text !== undefined) out.description = text;
  if (bankRef !== undefined) out.bankReference = bankRef;
  out.raw = raw;
  return [out as unknown as ParsedEntry];
}

/** The fields every entry (and every part of a split one) has, in their usual order. */
function baseOf(date: string, valueDate: string | undefined, currency: string, reversal: boolean, typeCode: string, line: number): Record<string, unknown> {
  const base: Record<string, unknown> = { date };
  if (valueDate !== undefined) base.valueDate = valueDate;
  base.currency = currency;
  base.reversal = reversal;
  base.typeCode = typeCode;
  base.line = line;
  return base;
}

interface SplitBase {
  readonly base: Record<string, unknown>;
  readonly total: string;
  readonly currency: string;
  readonly indicator: string;
  readonly bankRef: string | undefined;
  readonly path: string;
}

/** One entry per transaction detail, when every detail has an amount in the entry's currency and they add up. */
function splitEntries(entry: FieldBag, e: EntryFields, txs: readonly FieldBag[], f: TxFields, s: SplitBase): ParsedEntry[] | undefined {
  const split = txs.map((tx) => txAmount(tx, f, s.indicator));
  if (!split.every((p) => p !== undefined && (p.currency ?? s.currency) === s.currency)) return undefined;
  const sum = split.reduce((acc, p) => addDecimal(acc, parseDecimal(p!.amount)), { coef: 0n, scale: 0 });
  if (compareDecimal(sum, parseDecimal(s.total)) !== 0) return undefined;
  const entryRaw = entry.entries().filter(([k]) => !k.startsWith('NtryDtls'));
  return txs.map((tx, i) => ({
    ...(s.base as Omit<ParsedEntry, 'amount' | 'raw'>),
    amount: formatDecimal(parseDecimal(split[i]!.amount)),
    ...optional('reference', reference(tx, f)),
    ...optional('counterparty', counterparty(tx, f, tx.value(f.indicator) ?? s.indicator)),
    ...optional('description', description(tx, f, entry, e)),
    ...optional('bankReference', useful(tx.value(f.bankReference)) ?? (s.bankRef ? `${s.bankRef}#${i + 1}` : undefined)),
    path: `${s.path}/NtryDtls/TxDtls[${i + 1}]`,
    raw: Object.fromEntries([...entryRaw, ...tx.entries().map(([k, v]) => [`TxDtls/${k}`, v])]),
  }));
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
