/**
 * Canonical records into the `records` table in bulk, for both the whole-file
 * and the streamed import. On PostgreSQL through COPY (db/copy): one COPY stays
 * open across batches, so a streamed import sends one for the whole file and
 * the server stores rows while the parser reads on. On PGlite through JSON
 * chunks, its faster path (record-json-insert.ts).
 */
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import type { Database } from '../client.ts';
import { COPY_NULL, copyField, copyJson } from '../copy/copy-text.ts';
import { openCopy, type CopyWriter } from '../copy/copy-writer.ts';
import { driverClient } from '../driver-client.ts';
import { insertRecordsAsJson, RECORD_COLUMNS } from './record-json-insert.ts';

/** Rows per write: large enough that the driver sees few calls, small enough to keep each string short-lived. */
const ROWS_PER_WRITE = 2000;

/** The provenance jsonb: the record's own, with the import's id added (last, so it wins over any stale one). */
function provenanceJson(record: CanonicalRecord, importIdJson: string): string {
  const own = record.provenance ? JSON.stringify(record.provenance) : '{}';
  // Splicing the key in avoids copying every record's provenance object; jsonb keeps the last of duplicate keys.
  const json = own === '{}' ? `{${importIdJson}}` : `${own.slice(0, -1)},${importIdJson}}`;
  return copyField(json);
}

/** One record as a COPY text line, fields in `RECORD_COLUMNS` order. */
export function recordCopyLine(record: CanonicalRecord, importId: string): string {
  return recordLine(record, copyField(importId), `"importId":${JSON.stringify(importId)}`);
}

function recordLine(r: CanonicalRecord, importIdField: string, importIdJson: string): string {
  return (
    `${copyField(r.id)}\t${importIdField}\t${copyField(r.side)}\t${copyField(r.account)}\t${copyField(r.date)}\t${copyField(r.valueDate)}\t` +
    `${copyField(r.amount)}\t${copyField(r.currency)}\t${copyField(r.reference)}\t${copyField(r.counterparty)}\t${copyField(r.description)}\t` +
    `${copyField(r.kind ?? 'cash')}\t${copyField(r.securityId)}\t${copyField(r.securityIdType)}\t${r.securityIds ? copyJson(r.securityIds) : COPY_NULL}\t` +
    `${copyField(r.quantity)}\t${copyField(r.price)}\t${copyField(r.tradeDate)}\t${copyField(r.settleDate)}\t${copyField(r.fxRate)}\t` +
    `${provenanceJson(r, importIdJson)}\n`
  );
}

export interface RecordCopy {
  /** Sends records; rejects with the driver's error once the server has refused one. */
  add(records: readonly CanonicalRecord[]): Promise<void>;
  /** Completes the COPY: every record added is stored (when the transaction commits). */
  end(): Promise<void>;
  /** Call on any failure before leaving the transaction; never throws. */
  abort(): Promise<void>;
}

/** Opens the bulk load of an import's records on `db` (the import's transaction). */
export async function openRecordCopy(db: Database, importId: string): Promise<RecordCopy> {
  if (driverClient(db).kind === 'pglite') {
    return { add: (records) => insertRecordsAsJson(db, records, importId), end: async () => {}, abort: async () => {} };
  }
  const writer: CopyWriter = await openCopy(db, { table: 'records', columns: RECORD_COLUMNS });
  const importIdField = copyField(importId);
  const importIdJson = `"importId":${JSON.stringify(importId)}`;
  return {
    async add(records) {
      for (let i = 0; i < records.length; i += ROWS_PER_WRITE) {
        let text = '';
        const to = Math.min(records.length, i + ROWS_PER_WRITE);
        for (let j = i; j < to; j++) text += recordLine(records[j]!, importIdField, importIdJson);
        await writer.write(text);
      }
    },
    end: () => writer.end(),
    abort: () => writer.abort(),
  };
}

/** All of `records` in one bulk load; on failure the load is abandoned and the error rethrown. */
export async function copyRecords(db: Database, records: readonly CanonicalRecord[], importId: string): Promise<void> {
  if (records.length === 0) return;
  const copy = await openRecordCopy(db, importId);
  try {
    await copy.add(records);
    await copy.end();
  } catch (error) {
    await copy.abort();
    throw error;
  }
}
