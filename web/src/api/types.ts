/**
 * Response types of the API as the browser sees them. Type-only imports from
 * the server's own definitions keep the two in step: a change of the API's
 * shape breaks the web build instead of a page at runtime. No server code is
 * bundled, since type imports are erased.
 */
import type { ErrorBody } from '../../../api/errors/error-handler.ts';
import type { CheckResult, CheckStatus, HealthReport } from '../../../api/routes/health.ts';
import type { ExceptionStatus, SuggestionSource, UserRole } from '../../../core/statuses.ts';
import type { BreakType, Resolution, ResolutionAction, RootCause, AccountRole } from '../../../core/taxonomy/index.ts';
import type { VerificationResult } from '../../../core/breaks/verification.ts';

export type { CheckResult, CheckStatus, ErrorBody, HealthReport };

/** Overall service state reported by `GET /api/health`. */
export type HealthState = HealthReport['status'];

// ── Exceptions, decisions and the session (the review app) ─────────────────
// The list and detail routes build their answers inline, so their shapes are
// restated here from api/routes/exceptions.ts and decisions.ts; the closed
// vocabularies come from core, so a new status or type flows through.

export type { AccountRole, BreakType, ExceptionStatus, Resolution, ResolutionAction, RootCause, SuggestionSource, UserRole, VerificationResult };

/** One row of `GET /api/exceptions`. Money as decimal strings. */
export interface ExceptionListItem {
  readonly id: string;
  readonly status: ExceptionStatus;
  readonly type: BreakType;
  readonly typeLabel: string;
  readonly cause: RootCause | null;
  readonly account: string;
  readonly currency: string;
  /** Gross amount at stake, never negative. */
  readonly amount: string;
  readonly difference: string;
  readonly confidence: string | null;
  readonly source: SuggestionSource | null;
  readonly verified: boolean;
  readonly openedAt: string;
  readonly ageDays: number;
  readonly action: ResolutionAction | null;
  readonly suggestedAction: string | null;
  readonly runId: string;
  readonly reconciliationId: string | null;
  readonly asOf: string;
  readonly assignee: string | null;
  /** Sent back as `expectedVersion` with a decision. */
  readonly version: number;
  readonly suggestionVersion: number | null;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export interface RecordView {
  readonly id: string;
  readonly side: 'external' | 'internal';
  readonly account: string;
  readonly date: string;
  readonly valueDate: string | null;
  readonly amount: string;
  readonly currency: string;
  readonly reference: string | null;
  readonly counterparty: string | null;
  readonly description: string | null;
  readonly kind: string;
  readonly securityId: string | null;
  readonly quantity: string | null;
  readonly price: string | null;
  readonly tradeDate: string | null;
  readonly settleDate: string | null;
  readonly fxRate: string | null;
}

export interface FieldDiff {
  readonly field: string;
  readonly external: readonly string[];
  readonly internal: readonly string[];
  readonly differs: boolean;
}

export interface SuggestionView {
  readonly id: string;
  readonly version: number;
  readonly type: BreakType;
  readonly typeLabel: string;
  readonly cause: RootCause;
  readonly causeLabel: string;
  readonly action: ResolutionAction;
  readonly actionLabel: string;
  readonly resolution: Resolution;
  readonly rationale: string;
  readonly evidence: readonly string[];
  readonly confidence: string;
  readonly source: SuggestionSource;
  readonly fallbackReason: string | null;
  readonly verified: boolean;
  readonly verification: VerificationResult | null;
  readonly model: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface DecisionEntry {
  readonly id: string;
  readonly kind: string;
  readonly suggestionVersion: number | null;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly reason: string | null;
  readonly createdAt: string;
}

export interface EffectLine {
  readonly id: string;
  readonly lineNo: number;
  readonly accountRole: AccountRole | null;
  readonly glCode: string;
  readonly amount: string;
  readonly description: string | null;
}

export interface EffectView {
  readonly id: string;
  readonly kind: string;
  readonly currency: string | null;
  readonly memo: string | null;
  readonly createdAt: string;
  readonly lines: readonly EffectLine[];
}

/** `GET /api/exceptions/:id`. */
export interface ExceptionDetailView {
  readonly exception: ExceptionListItem & { readonly causeLabel: string | null; readonly evidence: Readonly<Record<string, unknown>>; readonly currentSuggestionVersion: number | null };
  readonly records: { readonly external: readonly RecordView[]; readonly internal: readonly RecordView[] };
  readonly fieldDiffs: readonly FieldDiff[];
  readonly totals: { readonly external: string; readonly internal: string; readonly difference: string };
  readonly evidence: { readonly match: Readonly<Record<string, unknown>>; readonly suggestion: readonly string[] };
  readonly suggestion: SuggestionView | null;
  readonly versions: readonly SuggestionView[];
  readonly decisions: readonly DecisionEntry[];
  readonly effects: readonly EffectView[];
}

export interface ExceptionState {
  readonly id: string;
  readonly status: ExceptionStatus;
  readonly version: number;
  readonly currentSuggestionVersion: number | null;
}

export interface DecisionResponse {
  readonly exception: ExceptionState;
  readonly from: ExceptionStatus;
  readonly decision: { readonly id: string; readonly kind: string; readonly suggestionVersion: number | null };
}

export interface ApplySummary {
  readonly status: 'applied' | 'apply_failed' | 'not_applied' | 'queued';
  readonly adjustmentId?: string | null;
  readonly reason?: string;
}

export interface ApproveResponse extends DecisionResponse {
  readonly approvals: { readonly have: number; readonly need: number };
  readonly complete: boolean;
  readonly apply?: ApplySummary;
}

export interface BulkApproveResponse {
  readonly approved: readonly { readonly id: string; readonly status: string; readonly version: number; readonly apply?: ApplySummary }[];
  readonly pending: readonly { readonly id: string; readonly status: string; readonly version: number; readonly approvals: { readonly have: number; readonly need: number } }[];
  readonly skipped: readonly { readonly id: string; readonly reason: string; readonly message: string; readonly status?: string }[];
  readonly remaining: number;
}

export interface SessionUser {
  readonly id: string;
  readonly name: string;
  readonly role: UserRole;
}
