import { useState } from 'react';
import { makeOperation, mapExchange } from 'urql';

/** The header with which a create asks the platform to do it at most once (the README's Idempotency-Key). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/**
 * Sends a mutation's `context.idempotencyKey` as the Idempotency-Key header, beside the client's own
 * headers (the CSRF token): a create whose answer was lost, sent again with the same key, returns
 * what the first one made instead of making it twice.
 */
export const idempotencyExchange = mapExchange({
  onOperation(operation) {
    const key = operation.context.idempotencyKey as string | undefined;
    if (!key || operation.kind !== 'mutation') return operation;
    const base = operation.context.fetchOptions;
    return makeOperation(operation.kind, operation, {
      ...operation.context,
      fetchOptions: () => {
        const options = (typeof base === 'function' ? base() : base) ?? {};
        return { ...options, headers: { ...(options.headers as Record<string, string> | undefined), [IDEMPOTENCY_KEY_HEADER]: key } };
      },
    });
  },
});

/** One key for one thing the user means to create: the same across retries while the form stays open. */
export function useIdempotencyKey(): string {
  const [key] = useState(() => crypto.randomUUID());
  return key;
}
