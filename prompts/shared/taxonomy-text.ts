/**
 * The taxonomy as prompt text, rendered from core so a code added there
 * reaches every prompt without anyone copying a list by hand.
 */
import { ACCOUNT_ROLES, ACCOUNT_ROLE_INFO } from '../../core/taxonomy/account-roles.ts';
import { ACTION_INFO, ACTIONS_BY_TYPE, CORRECTABLE_FIELDS, RESOLUTION_ACTIONS, resolutionSchema } from '../../core/taxonomy/actions.ts';
import { BREAK_TYPES, BREAK_TYPE_INFO } from '../../core/taxonomy/break-types.ts';
import { CAUSES_BY_TYPE, ROOT_CAUSE_INFO } from '../../core/taxonomy/root-causes.ts';

/** "- code: description" per break type; securities-only types say so through their description. */
export function renderBreakTypes(): string {
  return BREAK_TYPES.map((t) => `- ${t}: ${BREAK_TYPE_INFO[t].description}`).join('\n');
}

/** Per type, its causes with what points to each; `unknown` once, for all. */
export function renderCausesByType(): string {
  const lines = BREAK_TYPES.map((t) => `- ${t}: ${CAUSES_BY_TYPE[t].map((c) => `${c} (${ROOT_CAUSE_INFO[c].description.replace(/\.$/, '')})`).join('; ')}`);
  return [...lines, `- any type: unknown (${ROOT_CAUSE_INFO.unknown.description.replace(/\.$/, '')})`].join('\n');
}

/** Parameters of an action from core's resolution schema: "account, amount, currency, memo?". */
export function actionParameters(action: (typeof RESOLUTION_ACTIONS)[number]): string {
  const option = resolutionSchema.options.find((o) => o.shape.action.value === action);
  if (!option) return '';
  return Object.entries(option.shape)
    .filter(([key]) => key !== 'action')
    .map(([key, schema]) => (schema.safeParse(undefined).success ? `${key}?` : key))
    .join(', ');
}

export function renderActions(): string {
  return RESOLUTION_ACTIONS.map((a) => `- ${a}(${actionParameters(a)}): ${ACTION_INFO[a].description}`).join('\n');
}

/** Allowed actions per type, the usual one first. */
export function renderActionsByType(): string {
  return BREAK_TYPES.map((t) => `- ${t}: ${ACTIONS_BY_TYPE[t].join(', ')}`).join('\n');
}

export function renderAccountRoles(): string {
  return ACCOUNT_ROLES.map((r) => `${r} (${ACCOUNT_ROLE_INFO[r].label})`).join(', ');
}

export function renderCorrectableFields(): string {
  return CORRECTABLE_FIELDS.join(', ');
}
