export * from './canonical-record.ts';
export * from './normalize-reference.ts';
export * from './record-batch.ts';
