/**
 * The camt fields an entry is read from, resolved to path nodes once per
 * parser so reading a field per entry is an array lookup, not a path search.
 * Several paths for one field are alternatives tried in order (they differ
 * between camt versions).
 */
import type { FieldBag, PathNode, PathTrie } from './camt-collector.ts';

/** The first of the nodes with a non-blank value. */
export function first(bag: FieldBag, nodes: readonly PathNode[]): string | undefined {
  for (let i = 0; i < nodes.length; i++) {
    const v = bag.value(nodes[i]!);
    if (v !== undefined) return v;
  }
  return undefined;
}

const resolve = (trie: PathTrie, paths: readonly string[]): PathNode[] => paths.map((p) => trie.node(p));

export class EntryFields {
  readonly amount: PathNode;
  readonly currency: PathNode;
  readonly indicator: PathNode;
  readonly bookingDate: PathNode[];
  readonly valueDate: PathNode[];
  readonly reversal: PathNode;
  readonly typeCode: PathNode[];
  readonly bankReference: PathNode[];
  readonly entryReference: PathNode;
  readonly info: PathNode;
  readonly status: PathNode[];
  readonly fallbackDate: PathNode;

  constructor(trie: PathTrie) {
    this.amount = trie.node('Amt');
    this.currency = trie.node('Amt@Ccy');
    this.indicator = trie.node('CdtDbtInd');
    this.bookingDate = resolve(trie, ['BookgDt/Dt', 'BookgDt/DtTm', 'ValDt/Dt', 'ValDt/DtTm']);
    this.valueDate = resolve(trie, ['ValDt/Dt', 'ValDt/DtTm']);
    this.reversal = trie.node('RvslInd');
    this.typeCode = resolve(trie, ['BkTxCd/Domn/Fmly/SubFmlyCd', 'BkTxCd/Prtry/Cd']);
    this.bankReference = resolve(trie, ['AcctSvcrRef', 'NtryRef']);
    this.entryReference = trie.node('NtryRef');
    this.info = trie.node('AddtlNtryInf');
    this.status = resolve(trie, ['Sts/Cd', 'Sts']);
    this.fallbackDate = trie.node('BookgDt/DtTm');
  }
}

const parties = (trie: PathTrie, first: string, second: string): PathNode[] =>
  resolve(trie, [
    `RltdPties/${first}/Nm`,
    `RltdPties/${first}/Pty/Nm`,
    `RltdPties/Ultmt${first}/Nm`,
    `RltdPties/Ultmt${first}/Pty/Nm`,
    `RltdPties/${second}/Nm`,
    `RltdPties/${second}/Pty/Nm`,
  ]);

export class TxFields {
  readonly amount: PathNode[];
  readonly currency: PathNode[];
  readonly indicator: PathNode;
  /** On a credit the counterparty is the debtor (payer); on a debit, the creditor. */
  readonly creditParty: PathNode[];
  readonly debitParty: PathNode[];
  /** Reference candidates in order of preference, each checked for placeholder values. */
  readonly references: PathNode[];
  readonly bankReference: PathNode;
  readonly description: PathNode[];

  constructor(trie: PathTrie) {
    this.amount = resolve(trie, ['AmtDtls/TxAmt/Amt', 'Amt', 'AmtDtls/InstdAmt/Amt']);
    this.currency = resolve(trie, ['AmtDtls/TxAmt/Amt@Ccy', 'Amt@Ccy', 'AmtDtls/InstdAmt/Amt@Ccy']);
    this.indicator = trie.node('CdtDbtInd');
    this.creditParty = parties(trie, 'Dbtr', 'Cdtr');
    this.debitParty = parties(trie, 'Cdtr', 'Dbtr');
    this.references = resolve(trie, ['Refs/EndToEndId', 'RmtInf/Strd/CdtrRefInf/Ref', 'Refs/InstrId', 'Refs/PmtInfId', 'Refs/TxId', 'Refs/UETR']);
    this.bankReference = trie.node('Refs/AcctSvcrRef');
    this.description = resolve(trie, ['RmtInf/Ustrd', 'AddtlTxInf', 'RtrInf/AddtlInf']);
  }
}
