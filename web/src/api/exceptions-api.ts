/** Typed calls for the review queue and an exception's decisions. */
import { getJson, postJson } from './client.ts';
import type { ApplySummary, ApproveResponse, BulkApproveResponse, DecisionResponse, ExceptionDetailView, ExceptionListItem, Page, Resolution, BreakType, RootCause } from './types.ts';

/** The API's cap per bulk-approve call (core/review/decision-requests.ts BULK_APPROVE_LIMIT). */
export const BULK_APPROVE_BATCH = 500;

export function fetchExceptionPage(params: URLSearchParams, options: { signal?: AbortSignal } = {}): Promise<Page<ExceptionListItem>> {
  return getJson<Page<ExceptionListItem>>(`/api/exceptions?${params.toString()}`, options);
}

export function fetchException(id: string, options: { signal?: AbortSignal } = {}): Promise<ExceptionDetailView> {
  return getJson<ExceptionDetailView>(`/api/exceptions/${encodeURIComponent(id)}`, options);
}

const decisionPath = (id: string, kind: string) => `/api/exceptions/${encodeURIComponent(id)}/${kind}`;

export function approveException(id: string, expectedVersion: number, comment?: string): Promise<ApproveResponse> {
  return postJson<ApproveResponse>(decisionPath(id, 'approve'), { expectedVersion, ...(comment ? { comment } : {}) });
}

/** Applies an approved exception again after a failed apply (nothing else changes when it fails again). */
export function retryApply(id: string): Promise<{ readonly apply: ApplySummary }> {
  return postJson<{ readonly apply: ApplySummary }>(decisionPath(id, 'apply'), {});
}

export function rejectException(id: string, expectedVersion: number, reason: string): Promise<DecisionResponse> {
  return postJson<DecisionResponse>(decisionPath(id, 'reject'), { expectedVersion, reason });
}

export function escalateException(id: string, expectedVersion: number, reason: string): Promise<DecisionResponse> {
  return postJson<DecisionResponse>(decisionPath(id, 'escalate'), { expectedVersion, reason });
}

export interface EditBody {
  readonly expectedVersion: number;
  readonly resolution: Resolution;
  readonly type?: BreakType;
  readonly cause?: RootCause;
  readonly rationale?: string;
}

export function editException(id: string, body: EditBody): Promise<DecisionResponse> {
  return postJson<DecisionResponse>(decisionPath(id, 'edit'), body);
}

/** A later call of a bulk approval failed: what the earlier calls did stands, and is here. */
export class PartialBulkApproval extends Error {
  readonly done: BulkApproveResponse;
  constructor(done: BulkApproveResponse, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PartialBulkApproval';
    this.done = done;
  }
}

/**
 * Bulk approval in calls of at most 500 ids, their answers merged. A failing
 * call stops the rest: the first rejects as it is, a later one as a
 * PartialBulkApproval carrying what the calls before it did.
 */
export async function bulkApprove(ids: readonly string[], comment?: string): Promise<BulkApproveResponse> {
  const merged = { approved: [], pending: [], skipped: [], remaining: 0 } as { approved: BulkApproveResponse['approved'][number][]; pending: BulkApproveResponse['pending'][number][]; skipped: BulkApproveResponse['skipped'][number][]; remaining: number };
  for (let i = 0; i < ids.length; i += BULK_APPROVE_BATCH) {
    const batch = ids.slice(i, i + BULK_APPROVE_BATCH);
    let answer: BulkApproveResponse;
    try {
      answer = await postJson<BulkApproveResponse>('/api/decisions/bulk-approve', { ids: batch, ...(comment ? { comment } : {}) });
    } catch (error) {
      if (i === 0) throw error;
      throw new PartialBulkApproval(merged, error);
    }
    merged.approved.push(...answer.approved);
    merged.pending.push(...answer.pending);
    merged.skipped.push(...answer.skipped);
    merged.remaining += answer.remaining;
  }
  return merged;
}
