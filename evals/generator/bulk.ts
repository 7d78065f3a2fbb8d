/**
 * Big benchmark data: N cash records per side with about 2 % breaks (missing
 * items, amount differences, late bookings, duplicate postings), seeded. As
 * records in memory for the matching benchmark, or written as a bank CSV and a
 * ledger CSV that `recon import` reads with the built-in profiles.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { addAmounts } from '../../core/money/money.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import { Random } from './random.ts';
import { COMPANIES } from './narratives.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Yields each record, external and internal interleaved, without holding them. */
export function* bulkRecords(n: number, seed: number): Generator<CanonicalRecord> {
  const random = new Random(seed);
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 20);
    const cents = random.int(100, 2_000_000);
    const amount = `${random.chance(0.4) ? '-' : ''}${Math.floor(cents / 100)}.${pad(cents % 100)}`;
    const base = { currency: 'EUR', reference: `INV-${seed}-${i}`, counterparty: COMPANIES[i % COMPANIES.length]! };
    yield { id: `e${i}`, side: 'external', account: 'DE89370400440532013000', date: `2026-10-${pad(day)}`, amount, ...base, description: `Payment ${base.reference}` };
    const roll = random.next();
    if (roll < 0.005) continue; // missing in the books
    const late = roll < 0.01 ? 9 : random.int(0, 2);
    // A fee taken in flight: the books carry 1.00 more than the bank paid out or in.
    const off = roll >= 0.01 && roll < 0.015 ? addAmounts(amount, '1.00') : amount;
    yield { id: `i${i}`, side: 'internal', account: '1200', date: `2026-10-${pad(Math.min(28, day + late))}`, amount: off, ...base, description: `Invoice ${base.reference}` };
    if (roll >= 0.015 && roll < 0.02) yield { id: `i${i}-dup`, side: 'internal', account: '1200', date: `2026-10-${pad(Math.min(28, day + late + 1))}`, amount: off, ...base, description: `Invoice ${base.reference}` };
  }
}

export function bulkSides(n: number, seed: number): { external: CanonicalRecord[]; internal: CanonicalRecord[] } {
  const external: CanonicalRecord[] = [];
  const internal: CanonicalRecord[] = [];
  for (const r of bulkRecords(n, seed)) (r.side === 'external' ? external : internal).push(r);
  return { external, internal };
}

const csvField = (v: string | undefined) => (v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Writes `external.csv` (bank export) and `internal.csv` (ledger export) into `dir`. */
export async function writeBulkCsv(dir: string, n: number, seed: number): Promise<{ external: string; internal: string }> {
  const paths = { external: join(dir, 'external.csv'), internal: join(dir, 'internal.csv') };
  const files = { external: createWriteStream(paths.external), internal: createWriteStream(paths.internal) };
  files.external.write('Booking Date,Amount,Currency,Reference,Counterparty,Description,IBAN\n');
  files.internal.write('Entry ID,Posting Date,Amount,Currency,Reference,Counterparty,Description,GL Account\n');
  const buffers = { external: '', internal: '' };
  for (const r of bulkRecords(n, seed)) {
    const side = r.side;
    const row = [r.date, r.amount, r.currency, r.reference, r.counterparty, r.description, r.account].map(csvField).join(',');
    buffers[side] += side === 'internal' ? `${csvField(r.id)},${row}\n` : `${row}\n`;
    // Flush in 1 MiB pieces and wait when the disk is behind, so memory stays flat.
    if (buffers[side].length > 1 << 20) {
      if (!files[side].write(buffers[side])) await once(files[side], 'drain');
      buffers[side] = '';
    }
  }
  for (const side of ['external', 'internal'] as const) {
    files[side].end(buffers[side]);
    await once(files[side], 'finish');
  }
  return paths;
}
