/**
 * Synthetic statement files of any size for the ingestion benchmark: a bank
 * CSV export, a camt.053 message and an MT940 file, written in chunks so the
 * generator itself stays small in memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

async function writeLines(path: string, count: number, header: string, line: (i: number) => string, footer = ''): Promise<void> {
  const out = createWriteStream(path);
  let buffer = header;
  for (let i = 0; i < count; i++) {
    buffer += line(i);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer + footer);
  await once(out, 'finish');
}

const day = (i: number) => String(1 + (i % 28)).padStart(2, '0');
const cents = (i: number) => `${Math.floor((i * 7919) % 1_000_000) / 100}`.replace(/^(\d+)$/, '$1.00').replace(/\.(\d)$/, '.$10');

export function writeCsv(path: string, rows: number): Promise<void> {
  return writeLines(
    path,
    rows,
    'Date,Value Date,Amount,Currency,Reference,Counterparty,Description\n',
    (i) => `2026-10-${day(i)},2026-10-${day(i)},${i % 3 === 0 ? '-' : ''}${cents(i)},EUR,INV-${i},Counterparty ${i % 977},Payment for invoice INV-${i}\n`,
  );
}

export function writeCamt053(path: string, entries: number): Promise<void> {
  const header = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-10-31T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>BENCH-1</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>2026-10-31T18:00:00</CreDtTm><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
`;
  return writeLines(
    path,
    entries,
    header,
    (i) => `<Ntry><Amt Ccy="EUR">${cents(i)}</Amt><CdtDbtInd>${i % 3 === 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-10-${day(i)}</Dt></BookgDt><ValDt><Dt>2026-10-${day(i)}</Dt></ValDt><AcctSvcrRef>REF${i}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>INV-${i}</EndToEndId></Refs><RltdPties><Dbtr><Nm>Counterparty ${i % 977}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Payment for invoice INV-${i}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n`,
    '</Stmt></BkToCstmrStmt></Document>\n',
  );
}

export function writeMt940(path: string, transactions: number): Promise<void> {
  return writeLines(
    path,
    transactions,
    ':20:BENCH\n:25:DE89370400440532013000\n:28C:1/1\n:60F:C261001EUR0,00\n',
    (i) => `:61:2610${day(i)}${i % 3 === 0 ? 'D' : 'C'}${cents(i).replace('.', ',')}NTRFINV-${i}//B${i}\n:86:166?00GUTSCHRIFT?20EREF+INV-${i}?21SVWZ+Payment for invoice?32Counterparty ${i % 977}\n`,
    ':62F:C261031EUR0,00\n-\n',
  );
}
