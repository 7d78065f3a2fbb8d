/** The rules implementation of the three agents and verification, behind the graph's `RulesAgents` port. */
import { classifyByRules } from '../core/rules/classify-rules.ts';
import { rootCauseByRules } from '../core/rules/root-cause-rules.ts';
import { RULES_VERSION } from '../core/rules/rules-version.ts';
import { suggestByRules } from '../core/rules/suggest-rules.ts';
import { verifySuggestion } from '../core/verify/verify-suggestion.ts';
import type { RulesAgents } from './agent-ports.ts';

export const rulesAgents: RulesAgents = {
  version: RULES_VERSION,
  classify: classifyByRules,
  rootCause: rootCauseByRules,
  suggest: suggestByRules,
  verify: verifySuggestion,
};
