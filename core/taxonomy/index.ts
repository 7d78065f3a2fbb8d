export * from './break-types.ts';
export * from './root-causes.ts';
export * from './actions.ts';
export * from './account-roles.ts';
