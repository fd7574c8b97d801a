import { EntitySchema } from '@mikro-orm/core';

/**
 * A create made with an `Idempotency-Key`: who sent it, a digest of what was asked, and the id of
 * what was created, so that a retry is answered by reading that record again through the normal
 * read path, with the caller's authorization of the moment. No field values are copied here.
 * Kept for 24 hours.
 */
export interface IdempotencyRecord {
  /** The caller's token subject: keys of different callers never meet. */
  subject: string;
  key: string;
  /** The mutation field, e.g. `createReferral`. */
  operation: string;
  /** HMAC-SHA-256 (hex, keyed with `IDEMPOTENCY_SECRET`) of the mutation field and its arguments; empty once what it created was erased. */
  requestHash: string;
  /** The id of what the mutation returned. */
  resultId: string;
  createdAt: Date;
}

export const IDEMPOTENCY_RECORD = 'IdempotencyRecord';

/**
 * Each subgraph keeps its records in its own schema, beside what they point to, so that
 * `(subject, key)` is the primary key there: of two requests racing with one key, one commits and
 * the other's insert fails. A fresh schema object for each ORM: MikroORM fills in the metadata.
 */
export function idempotencyRecordEntity(): EntitySchema<IdempotencyRecord> {
  return new EntitySchema<IdempotencyRecord>({
    name: IDEMPOTENCY_RECORD,
    tableName: 'idempotency_record',
    properties: {
      subject: { type: 'string', length: 200, primary: true },
      key: { type: 'string', length: 255, primary: true },
      operation: { type: 'string', length: 64 },
      requestHash: { type: 'string', length: 64 },
      resultId: { type: 'uuid' },
      createdAt: { type: 'datetime', index: true },
    },
  });
}
