/** The whole schema, for drizzle-kit, the client's relational queries and the repositories. */
export * from './enums.ts';
export * from './users.ts';
export * from './reconciliations.ts';
export * from './imports.ts';
export * from './records.ts';
export * from './runs.ts';
export * from './match-groups.ts';
export * from './exceptions.ts';
export * from './suggestions.ts';
export * from './decisions.ts';
export * from './adjustments.ts';
export * from './audit-log.ts';
