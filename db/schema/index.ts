export * from './enums.ts';
export * from './users.ts';
export * from './reconciliations.ts';
export * from './imports.ts';
export * from './runs.ts';
export * from './exceptions.ts';
export * from './decisions.ts';
export * from './audit.ts';
