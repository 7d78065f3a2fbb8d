/** Postgres enums, each built from the core `as const` union it mirrors. */
import { pgEnum } from 'drizzle-orm/pg-core';
import {
  AGENT_MODES,
  AUDIT_ENTITY_TYPES,
  DECISION_KINDS,
  DOMAINS,
  EFFECT_KINDS,
  EXCEPTION_STATUSES,
  FALLBACK_REASONS,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  MATCH_GROUP_STATUSES,
  MATCH_PASSES,
  RECORD_KINDS,
  RUN_STATUSES,
  SECURITY_ID_TYPES,
  SIDES,
  SUGGESTION_SOURCES,
  USER_ROLES,
} from '../../core/statuses.ts';
import { ACCOUNT_ROLES, BREAK_TYPES, RESOLUTION_ACTIONS, ROOT_CAUSES } from '../../core/taxonomy/index.ts';

export const sideEnum = pgEnum('side', SIDES);
export const domainEnum = pgEnum('domain', DOMAINS);
export const recordKindEnum = pgEnum('record_kind', RECORD_KINDS);
export const securityIdTypeEnum = pgEnum('security_id_type', SECURITY_ID_TYPES);
export const importFormatEnum = pgEnum('import_format', IMPORT_FORMATS);
export const importStatusEnum = pgEnum('import_status', IMPORT_STATUSES);
export const runStatusEnum = pgEnum('run_status', RUN_STATUSES);
export const agentModeEnum = pgEnum('agent_mode', AGENT_MODES);
export const matchPassEnum = pgEnum('match_pass', MATCH_PASSES);
export const matchGroupStatusEnum = pgEnum('match_group_status', MATCH_GROUP_STATUSES);
export const exceptionStatusEnum = pgEnum('exception_status', EXCEPTION_STATUSES);
export const suggestionSourceEnum = pgEnum('suggestion_source', SUGGESTION_SOURCES);
export const fallbackReasonEnum = pgEnum('fallback_reason', FALLBACK_REASONS);
export const decisionKindEnum = pgEnum('decision_kind', DECISION_KINDS);
export const effectKindEnum = pgEnum('effect_kind', EFFECT_KINDS);
export const userRoleEnum = pgEnum('user_role', USER_ROLES);
export const auditEntityTypeEnum = pgEnum('audit_entity_type', AUDIT_ENTITY_TYPES);
export const breakTypeEnum = pgEnum('break_type', BREAK_TYPES);
export const rootCauseEnum = pgEnum('root_cause', ROOT_CAUSES);
export const resolutionActionEnum = pgEnum('resolution_action', RESOLUTION_ACTIONS);
export const accountRoleEnum = pgEnum('account_role', ACCOUNT_ROLES);
