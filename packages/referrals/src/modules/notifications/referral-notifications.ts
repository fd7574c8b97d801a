import type { EntityManager } from '@mikro-orm/postgresql';
import { DAY_MS, defineNotificationKind, enqueueNotification, type NotificationKind, type NotificationRecipient } from '@samspill/core';

import type { ReferralEntity } from '../referrals/referral.entity.js';

/**
 * The referral events told through the outbox. Each message says what happened and links to the
 * referral in the web app; none names the resident or repeats any of the referral's fields.
 */
export const REFERRAL_NOTIFICATIONS = {
  sent: defineNotificationKind({
    kind: 'referral.sent',
    subject: () => 'Ny henvisning venter på svar',
    summary: () => 'En ny henvisning venter på svar fra dere. / A new referral is waiting for your answer.',
  }),
  accepted: defineNotificationKind({
    kind: 'referral.accepted',
    subject: () => 'Henvisningen er tatt imot',
    summary: () => 'En henvisning dere sendte er tatt imot. / A referral you sent has been accepted.',
  }),
  declined: defineNotificationKind({
    kind: 'referral.declined',
    subject: () => 'Henvisningen er avslått',
    summary: () => 'En henvisning dere sendte er avslått; den kan sendes videre. / A referral you sent was declined; it can be redirected.',
  }),
  expiring: defineNotificationKind({
    kind: 'referral.expiring',
    subject: () => 'Svarfristen for en henvisning går snart ut',
    summary: () => 'En henvisning til dere har svarfrist om tre dager eller mindre. / A referral to you must be answered within three days.',
  }),
  expired: defineNotificationKind({
    kind: 'referral.expired',
    subject: () => 'En henvisning er utløpt uten svar',
    summary: () => 'En henvisning ble ikke besvart innen fristen og er utløpt. / A referral was not answered in time and has expired.',
  }),
  redirected: defineNotificationKind({
    kind: 'referral.redirected',
    subject: () => 'Henvisningen er sendt videre som utkast',
    summary: () =>
      'En avslått henvisning er gjort til et nytt utkast til et annet tilbud: registrer samtykke og send det. / A declined referral is now a draft to another offer: record consent and send it.',
  }),
} as const satisfies Record<string, NotificationKind>;

/** How long before its answer deadline an organisation is reminded of a referral. */
export const EXPIRY_WARNING_DAYS = 3;

/** The referral's page in the web app, for both sides. */
export const referralLink = (referralId: string) => `/henvisninger/${referralId}`;

function shelterSide(referral: ReferralEntity, staffEmail?: string | null): NotificationRecipient[] {
  return [{ organisationId: referral.sendingShelterId }, ...(staffEmail ? [{ email: staffEmail }] : [])];
}

/**
 * Writes a referral event into the outbox through the service's entity manager, so that it is
 * committed by the same flush as the change. Who is told: the receiving organisation of what
 * waits for it; the sending shelter (its referral address) and the staff member who sent it of
 * what came of it. The organisation is never told that a referral it declined was sent on.
 */
export async function notifyReferral(
  em: EntityManager,
  event: keyof typeof REFERRAL_NOTIFICATIONS,
  referral: ReferralEntity,
  at: Date,
  options: { staffEmail?: string | null; linkTo?: string } = {},
): Promise<void> {
  const receiving: NotificationRecipient[] = [{ organisationId: referral.receivingOrganisationId }];
  const sender = shelterSide(referral, options.staffEmail ?? referral.senderEmail);
  const recipients: Record<keyof typeof REFERRAL_NOTIFICATIONS, NotificationRecipient[]> = {
    sent: receiving,
    accepted: sender,
    declined: sender,
    expiring: receiving,
    expired: [...sender, ...receiving],
    redirected: sender,
  };
  await enqueueNotification(em, {
    kind: REFERRAL_NOTIFICATIONS[event],
    link: referralLink(options.linkTo ?? referral.id),
    recipients: recipients[event],
    at,
    // A reminder is told once per answer deadline (a deadline moved by the wait-list is a new one).
    dedupeKey: event === 'expiring' && referral.answerDeadline ? `referral.expiring:${referral.id}:${referral.answerDeadline.getTime()}` : undefined,
  });
}

/** The moment up to which open referrals are reminded of: the warning window ahead of `now`. */
export const expiryWarningHorizon = (now: Date) => new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS);
