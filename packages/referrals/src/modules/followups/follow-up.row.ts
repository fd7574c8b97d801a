import { DAY_MS, osloDateOf } from '@samspill/core';

import type { ReferralEntity } from '../referrals/referral.entity.js';
import type { FollowUpEntity } from './follow-up.entity.js';
import { followUpPolicy } from './follow-up.policy.js';
import type { FollowUp, FollowUpCheckIn } from './follow-up.type.js';
import type { FollowUpCheckInEntity } from './follow-up-check-in.entity.js';
import { FollowUpAction } from './follow-up-enums.js';
import { followUpActions, type FollowUpSide, isOpenStage } from './follow-up-state-machine.js';

/** How long before the consent ends the renewal is prompted. */
export const RENEWAL_NOTICE_DAYS = 30;

/**
 * What FollowUp's field resolvers receive: the follow-up as one side sees it. The one place that
 * decides what the sending shelter sees of it (the stage, the commitment's end, the next check-in)
 * and what is the organisation's alone (the volunteer, the check-ins, the notes).
 */
export type FollowUpRow = FollowUp & { readonly side: FollowUpSide; readonly referralId: string; readonly allowedActions: FollowUpAction[] };

/** Whether the consent ends within the notice before the commitment does (or before a match gives the commitment an end). */
export function consentRenewalDue(followUp: FollowUpEntity, referral: ReferralEntity, now: Date): boolean {
  if (!isOpenStage(followUp.stage) || !referral.consentExpiresAt || referral.consentWithdrawnAt) return false;
  if (referral.consentExpiresAt.getTime() - now.getTime() > RENEWAL_NOTICE_DAYS * DAY_MS) return false;
  // The consent runs to the end of its day in Oslo; the commitment to the end of its last day.
  return !followUp.commitmentEndsOn || osloDateOf(referral.consentExpiresAt) <= followUp.commitmentEndsOn;
}

export function followUpRowOf(
  followUp: FollowUpEntity,
  referral: ReferralEntity,
  checkIns: readonly FollowUpCheckInEntity[],
  side: FollowUpSide,
  now: Date,
): FollowUpRow {
  const organisation = side === 'ORGANISATION';
  const next = checkIns.filter((c) => !c.outcome).sort((a, b) => a.plannedOn.localeCompare(b.plannedOn))[0];
  const actions = followUpActions(followUp.stage, side).filter(
    (action) => action !== FollowUpAction.RENEW_CONSENT || followUpPolicy.mayRenewConsent(side, followUp, referral),
  );
  return {
    side,
    referralId: referral.id,
    allowedActions: actions,
    id: followUp.id,
    version: followUp.version,
    stage: followUp.stage,
    afterLeavingShelter: followUp.afterLeavingShelter,
    commitmentMonths: followUp.commitmentMonths,
    requiresVolunteerCourse: followUp.requiresVolunteerCourse,
    womenOnlyVolunteers: followUp.womenOnlyVolunteers,
    startedAt: followUp.startedAt,
    matchedOn: followUp.matchedOn,
    volunteerReference: organisation ? followUp.volunteerReference : null,
    courseConfirmed: organisation ? followUp.courseConfirmed : null,
    womenOnlyConfirmed: organisation ? followUp.womenOnlyConfirmed : null,
    commitmentEndsOn: followUp.commitmentEndsOn,
    nextCheckInOn: isOpenStage(followUp.stage) ? (next?.plannedOn ?? null) : null,
    checkIns: organisation
      ? [...checkIns]
          .sort((a, b) => a.plannedOn.localeCompare(b.plannedOn) || a.id.localeCompare(b.id))
          .map((c): FollowUpCheckIn => ({ id: c.id, plannedOn: c.plannedOn, outcome: c.outcome, recordedOn: c.recordedOn, note: c.note }))
      : null,
    notes: organisation ? followUp.notes : null,
    endedOn: followUp.endedOn,
    endReason: followUp.endReason,
    continuesId: followUp.continuesId,
    consentExpiresAt: referral.consentExpiresAt,
    consentRenewalDue: consentRenewalDue(followUp, referral, now),
  };
}
