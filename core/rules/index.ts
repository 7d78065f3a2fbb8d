/** The rules path of the three agents: deterministic, pure, and the LLM path's fallback. */
export { classifyByRules } from './classify-rules.ts';
export { rootCauseByRules } from './root-cause-rules.ts';
export { suggestByRules } from './suggest-rules.ts';
export { RULES_VERSION } from './rules-version.ts';
