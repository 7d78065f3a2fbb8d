export * from './agent-outputs.ts';
export * from './break-context.ts';
export * from './fingerprint.ts';
export * from './suggestion.ts';
export * from './verification.ts';
