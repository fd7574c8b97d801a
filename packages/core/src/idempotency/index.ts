export * from './idempotency-key.js';
export * from './idempotency-record.entity.js';
export * from './idempotent.js';
