/**
 * Closed vocabularies shared by zod schemas, pgEnums, the API and the UI.
 * Each is an `as const` tuple so it can feed `z.enum(...)` and `pgEnum(...)` alike.
 */

export const SIDES = ['external', 'internal'] as const;
export type Side = (typeof SIDES)[number];

export const DOMAINS = ['cash', 'securities'] as const;
export type Domain = (typeof DOMAINS)[number];

export const RECORD_KINDS = ['cash', 'trade', 'position', 'income'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SECURITY_ID_TYPES = ['ISIN', 'CUSIP', 'SEDOL', 'TICKER', 'OTHER'] as const;
export type SecurityIdType = (typeof SECURITY_ID_TYPES)[number];

export const IMPORT_FORMATS = [
  'mt940',
  'mt942',
  'mt950',
  'camt052',
  'camt053',
  'camt054',
  'bai2',
  'ofx',
  'csv',
  'xlsx',
  'json',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** An import is atomic: it either stored every record (`completed`) or none (`failed`). */
export const IMPORT_STATUSES = ['completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const AGENT_MODES = ['rules', 'llm', 'hybrid'] as const;
export type AgentMode = (typeof AGENT_MODES)[number];

/** Matching passes of DESIGN §4, strongest first. */
export const MATCH_PASSES = [
  'exact',
  'strong',
  'tolerance',
  'aggregation',
  'near_miss',
  'leftover',
  'duplicate',
  'securities',
  'manual',
] as const;
export type MatchPass = (typeof MATCH_PASSES)[number];

/** A match group is automatic (engine) or confirmed by an applied resolution. */
export const MATCH_GROUP_STATUSES = ['auto', 'confirmed'] as const;
export type MatchGroupStatus = (typeof MATCH_GROUP_STATUSES)[number];

/** Review states of DESIGN §6. */
export const EXCEPTION_STATUSES = [
  'open',
  'suggested',
  'approved',
  'edited',
  'rejected',
  'escalated',
  'applied',
  'apply_failed',
] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

/** Where a suggestion came from; `human` is a reviewer's edit. */
export const SUGGESTION_SOURCES = ['llm', 'rules', 'memory', 'cache', 'human'] as const;
export type SuggestionSource = (typeof SUGGESTION_SOURCES)[number];

export const FALLBACK_REASONS = [
  'timeout',
  'rate_limited',
  'server_error',
  'invalid_output',
  'unknown_ids',
  'unknown_labels',
  'circuit_open',
  'not_configured',
] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

export const DECISION_KINDS = ['approve', 'edit', 'reject', 'escalate', 'auto_approve'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The effect an applied resolution produced. */
export const EFFECT_KINDS = ['journal', 'match', 'correction', 'reversal'] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

export const USER_ROLES = ['viewer', 'reviewer', 'approver', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const AUDIT_ENTITY_TYPES = [
  'import',
  'run',
  'exception',
  'suggestion',
  'decision',
  'adjustment',
  'reconciliation',
  'user',
  'token',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
