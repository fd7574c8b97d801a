import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueNotification, osloDateOf } from '@samspill/core';

import { FollowUpEntity } from '../modules/followups/follow-up.entity.js';
import { consentRenewalDue } from '../modules/followups/follow-up.row.js';
import { FollowUpCheckInEntity } from '../modules/followups/follow-up-check-in.entity.js';
import { FollowUpStage } from '../modules/followups/follow-up-enums.js';
import { FOLLOW_UP_NOTIFICATIONS } from '../modules/followups/follow-up-notifications.js';
import { referralLink } from '../modules/notifications/referral-notifications.js';
import { ReferralEntity } from '../modules/referrals/referral.entity.js';
import { REFERRALS_SCHEMA } from '../referrals-schema.js';

/**
 * A notification a follow-up is due for. It names what to look at and who is told, never anything
 * about her: no pseudonymous reference, no volunteer, no note, no date of hers (the recipient signs
 * in and reads the follow-up, under its rules).
 */
export type FollowUpEvent =
  | { readonly type: 'FOLLOW_UP_CHECK_IN_DUE'; readonly followUpId: string; readonly organisationId: string }
  | { readonly type: 'FOLLOW_UP_CONSENT_TO_RENEW'; readonly followUpId: string; readonly organisationIds: readonly string[] };

/**
 * The follow-up notifications now due, each once: a check-in whose planned day has come and that
 * is not recorded (to the organisation), and a consent that ends within 30 days before the
 * commitment does (to the sending shelter, and to the organisation when it follows her up after
 * she has left the shelter). Each is written to the notification outbox and marked, in the caller's
 * transaction, so that the same event is never due twice; a renewal prompts again only for a new
 * expiry. The messages link to the referral's page, where each side reads what it may of the follow-up.
 */
export async function collectFollowUpEvents(em: EntityManager, now: Date): Promise<FollowUpEvent[]> {
  const events: FollowUpEvent[] = [];
  const today = osloDateOf(now);
  const due = await em.find(
    FollowUpCheckInEntity,
    { outcome: null, dueNotifiedAt: null, plannedOn: { $lte: today }, followUp: { stage: FollowUpStage.MATCHED } },
    { populate: ['followUp'], orderBy: { plannedOn: 'asc', id: 'asc' }, limit: 500 },
  );
  for (const checkIn of due) {
    checkIn.dueNotifiedAt = now;
    events.push({ type: 'FOLLOW_UP_CHECK_IN_DUE', followUpId: checkIn.followUp.id, organisationId: checkIn.followUp.receivingOrganisationId });
    await enqueueNotification(em, {
      kind: FOLLOW_UP_NOTIFICATIONS.checkInDue,
      link: referralLink(checkIn.followUp.referral.id),
      recipients: [{ organisationId: checkIn.followUp.receivingOrganisationId }],
      at: now,
      dedupeKey: `follow-up.check-in-due:${checkIn.id}`,
    });
  }
  const open = await em.find(FollowUpEntity, { stage: { $ne: FollowUpStage.ENDED } }, { limit: 2000 });
  const referrals = new Map((await em.find(ReferralEntity, { id: { $in: open.map((f) => f.referral.id) } })).map((r) => [r.id, r]));
  for (const followUp of open) {
    const referral = referrals.get(followUp.referral.id)!;
    if (!consentRenewalDue(followUp, referral, now)) continue;
    if (followUp.renewalPromptedFor?.getTime() === referral.consentExpiresAt!.getTime()) continue;
    // Not through the entity: a job's mark must not bump the version an editor holds.
    // (MikroORM's nativeUpdate increments a versioned entity's version too.)
    await em.execute(`update "${REFERRALS_SCHEMA}".follow_up set renewal_prompted_for = ? where id = ?`, [referral.consentExpiresAt, followUp.id]);
    const organisationIds =
      followUp.afterLeavingShelter && referral.consentFollowUpAfterLeaving
        ? [followUp.sendingShelterId, followUp.receivingOrganisationId]
        : [followUp.sendingShelterId];
    events.push({ type: 'FOLLOW_UP_CONSENT_TO_RENEW', followUpId: followUp.id, organisationIds });
    await enqueueNotification(em, {
      kind: FOLLOW_UP_NOTIFICATIONS.consentToRenew,
      link: referralLink(referral.id),
      recipients: organisationIds.map((organisationId) => ({ organisationId })),
      at: now,
      dedupeKey: `follow-up.consent-to-renew:${followUp.id}:${referral.consentExpiresAt!.getTime()}`,
    });
  }
  await em.flush();
  return events;
}
