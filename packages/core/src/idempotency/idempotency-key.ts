import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';

/**
 * The request header that makes a create safe to retry, as in the IETF draft "The Idempotency-Key
 * HTTP Header Field" (draft-ietf-httpapi-idempotency-key-header) and Stripe's API. The draft
 * defines its value as a Structured Field string (`Idempotency-Key: "8e03978e-…"`); the bare form
 * that Stripe and most clients send is accepted too.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The name clients see in errors about the header. */
export const IDEMPOTENCY_KEY_FIELD = 'Idempotency-Key';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/**
 * A UUID, a ULID, base64 or base64url, or any other token of these characters. Nothing that
 * needs quoting or escaping, so a key reads the same in a log, a header and the database.
 */
const KEY = /^[A-Za-z0-9._~:+/=-]+$/;

export type IdempotencyKeyCheck = { ok: true; key: string | undefined } | { ok: false; message: string };

/** The key of a request's `Idempotency-Key` header (absent: `undefined`), or why it is refused. */
export function parseIdempotencyKey(header: string | string[] | undefined): IdempotencyKeyCheck {
  if (header === undefined) return { ok: true, key: undefined };
  if (Array.isArray(header)) return { ok: false, message: 'Idempotency-Key must be given once' };
  const trimmed = header.trim();
  const key = trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
  if (key.length === 0) return { ok: false, message: 'Idempotency-Key must not be empty' };
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) return { ok: false, message: `Idempotency-Key must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters` };
  if (!KEY.test(key)) return { ok: false, message: 'Idempotency-Key may hold only letters A–Z and a–z, digits and . _ ~ : + / = -' };
  return { ok: true, key };
}

function rootFieldCount(operation: OperationDefinitionNode): number {
  return operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename')).length;
}

/**
 * One key stands for one create: a mutation operation with an `Idempotency-Key` must hold exactly
 * one root field (a fragment at the root counts as more than one), since which of several creates
 * a key would stand for is not sound to guess. Queries ignore the key: the gateway passes it on to
 * the look-ups that complete a mutation's answer as well.
 */
export function checkIdempotentOperation(document: DocumentNode | undefined, operationName: string | undefined | null): GraphQLError | null {
  const operations = (document?.definitions ?? []).filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'mutation') return null;
  const only = operation.selectionSet.selections.find((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  if (rootFieldCount(operation) === 1 && only?.kind === Kind.FIELD) return null;
  return new GraphQLError('An operation with an Idempotency-Key must hold exactly one mutation field: send each create in a request of its own', {
    extensions: { code: 'BAD_USER_INPUT', field: IDEMPOTENCY_KEY_FIELD, http: { status: 400 } },
  });
}
