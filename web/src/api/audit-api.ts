/** Typed calls for the audit log and its chain verification. */
import { getJson } from './client.ts';

export const AUDIT_ENTITY_TYPES = ['import', 'run', 'exception', 'suggestion', 'decision', 'adjustment', 'reconciliation', 'user', 'token'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export interface AuditEntryView {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entityType: AuditEntityType;
  readonly entityId: string;
  readonly payload: Record<string, unknown>;
  readonly prevHash: string | null;
  readonly hash: string;
}

export interface AuditVerdict {
  readonly ok: boolean;
  readonly entries: number;
  readonly brokenAt?: number;
  readonly reason?: string;
}

/** The filters as `GET /api/audit` takes them; empty values are left out. */
export interface AuditFilters {
  readonly entityType?: string;
  readonly entityId?: string;
  readonly actor?: string;
  readonly action?: string;
  /** ISO times. */
  readonly from?: string;
  readonly to?: string;
  readonly order?: 'asc' | 'desc';
}

export function auditQuery(filters: AuditFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
  if (cursor) params.set('cursor', cursor);
  params.set('limit', '100');
  return params.toString();
}

export const fetchAudit = (filters: AuditFilters, cursor?: string) => getJson<{ items: AuditEntryView[]; nextCursor: string | null }>(`/api/audit?${auditQuery(filters, cursor)}`);

export const verifyAudit = () => getJson<AuditVerdict>('/api/audit/verify');
