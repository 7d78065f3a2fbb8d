import { describe, expect, it } from 'vitest';
import type { ParsedEntry } from '../parsed-statement.ts';
import { CamtParser, parseCamt } from './parse-camt.ts';

const entry = (i: number, indicator: string) =>
  `<Ntry><Amt Ccy="EUR">1${i}.50</Amt><CdtDbtInd>${indicator}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-10-0${i}</Dt></BookgDt><ValDt><Dt>2026-10-0${i}</Dt></ValDt>` +
  `<AcctSvcrRef>REF${i}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
  `<NtryDtls><TxDtls><Refs><EndToEndId>INV-${i}</EndToEndId></Refs><RltdPties><Dbtr><Nm>Payer ${i}</Nm></Dbtr><Cdtr><Nm>Payee ${i}</Nm></Cdtr></RltdPties>` +
  `<RmtInf><Ustrd>Invoice</Ustrd><Ustrd>INV-${i}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;

const statement = (entries: string) =>
  `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2026-10-31T18:00:00</CreDtTm></GrpHdr>` +
  `<Stmt><Id>S-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries}</Stmt></BkToCstmrStmt></Document>`;

const plain = statement([1, 2, 3, 4].map((i) => entry(i, i % 2 ? 'CRDT' : 'DBIT')).join(''));

const entriesOf = (xml: string): ParsedEntry[] => {
  const out = parseCamt(xml);
  expect(out.errors).toEqual([]);
  return out.statements.flatMap((s) => s.entries);
};

describe('camt entries from repeated layouts', () => {
  it('reads every field of every entry, with the provenance reviewers see', () => {
    const [first, second] = entriesOf(plain);
    expect(first).toMatchObject({ amount: '11.50', currency: 'EUR', date: '2026-10-01', reference: 'INV-1', counterparty: 'Payer 1', description: 'Invoice INV-1', bankReference: 'REF1' });
    expect(second).toMatchObject({ amount: '-12.50', counterparty: 'Payee 2', path: 'Document/BkToCstmrStmt/Stmt[1]/Ntry[2]' });
    expect(first!.raw).toEqual({
      'Amt@Ccy': 'EUR',
      Amt: '11.50',
      CdtDbtInd: 'CRDT',
      Sts: 'BOOK',
      'BookgDt/Dt': '2026-10-01',
      'ValDt/Dt': '2026-10-01',
      AcctSvcrRef: 'REF1',
      'BkTxCd/Domn/Cd': 'PMNT',
      'BkTxCd/Domn/Fmly/Cd': 'RCDT',
      'BkTxCd/Domn/Fmly/SubFmlyCd': 'ESCT',
      'TxDtls/Refs/EndToEndId': 'INV-1',
      'TxDtls/RltdPties/Dbtr/Nm': 'Payer 1',
      'TxDtls/RltdPties/Cdtr/Nm': 'Payee 1',
      'TxDtls/RmtInf/Ustrd': 'Invoice INV-1',
    });
    // Records copied from one layout stay independent.
    expect(second!.raw['Amt']).toBe('12.50');
    expect(first!.raw['Amt']).toBe('11.50');
  });

  it('gives the same entries pretty-printed, with namespace prefixes, and in any chunking', () => {
    const expected = entriesOf(plain).map(({ line: _line, ...rest }) => rest);
    const pretty = plain.replace(/></g, '>\n    <');
    const prefixed = plain.replace(/<(\/?)(\w+)/g, '<$1c:$2').replace('<c:Document xmlns=', '<c:Document xmlns:c=');
    for (const xml of [pretty, prefixed]) expect(entriesOf(xml).map(({ line: _line, ...rest }) => rest)).toEqual(expected);
    for (const size of [1, 13, 100]) {
      const parser = new CamtParser();
      for (let i = 0; i < plain.length; i += size) parser.write(plain.slice(i, i + size));
      expect(parser.end()).toEqual(parseCamt(plain));
    }
  });

  it('streams the same entries it would hold', () => {
    const streamed: ParsedEntry[] = [];
    const parser = new CamtParser({ onEntry: (e, index, account) => (expect([index, account]).toEqual([0, 'DE89370400440532013000']), streamed.push(e)) });
    parser.write(plain);
    const out = parser.end();
    expect(streamed).toEqual(entriesOf(plain));
    expect(out.statements[0]!.streamedMovements).toBe('-2.00');
  });

  it('keeps a field that one entry leaves out out of that entry only', () => {
    const xml = statement(entry(1, 'CRDT') + entry(2, 'CRDT').replace('<AcctSvcrRef>REF2</AcctSvcrRef>', '') + entry(3, 'CRDT'));
    const [a, b, c] = entriesOf(xml);
    expect([a!.bankReference, b!.bankReference, c!.bankReference]).toEqual(['REF1', undefined, 'REF3']);
    expect('AcctSvcrRef' in b!.raw).toBe(false);
    expect(c!.raw['AcctSvcrRef']).toBe('REF3');
  });
});
