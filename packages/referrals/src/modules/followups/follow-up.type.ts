import { VisibleField } from '@samspill/core';
import { ID, Int, ObjectType } from 'type-graphql';

import { CheckInOutcome, FollowUpEndReason, FollowUpStage } from './follow-up-enums.js';

@ObjectType('FollowUpCheckIn', { description: 'A planned check-in with the woman, and whether it happened. Seen by the receiving organisation only.' })
export class FollowUpCheckIn {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => String, { description: 'YYYY-MM-DD.' })
  plannedOn!: string;

  @VisibleField(() => CheckInOutcome, { nullable: true, description: 'Null until recorded.' })
  outcome?: CheckInOutcome | null;

  @VisibleField(() => String, { nullable: true, description: 'YYYY-MM-DD: when it happened, or was recorded as missed.' })
  recordedOn?: string | null;

  @VisibleField(() => String, { nullable: true, description: 'The organisation’s note.' })
  note?: string | null;
}

/**
 * A follow-up as one party sees it (follow-up.row.ts decides what each side gets): the sending
 * shelter its stage and next check-in; the receiving organisation everything it recorded.
 */
@ObjectType('FollowUp', {
  description: [
    'An accepted referral to a mentoring or practical-help offer (a Ressursvenn, a frivilligsentral’s helper), followed up by the receiving organisation: WAITING_FOR_VOLUNTEER → MATCHED (a date, the volunteer by a pseudonymous reference) → check-ins (planned, DONE or MISSED) → ENDED (a date and a reason).',
    'The receiving organisation sees all of it. The sending shelter sees the stage, the commitment’s end and the next check-in, and nothing of the volunteer, the check-ins or the notes (those fields are null for it). Anyone else: it does not exist (NOT_FOUND).',
    'Nothing of the referral is erased while a follow-up is open; the retention period runs from its end.',
  ].join('\n\n'),
})
export class FollowUp {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => Int, { description: 'Pass it back with every change.' })
  version!: number;

  @VisibleField(() => FollowUpStage)
  stage!: FollowUpStage;

  @VisibleField(() => Boolean, {
    description:
      'Whether it goes on after she has left the shelter, with the organisation alone (the consent covers it: `Consent.followUpAfterLeavingShelter`).',
  })
  afterLeavingShelter!: boolean;

  @VisibleField(() => Int, { nullable: true, description: 'The offer’s commitment, in months, when the follow-up started (a Ressursvenn: 12).' })
  commitmentMonths?: number | null;

  @VisibleField(() => Boolean, { description: 'The offer requires that the volunteer has completed its course.' })
  requiresVolunteerCourse!: boolean;

  @VisibleField(() => Boolean, { description: 'The offer requires that the volunteer is a woman.' })
  womenOnlyVolunteers!: boolean;

  @VisibleField(() => Date)
  startedAt!: Date;

  @VisibleField(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  matchedOn?: string | null;

  @VisibleField(() => String, {
    nullable: true,
    description: 'The organisation’s own pseudonymous reference of the volunteer, like "RV-2026-014". Never a name. The organisation only.',
  })
  volunteerReference?: string | null;

  @VisibleField(() => Boolean, { nullable: true, description: 'The organisation confirmed the volunteer completed the course. The organisation only.' })
  courseConfirmed?: boolean | null;

  @VisibleField(() => Boolean, { nullable: true, description: 'The organisation confirmed the volunteer is a woman. The organisation only.' })
  womenOnlyConfirmed?: boolean | null;

  @VisibleField(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the last day of the volunteer’s commitment (the match date plus the offer’s commitment).',
  })
  commitmentEndsOn?: string | null;

  @VisibleField(() => String, { nullable: true, description: 'YYYY-MM-DD: the next planned check-in not yet recorded.' })
  nextCheckInOn?: string | null;

  @VisibleField(() => [FollowUpCheckIn], { nullable: true, description: 'Every check-in, by date. The organisation only.' })
  checkIns?: FollowUpCheckIn[] | null;

  @VisibleField(() => String, { nullable: true, description: 'The organisation’s notes. The organisation only.' })
  notes?: string | null;

  @VisibleField(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  endedOn?: string | null;

  @VisibleField(() => FollowUpEndReason, { nullable: true })
  endReason?: FollowUpEndReason | null;

  @VisibleField(() => ID, { nullable: true, description: 'The follow-up this one continues after a re-match.' })
  continuesId?: string | null;

  @VisibleField(() => Date, { nullable: true, description: 'When the consent it runs under ends.' })
  consentExpiresAt?: Date | null;

  @VisibleField(() => Boolean, {
    description: 'The consent ends before the commitment does (or before a volunteer is matched) within 30 days: renew it with her (`renewConsent`).',
  })
  consentRenewalDue!: boolean;
}
