import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import {
  type Config,
  defineNotificationKind,
  enqueueNotification,
  HttpWebhookChannel,
  type Logger,
  type OrganisationContacts,
  OutboxWorker,
  SmtpEmailChannel,
} from '@samspill/core';

import { DIRECTORY_SCHEMA } from '../directory-schema.js';
import { ActivityEntity } from '../modules/activities/activity.entity.js';
import { OfferStatus } from '../modules/offers/offer-enums.js';
import { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { PetCareOfferEntity } from '../modules/pet-care/pet-care-offer.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reminder: it names the offer (public directory data) and links to it, nothing else. */
export const OFFER_DUE_FOR_VERIFICATION = defineNotificationKind({
  kind: 'offer.due-for-verification',
  subject: (params) => `Bekreft at tilbudet fortsatt stemmer${params.offerTitle ? `: ${params.offerTitle}` : ''}`,
  summary: () =>
    'Et av tilbudene deres er ikke bekreftet på lenge. Bekreft at det fortsatt stemmer, eller rett det, så det ikke forsvinner fra de åpne listene. / One of your offers has not been confirmed for a long time: confirm it is still right, or correct it, so that it stays in the public lists.',
});

/** An offer due for re-verification: published, not confirmed for OFFER_DUE_AFTER_DAYS. */
export interface DueOffer {
  readonly kind: 'ACTIVITY' | 'PET_CARE_OFFER';
  readonly id: string;
  readonly title: string;
  readonly organisationId: string;
  readonly lastVerifiedAt: Date;
}

/** The published offers not confirmed since `now` − OFFER_DUE_AFTER_DAYS (DUE or STALE), oldest first. */
export async function dueOffers(em: EntityManager, freshness: Config['freshness'], now: Date): Promise<DueOffer[]> {
  const dueBefore = new Date(now.getTime() - freshness.offerDueAfterDays * DAY_MS);
  const where = { status: OfferStatus.PUBLISHED, lastVerifiedAt: { $lt: dueBefore } };
  const options = { orderBy: { lastVerifiedAt: 'asc', id: 'asc' }, limit: 1000 } as const;
  const [activities, petCare] = await Promise.all([em.find(ActivityEntity, where, options), em.find(PetCareOfferEntity, where, options)]);
  return [
    ...activities.map((a) => ({ kind: 'ACTIVITY' as const, id: a.id, title: a.title, organisationId: a.organisation.id, lastVerifiedAt: a.lastVerifiedAt })),
    ...petCare.map((p) => ({ kind: 'PET_CARE_OFFER' as const, id: p.id, title: p.title, organisationId: p.organisation.id, lastVerifiedAt: p.lastVerifiedAt })),
  ];
}

/** The offer's page in the web app, where its editors confirm it. */
export const offerLink = (offer: Pick<DueOffer, 'kind' | 'id'>) => (offer.kind === 'ACTIVITY' ? `/aktiviteter/${offer.id}` : `/dyrepass/${offer.id}`);

/**
 * Reminds the editors (the organisation's notification address) of every offer due for
 * re-verification, once per confirmation: the dedupe key holds the offer's lastVerifiedAt, so a
 * confirmed offer that falls due again is told again. Written to the directory's outbox in one
 * transaction; returns how many offers were told of for the first time.
 */
export async function remindOfOffersDue(orm: MikroORM<PostgreSqlDriver>, freshness: Config['freshness'], now: () => Date): Promise<number> {
  return orm.em.fork().transactional(async (tx) => {
    const at = now();
    let told = 0;
    for (const offer of await dueOffers(tx as EntityManager, freshness, at)) {
      const ids = await enqueueNotification(tx, {
        kind: OFFER_DUE_FOR_VERIFICATION,
        link: offerLink(offer),
        params: { offerTitle: offer.title },
        recipients: [{ organisationId: offer.organisationId }],
        at,
        dedupeKey: `offer.due:${offer.id}:${offer.lastVerifiedAt.getTime()}`,
      });
      if (ids.length) told++;
    }
    return told;
  });
}

/** An organisation's notification addresses, read from the directory's own table when a reminder is delivered. */
export class DirectoryOrganisationContacts implements OrganisationContacts {
  constructor(private readonly orm: MikroORM<PostgreSqlDriver>) {}

  async organisation(id: string) {
    const organisation = await this.orm.em.fork().findOne(OrganisationEntity, { id });
    return organisation && { name: organisation.name, email: organisation.referralEmail ?? null, webhookUrl: organisation.webhookUrl ?? null };
  }
}

/**
 * The directory's reminders: the job that finds offers due (every `intervalMs`) and the worker
 * that delivers its outbox. Null when notifications are off or there is no SMTP server.
 */
export function scheduleOfferReminders(
  orm: MikroORM<PostgreSqlDriver>,
  config: Config,
  logger: Logger,
  options: { now?: () => Date; smtpUrl?: string; intervalMs?: number } = {},
): { worker: OutboxWorker; stop: () => void } | null {
  const smtpUrl = options.smtpUrl ?? config.notifications.smtpUrl;
  if (!config.notifications.enabled || !smtpUrl) return null;
  const now = options.now ?? (() => new Date());
  const email = new SmtpEmailChannel(smtpUrl, config.notifications.from);
  const secret = config.notifications.webhookSigningSecret;
  const worker = new OutboxWorker({
    orm,
    schema: DIRECTORY_SCHEMA,
    contacts: new DirectoryOrganisationContacts(orm),
    email,
    webhook: secret ? { channel: new HttpWebhookChannel(), signingSecret: secret } : null,
    publicUrl: config.web.publicUrl,
    now,
    logger,
    maxAttempts: config.notifications.maxAttempts,
  });
  const stopWorker = worker.schedule(config.notifications.intervalSeconds * 1000);
  const timer = setInterval(
    () => {
      remindOfOffersDue(orm, config.freshness, now).catch((error: unknown) => logger.error({ err: error }, 'the offer reminder job failed'));
    },
    options.intervalMs ?? 60 * 60 * 1000,
  );
  timer.unref();
  return {
    worker,
    stop: () => {
      clearInterval(timer);
      stopWorker();
      email.close();
    },
  };
}
