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

const useful = (v: string | undefined): string | undefined => (v && !/^(NOTPROVIDED|NONREF|NONE)$/i.test(v) ? v : undefined);

function signed(amount: string, indicator: string | undefined): string {
  if (indicator !== 'DBIT' || /^[0.]+$/.test(amount)) return amount;
  return `-${amount}`;
}

function txAmount(tx: FieldBag, entryIndicator: string | undefined): { amount: string; currency: string | undefined } | undefined {
  const raw = tx.get('AmtDtls/TxAmt/Amt', 'Amt', 'AmtDtls/InstdAmt/Amt');
  if (!raw) return undefined;
  const parsed = parseDecimalText(raw, { decimal: '.' });
  if (!parsed.ok) return undefined;
  const currency = tx.get('AmtDtls/TxAmt/Amt@Ccy', 'Amt@Ccy', 'AmtDtls/InstdAmt/Amt@Ccy');
  return { amount: signed(parsed.value, tx.get('CdtDbtInd') ?? entryIndicator), currency };
}

function counterparty(tx: FieldBag | undefined, indicator: string | undefined): string | undefined {
  if (!tx) return undefined;
  // On a credit the counterparty is the debtor (payer); on a debit, the creditor.
  const first = indicator === 'DBIT' ? 'Cdtr' : 'Dbtr';
  const second = indicator === 'DBIT' ? 'Dbtr' : 'Cdtr';
  return tx.get(
    `RltdPties/${first}/Nm`,
    `RltdPties/${first}/Pty/Nm`,
    `RltdPties/Ultmt${first}/Nm`,
    `RltdPties/Ultmt${first}/Pty/Nm`,
    `RltdPties/${second}/Nm`,
    `RltdPties/${second}/Pty/Nm`,
  );
}

function reference(tx: FieldBag | undefined): string | undefined {
  if (!tx) return undefined;
  return (
    useful(tx.get('Refs/EndToEndId')) ??
    useful(tx.get('RmtInf/Strd/CdtrRefInf/Ref')) ??
    useful(tx.get('Refs/InstrId')) ??
    useful(tx.get('Refs/PmtInfId')) ??
    useful(tx.get('Refs/TxId')) ??
    useful(tx.get('Refs/UETR'))
  );
}

function description(tx: FieldBag | undefined, entry: FieldBag): string | undefined {
  return tx?.get('RmtInf/Ustrd', 'AddtlTxInf', 'RtrInf/AddtlInf') ?? entry.get('AddtlNtryInf');
}

export function camtEntries(entry: FieldBag, txs: FieldBag[], context: { currency?: string; path: string; line: number; index: number }, issues: IssueCollector): ParsedEntry[] {
  const field = (name: string) => ({ line: context.line, path: `${context.path}/${name}` });
  const amountRaw = entry.get('Amt');
  const amount = amountRaw === undefined ? undefined : parseDecimalText(amountRaw, { decimal: '.' });
  if (!amount || !amount.ok) {
    issues.error({ code: 'invalid_amount', ...field('Amt'), field: 'Amt', message: amount && !amount.ok ? amount.message : 'the entry has no amount' });
    return [];
  }
  const indicator = entry.get('CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    issues.error({ code: 'invalid_indicator', ...field('CdtDbtInd'), field: 'CdtDbtInd', message: `${JSON.stringify(indicator ?? '')} is not CRDT or DBIT` });
    return [];
  }
  const currency = entry.get('Amt@Ccy') ?? context.currency;
  if (!currency) {
    issues.error({ code: 'missing_currency', ...field('Amt'), field: 'Amt/@Ccy', message: 'the entry amount has no currency' });
    return [];
  }
  const dateRaw = entry.get('BookgDt/Dt', 'BookgDt/DtTm', 'ValDt/Dt', 'ValDt/DtTm');
  const date = dateRaw ? parseCompactOrIsoDate(dateRaw) : undefined;
  if (!date || !date.ok) {
    issues.error({ code: 'invalid_date', ...field('BookgDt'), field: 'BookgDt', message: date && !date.ok ? date.message : 'the entry has no booking or value date' });
    return [];
  }
  const valueRaw = entry.get('ValDt/Dt', 'ValDt/DtTm');
  const valueDate = valueRaw ? parseCompactOrIsoDate(valueRaw) : undefined;
  const total = signed(amount.value, indicator);
  const base = {
    date: date.value,
    ...(valueDate?.ok ? { valueDate: valueDate.value } : {}),
    currency,
    reversal: entry.get('RvslInd') === 'true',
    typeCode: entry.get('BkTxCd/Domn/Fmly/SubFmlyCd', 'BkTxCd/Prtry/Cd') ?? '',
    line: context.line,
  };
  const bankRef = useful(entry.get('AcctSvcrRef', 'NtryRef'));

  const split = txs.length > 1 ? txs.map((tx) => txAmount(tx, indicator)) : [];
  const canSplit =
    split.length > 1 &&
    split.every((s) => s !== undefined && (s.currency ?? currency) === currency) &&
    compareDecimal(split.reduce((sum, s) => addDecimal(sum, parseDecimal(s!.amount)), { coef: 0n, scale: 0 }), parseDecimal(total)) === 0;

  if (canSplit) {
    return txs.map((tx, i) => ({
      ...base,
      amount: formatDecimal(parseDecimal(split[i]!.amount)),
      ...optional('reference', reference(tx)),
      ...optional('counterparty', counterparty(tx, tx.get('CdtDbtInd') ?? indicator)),
      ...optional('description', description(tx, entry)),
      ...optional('bankReference', useful(tx.get('Refs/AcctSvcrRef')) ?? (bankRef ? `${bankRef}#${i + 1}` : undefined)),
      path: `${context.path}/NtryDtls/TxDtls[${i + 1}]`,
      raw: Object.fromEntries([...entry.entries().filter(([k]) => !k.startsWith('NtryDtls')), ...tx.entries().map(([k, v]) => [`TxDtls/${k}`, v])]),
    }));
  }
  // The common single-transaction entry, built without intermediate objects:
  // this path runs for every entry of large statements.
  const tx = txs[0];
  const single: Record<string, unknown> = { ...base, amount: total, path: context.path };
  const ref = reference(tx) ?? useful(entry.get('NtryRef'));
  if (ref !== undefined) single.reference = ref;
  const party = counterparty(tx, indicator);
  if (party !== undefined) single.counterparty = party;
  const text = description(tx, entry);
  if (text !== undefined) single.description = text;
  if (bankRef !== undefined) single.bankReference = bankRef;
  const raw: Record<string, string> = {};
  for (const [k, v] of entry.entries()) raw[k] = v;
  if (tx) for (const [k, v] of tx.entries()) raw[`TxDtls/${k}`] = v;
  single.raw = raw;
  return [single as unknown as ParsedEntry];
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
