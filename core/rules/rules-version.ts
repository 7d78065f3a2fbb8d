/**
 * Version of the rules path. It is recorded with every rules suggestion
 * (`promptVersion: rules@…`) so a change of rules is visible in the audit trail
 * and in evaluation reports, the way a prompt version is for the LLM path.
 */
export const RULES_VERSION = 'rules@1.0.0';
