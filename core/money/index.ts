export * from './decimal.ts';
export * from './currency.ts';
export * from './money.ts';
export * from './schemas.ts';
