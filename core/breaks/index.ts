export * from './agent-outputs.ts';
export * from './amount-at-stake.ts';
export * from './break-context.ts';
export * from './fingerprint.ts';
export * from './rebind-resolution.ts';
export * from './suggestion.ts';
export * from './verification.ts';
