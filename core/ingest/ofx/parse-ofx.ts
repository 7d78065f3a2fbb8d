/**
 * OFX/QFX statements: bank (STMTRS), credit card (CCSTMTRS) and investment
 * (INVSTMTRS: trades, income and positions), in 1.x SGML or 2.x XML.
 */
import { isCurrencyCode } from '../../money/currency.ts';
import { IssueCollector } from '../import-issues.ts';
import type { ParsedEntry, ParsedStatement, ParseOutput } from '../parsed-statement.ts';
import { parseCompactOrIsoDate } from '../parse-date.ts';
import { parseDecimalText } from '../parse-decimal-text.ts';
import type { SecurityIdType } from '../../statuses.ts';
import { child, findAll, readOfxTree, value, type OfxNode } from './ofx-tree.ts';

type Issues = IssueCollector;

function date(node: OfxNode, path: string[], issues: Issues, required: boolean): string | undefined {
  const raw = value(node, ...path);
  if (raw === undefined) {
    if (required) issues.error({ code: 'missing_date', line: node.line, field: path.join('/'), message: 'the transaction has no date' });
    return undefined;
  }
  const parsed = parseCompactOrIsoDate(raw);
  if (!parsed.ok) {
    issues.error({ code: 'invalid_date', line: child(node, ...path)?.line ?? node.line, field: path.join('/'), message: parsed.message });
    return undefined;
  }
  return parsed.value;
}

function amount(node: OfxNode, path: string[], issues: Issues, required = true): string | undefined {
  const raw = value(node, ...path);
  if (raw === undefined) {
    if (required) issues.error({ code: 'missing_amount', line: node.line, field: path.join('/'), message: 'no amount' });
    return undefined;
  }
  // Most files use "."; some European banks write "," — the last separator decides.
  const decimal = raw.lastIndexOf(',') > raw.lastIndexOf('.') ? ',' : '.';
  const parsed = parseDecimalText(raw, { decimal });
  if (!parsed.ok) {
    issues.error({ code: 'invalid_amount', line: child(node, ...path)?.line ?? node.line, field: path.join('/'), message: parsed.message });
    return undefined;
  }
  return parsed.value;
}

function bankEntries(list: OfxNode | undefined, currency: string, issues: Issues): ParsedEntry[] {
  if (!list) return [];
  return findAll(list, 'STMTTRN').flatMap((t): ParsedEntry[] => {
    const posted = date(t, ['DTPOSTED'], issues, true);
    const amt = amount(t, ['TRNAMT'], issues);
    if (!posted || amt === undefined) return [];
    const user = date(t, ['DTUSER'], issues, false);
    const name = value(t, 'NAME') ?? value(t, 'PAYEE', 'NAME');
    const reference = value(t, 'REFNUM') ?? value(t, 'CHECKNUM');
    const memo = value(t, 'MEMO');
    const fitid = value(t, 'FITID');
    return [
      {
        date: posted,
        ...(user && user !== posted ? { valueDate: user } : {}),
        amount: amt,
        currency: value(t, 'CURRENCY', 'CURSYM')?.toUpperCase() ?? currency,
        ...(reference ? { reference } : {}),
        ...(name ? { counterparty: name } : {}),
        ...(memo ? { description: memo } : name ? { description: name } : {}),
        ...(fitid ? { bankReference: fitid } : {}),
        typeCode: value(t, 'TRNTYPE') ?? '',
        line: t.line,
        raw: Object.fromEntries(t.children.filter((c) => c.value !== undefined).map((c) => [c.name, c.value!])),
      },
    ];
  });
}

const ID_TYPES: Readonly<Record<string, SecurityIdType>> = { CUSIP: 'CUSIP', ISIN: 'ISIN', SEDOL: 'SEDOL', TICKER: 'TICKER' };

function security(node: OfxNode, tickers: ReadonlyMap<string, string>) {
  const id = value(node, 'SECID', 'UNIQUEID');
  const type = value(node, 'SECID', 'UNIQUEIDTYPE')?.toUpperCase() ?? '';
  return { ...(id ? { securityId: id, securityIdType: ID_TYPES[type] ?? 'OTHER' } : {}), ...(id && tickers.get(id) ? { counterparty: tickers.get(id)! } : {}) };
}

/** Security id → ticker or name, from the SECLIST that travels beside the statements. */
function securityNames(tree: OfxNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const info of findAll(tree, 'SECINFO')) {
    const id = value(info, 'SECID', 'UNIQUEID');
    const label = value(info, 'TICKER') ?? value(info, 'SECNAME');
    if (id && label && !names.has(id)) names.set(id, label);
  }
  return names;
}

function investmentEntries(rs: OfxNode, currency: string, tickers: ReadonlyMap<string, string>, issues: Issues): ParsedEntry[] {
  const entries: ParsedEntry[] = [];
  const list = child(rs, 'INVTRANLIST');
  for (const t of list?.children ?? []) {
    if (t.name === 'INVBANKTRAN') {
      entries.push(...bankEntries(t, currency, issues));
      continue;
    }
    const tran = child(t, 'INVTRAN') ?? child(t, 'INVBUY', 'INVTRAN') ?? child(t, 'INVSELL', 'INVTRAN');
    if (!tran) continue;
    const body = child(t, 'INVBUY') ?? child(t, 'INVSELL') ?? t;
    const trade = date(tran, ['DTTRADE'], issues, true);
    // A transfer moves units, not cash: it has no TOTAL.
    const total = t.name === 'TRANSFER' ? (amount(body, ['TOTAL'], issues, false) ?? '0') : amount(body, ['TOTAL'], issues);
    if (!trade || total === undefined) continue;
    const settle = date(tran, ['DTSETTLE'], issues, false);
    const units = amount(body, ['UNITS'], issues, false);
    const price = amount(body, ['UNITPRICE'], issues, false);
    const fitid = value(tran, 'FITID');
    const memo = value(tran, 'MEMO');
    entries.push({
      date: trade,
      ...(settle ? { valueDate: settle, settleDate: settle } : {}),
      tradeDate: trade,
      amount: total,
      currency: value(body, 'CURRENCY', 'CURSYM') ?? currency,
      kind: t.name === 'INCOME' ? 'income' : 'trade',
      ...security(body, tickers),
      ...(units !== undefined ? { quantity: units } : {}),
      ...(price !== undefined ? { price } : {}),
      ...(fitid ? { bankReference: fitid } : {}),
      ...(memo ? { description: memo } : { description: t.name }),
      typeCode: t.name,
      line: t.line,
      raw: { type: t.name, ...(fitid ? { FITID: fitid } : {}) },
    });
  }
  const asOf = date(rs, ['DTASOF'], issues, false) ?? date(rs, ['INVTRANLIST', 'DTEND'], issues, false);
  for (const pos of findAll(child(rs, 'INVPOSLIST') ?? { name: '', children: [], line: 0 }, 'INVPOS')) {
    const posDate = date(pos, ['DTPRICEASOF'], issues, false) ?? asOf;
    const mkt = amount(pos, ['MKTVAL'], issues);
    if (!posDate || mkt === undefined) continue;
    const units = amount(pos, ['UNITS'], issues, false);
    const price = amount(pos, ['UNITPRICE'], issues, false);
    entries.push({
      date: posDate,
      amount: mkt,
      currency: value(pos, 'CURRENCY', 'CURSYM') ?? currency,
      kind: 'position',
      ...security(pos, tickers),
      ...(units !== undefined ? { quantity: units } : {}),
      ...(price !== undefined ? { price } : {}),
      description: `position ${value(pos, 'POSTYPE') ?? ''}`.trim(),
      line: pos.line,
      raw: { type: 'INVPOS' },
    });
  }
  return entries;
}

export function parseOfx(text: string, options: { errorLimit?: number } = {}): ParseOutput {
  const issues = new IssueCollector(options.errorLimit);
  const tree = readOfxTree(text);
  if (tree.children.length === 0) {
    issues.error({ code: 'not_ofx', line: 1, message: 'no <OFX> element found' });
    return { statements: [], warnings: [], errors: issues.allErrors() };
  }
  for (const status of findAll(tree, 'STATUS')) {
    const code = value(status, 'CODE');
    if (code && code !== '0') issues.error({ code: 'ofx_server_error', line: status.line, field: 'STATUS/CODE', message: `the bank's server reported error ${code}: ${value(status, 'MESSAGE') ?? 'no message'}` });
  }
  const statements: ParsedStatement[] = [];
  for (const kind of ['STMTRS', 'CCSTMTRS', 'INVSTMTRS'] as const) {
    for (const rs of findAll(tree, kind)) {
      const currency = (value(rs, 'CURDEF') ?? 'USD').toUpperCase();
      if (!isCurrencyCode(currency)) issues.error({ code: 'invalid_currency', line: rs.line, field: 'CURDEF', message: `${JSON.stringify(currency)} is not an ISO 4217 currency code` });
      const account = value(rs, 'BANKACCTFROM', 'ACCTID') ?? value(rs, 'CCACCTFROM', 'ACCTID') ?? value(rs, 'INVACCTFROM', 'ACCTID');
      const entries = kind === 'INVSTMTRS' ? investmentEntries(rs, currency, securityNames(tree), issues) : bankEntries(child(rs, 'BANKTRANLIST'), currency, issues);
      const closingAmount = amount(rs, ['LEDGERBAL', 'BALAMT'], issues, false);
      const closingDate = date(rs, ['LEDGERBAL', 'DTASOF'], issues, false);
      statements.push({
        ...(account ? { account } : {}),
        currency,
        ...(closingAmount !== undefined && closingDate ? { closing: { amount: closingAmount, currency, date: closingDate } } : {}),
        entries,
        line: rs.line,
      });
    }
  }
  if (statements.length === 0 && !issues.hasErrors) issues.error({ code: 'no_statement', line: 1, message: 'the OFX file holds no bank, credit card or investment statement' });
  return { statements, warnings: issues.warnings, errors: issues.allErrors() };
}
