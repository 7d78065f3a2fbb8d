/**
 * Appends to the hash-chained audit log and verifies the chain. Each entry's
 * hash is SHA-256 over its content in a canonical JSON form plus the previous
 * entry's hash, so editing or removing any entry breaks every link after it.
 * Appends take a transaction-scoped advisory lock: writers queue for the
 * chain's tail instead of racing for it, and the lock goes with the
 * transaction, so an append is part of the change it records.
 */
import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { AuditEntityType } from '../../core/statuses.ts';
import type { Database } from '../client.ts';
import { auditLog, type AuditEntry } from '../schema/audit-log.ts';

/** Any constant shared by every writer; the value means nothing else. */
const AUDIT_LOCK_KEY = 7_301_441_501;

export interface AuditInput {
  readonly actor: string;
  /** Dotted verb, e.g. `import.stored`, `run.finished`, `decision.approve`, `effect.applied`. */
  readonly action: string;
  readonly entityType: AuditEntityType;
  readonly entityId: string;
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** JSON with keys sorted at every level: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(entry: { at: Date; actor: string; action: string; entityType: string; entityId: string; payload: unknown; prevHash: string | null }): string {
  const content = canonicalJson({ at: entry.at.toISOString(), actor: entry.actor, action: entry.action, entityType: entry.entityType, entityId: entry.entityId, payload: entry.payload, prevHash: entry.prevHash });
  return createHash('sha256').update(content).digest('hex');
}

/** Appends entries in order. Call it inside the transaction of the change it records. */
export async function appendAudit(tx: Database, entries: readonly AuditInput[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [tail] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  let prevHash = tail?.hash ?? null;
  const rows = entries.map((e) => {
    const payload = e.payload ?? {};
    const hash = auditHash({ at, actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, payload, prevHash });
    const row = { at, actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, payload: { ...payload }, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditLog).values(rows);
}

export type ChainVerdict =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly entries: number; readonly brokenAt: number; readonly reason: string };

const PAGE = 5000;

/** Walks the chain in order and reports the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Database): Promise<ChainVerdict> {
  let prevHash: string | null = null;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const page: AuditEntry[] = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(PAGE);
    for (const e of page) {
      count++;
      if (e.prevHash !== prevHash) return { ok: false, entries: count, brokenAt: e.seq, reason: `entry ${e.seq} links to ${e.prevHash ?? 'nothing'}, but the entry before it has hash ${prevHash ?? '(none: it should be the first)'}` };
      const expected = auditHash({ at: e.at, actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, payload: e.payload, prevHash: e.prevHash });
      if (expected !== e.hash) return { ok: false, entries: count, brokenAt: e.seq, reason: `entry ${e.seq} (${e.action} ${e.entityType} ${e.entityId}) was changed after it was written: its content no longer gives its hash` };
      prevHash = e.hash;
      lastSeq = e.seq;
    }
    if (page.length < PAGE) return { ok: true, entries: count };
  }
}
