export * from './shared/agent-prompt.ts';
export * from './classify/classify-prompt.ts';
export * from './root-cause/root-cause-prompt.ts';
export * from './suggest/suggest-prompt.ts';
export * from './suggest/suggest-output.ts';
