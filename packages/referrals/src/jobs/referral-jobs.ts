import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ANONYMOUS, type Logger, purgeExpiredIdempotencyRecords } from '@samspill/core';

import { SYSTEM_ACTOR } from '../modules/audit/audit.service.js';
import type { DirectoryLookup } from '../modules/directory-link/directory-client.js';
import { ReferralService, type ReferralSettings } from '../modules/referrals/referral.service.js';
import { StatisticsSnapshots } from '../modules/statistics/statistics-snapshots.js';
import { collectFollowUpEvents, type FollowUpEvent } from './follow-up-events.js';

/** Arbitrary, fixed: the advisory lock that lets one instance at a time run the jobs. */
const JOBS_LOCK = 0x5a_4d_53_50;

const NO_DIRECTORY: DirectoryLookup = {
  offer: () => Promise.reject(new Error('the referral jobs never look offers up')),
};

export interface JobResult {
  readonly ran: boolean;
  readonly expired: string[];
  /** Referrals whose receiving organisation was reminded, their answer deadline being at most 3 days ahead. */
  readonly warned: string[];
  readonly erased: string[];
  /** How many Idempotency-Key records older than their 24 hours went. */
  readonly purgedKeys: number;
  /** The months (YYYY-MM) whose statistics snapshot was taken, now that they are final. */
  readonly snapshots: string[];
  /** The follow-up notifications that became due (check-ins due, consents to renew), each once. */
  readonly followUpEvents: FollowUpEvent[];
}

/**
 * Expires unanswered referrals (telling both sides through the outbox), reminds organisations of
 * referrals about to expire, erases personal fields after the retention period and purges
 * Idempotency-Key records past their window, and takes the statistics snapshot of each month that
 * has become final, in one
 * transaction under an advisory lock, so that several API instances never run it at once.
 */
export async function runReferralJobs(orm: MikroORM<PostgreSqlDriver>, settings: ReferralSettings, now: () => Date = () => new Date()): Promise<JobResult> {
  const em = orm.em.fork() as EntityManager;
  return em.transactional(async (tx) => {
    const [{ locked }] = await tx.execute<Array<{ locked: boolean }>>('select pg_try_advisory_xact_lock(?) as locked', [JOBS_LOCK]);
    if (!locked) return { ran: false, expired: [], warned: [], erased: [], purgedKeys: 0, snapshots: [], followUpEvents: [] };
    const service = new ReferralService(tx, ANONYMOUS, NO_DIRECTORY, settings, now);
    const expired = await service.expireOverdue(SYSTEM_ACTOR);
    // The reminders, in the same transaction: each written to the outbox once per deadline.
    const warned = await service.warnExpiring();
    const erased = await service.eraseAfterRetention(SYSTEM_ACTOR);
    // In a quiet system no one writes a key for days: the records go here, not only on the next write.
    const purgedKeys = await purgeExpiredIdempotencyRecords(tx, now());
    // Each month's statistics, once, as soon as it is final (a read takes it too if this has not yet).
    const snapshots = await new StatisticsSnapshots(tx, now, settings.statisticsFinalAfterDays).takeMissing('0000-01', '9999-12');
    const followUpEvents = await collectFollowUpEvents(tx, now());
    return { ran: true, expired, warned, erased, purgedKeys, snapshots, followUpEvents };
  });
}

/** Runs the jobs every `intervalSeconds` (and shortly after start) on the server's clock; returns a stop function. */
export function scheduleReferralJobs(
  orm: MikroORM<PostgreSqlDriver>,
  settings: ReferralSettings,
  intervalSeconds: number,
  logger: Logger,
  now: () => Date = () => new Date(),
): () => void {
  const run = () =>
    runReferralJobs(orm, settings, now)
      .then((result) => {
        if (result.expired.length || result.warned.length || result.erased.length || result.snapshots.length || result.followUpEvents.length)
          logger.info(
            {
              expired: result.expired.length,
              warned: result.warned.length,
              erased: result.erased.length,
              snapshots: result.snapshots,
              followUpEvents: result.followUpEvents.length,
            },
            'referral jobs ran',
          );
      })
      .catch((error) => logger.error({ err: error }, 'referral jobs failed'));
  const first = setTimeout(run, 2_000);
  const timer = setInterval(run, intervalSeconds * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
