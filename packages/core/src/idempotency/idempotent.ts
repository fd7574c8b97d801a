import { createHmac } from 'node:crypto';

import { type EntityManager, type MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import stringify from 'safe-stable-stringify';

import type { BaseContext } from '../auth/access.js';
import { isAuthenticated } from '../auth/principal.js';
import { ConflictError, NotFoundError } from '../errors/domain-errors.js';
import type { Logger } from '../logging/logger.js';
import { DAY_MS } from '../time/oslo.js';
import { IDEMPOTENCY_RECORD, type IdempotencyRecord } from './idempotency-record.entity.js';

/** How long a key stands for its first request. */
export const IDEMPOTENCY_WINDOW_MS = DAY_MS;

/** The description every create mutation carries, where integrators read it. */
export const IDEMPOTENT_CREATE =
  'Safe to retry: send an `Idempotency-Key` header (1–255 of A–Z a–z 0–9 . _ ~ : + / = -, e.g. a UUID). The same key with the same ' +
  'arguments within 24 hours returns what the first request created and creates nothing new; the same key with other arguments gets ' +
  'CONFLICT. Keys are per caller.';

export interface IdempotencyContext extends BaseContext {
  /** The request's valid `Idempotency-Key`, if it sent one. */
  readonly idempotencyKey?: string;
  /** The HMAC key of request digests (`IDEMPOTENCY_SECRET`), never stored in the database. */
  readonly idempotencySecret: string;
  readonly now: () => Date;
}

/**
 * HMAC-SHA-256, under a server secret, of the mutation field and its arguments (object keys in a
 * fixed order). Keyed, because most arguments are guessable: a plain hash in the database would
 * let whoever reads it (or a backup) confirm a guess about a resident.
 */
export function requestDigest(secret: string, operation: string, args: unknown): string {
  return createHmac('sha256', secret)
    .update(stringify({ operation, args }) ?? '')
    .digest('hex');
}

/**
 * What a record's digest becomes when what it created loses its personal fields (erasure,
 * withdrawn consent): nothing is left to compare a retry with, so any retry with the key is
 * answered with what was created (the erased view), and nothing is created again.
 */
export const ERASED_REQUEST_DIGEST = '';

/** Forgets what was asked in the requests that created `resultIds`; the records keep their key until the window ends. */
export async function eraseIdempotencyDigests(em: EntityManager, resultIds: readonly string[]): Promise<void> {
  if (resultIds.length === 0) return;
  await em.nativeUpdate<IdempotencyRecord>(IDEMPOTENCY_RECORD, { resultId: { $in: [...resultIds] } }, { requestHash: ERASED_REQUEST_DIGEST });
}

/** Deletes the records of keys older than the window; returns how many went. */
export function purgeExpiredIdempotencyRecords(em: EntityManager, now: Date): Promise<number> {
  return em.nativeDelete<IdempotencyRecord>(IDEMPOTENCY_RECORD, { createdAt: { $lt: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS) } });
}

/**
 * Purges expired records on a timer (shortly after start, then hourly), for a subgraph without a
 * job runner of its own (the directory; the referral jobs purge the referrals' records). Every
 * instance may run it: the delete is idempotent. Returns a stop function.
 */
export function scheduleIdempotencyPurge(orm: MikroORM, logger: Logger, now: () => Date = () => new Date(), intervalMs = 60 * 60 * 1000): () => void {
  const run = () =>
    purgeExpiredIdempotencyRecords(orm.em.fork(), now()).catch((error: unknown) => logger.error({ err: error }, 'purging expired Idempotency-Keys failed'));
  const first = setTimeout(run, 2_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/**
 * Runs a create so that a retry with the same `Idempotency-Key` is answered with what the first
 * request created. The record of the key is written in the same transaction as the create: a
 * request that committed is found on retry, one that failed or was cut off before its commit
 * leaves nothing, not even the key. Of two requests racing with one key, the second's insert of
 * the key waits for the first and then fails, its create is rolled back, and it gets CONFLICT;
 * retried, it is answered like any retry.
 *
 * `args` are the mutation's coerced arguments (what the "body" means; the selection set is not
 * part of it, so a retry may ask for other fields). `reread` loads the created record by id
 * through the normal read path, with the caller's authorization of the moment. `prepare` runs
 * before the transaction opens (a look-up in another subgraph, checks that audit a refusal on a
 * connection of their own): no connection is held through a round trip, and none is taken from
 * inside the transaction. Its result is passed to `create`.
 */
export async function idempotentCreate<T extends { id: string }, P = undefined>(
  ctx: IdempotencyContext,
  operation: string,
  args: Record<string, unknown>,
  create: (prepared: P) => Promise<T>,
  reread: (id: string) => Promise<T | null | undefined> | T | null | undefined,
  prepare: () => Promise<P> | P = () => undefined as P,
): Promise<T> {
  const key = ctx.idempotencyKey;
  // Only signed-in callers create anything; the create itself refuses everyone else.
  if (key === undefined || !isAuthenticated(ctx.principal)) return create(await prepare());
  const { em } = ctx;
  const subject = ctx.principal.subject;
  const now = ctx.now();
  const requestHash = requestDigest(ctx.idempotencySecret, operation, args);
  // Keys older than the window go on write, and on each subgraph's schedule too (purgeExpiredIdempotencyRecords).
  await purgeExpiredIdempotencyRecords(em, now);
  const previous = await em.findOne<IdempotencyRecord>(IDEMPOTENCY_RECORD, { subject, key });
  if (previous) {
    const erased = previous.requestHash === ERASED_REQUEST_DIGEST;
    if (previous.operation !== operation || (!erased && previous.requestHash !== requestHash)) {
      throw new ConflictError('This Idempotency-Key was used for another request in the last 24 hours: send a new key with a new request');
    }
    const result = await reread(previous.resultId);
    if (!result) throw new NotFoundError(operation.replace(/^[a-z]+/, ''), previous.resultId);
    return result;
  }
  const prepared = await prepare();
  await em.begin();
  try {
    const result = await create(prepared);
    em.create<IdempotencyRecord>(IDEMPOTENCY_RECORD, { subject, key, operation, requestHash, resultId: result.id, createdAt: now });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError('Another request with this Idempotency-Key was being processed: retry to get its result');
      }
      throw error;
    }
    await em.commit();
    return result;
  } catch (error) {
    await em.rollback();
    throw error;
  }
}
