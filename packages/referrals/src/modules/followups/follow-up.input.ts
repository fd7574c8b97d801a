import { IsHumanText, IsIsoDate } from '@samspill/core';
import { MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

import { IsPseudonymousReference } from '../referrals/pseudonymous-reference.js';
import { CheckInOutcome, FollowUpEndReason } from './follow-up-enums.js';

const NOTES =
  'The organisation’s notes, at most 1000 characters; the sending shelter never sees them. Refused if it contains what looks like an identity or account number, a phone number or an e-mail address.';

@InputType('MatchFollowUpInput', {
  description:
    'Match a volunteer. Where the offer requires it, the organisation confirms that the volunteer has completed its course and that she is a woman; a match without a required confirmation is refused (BAD_USER_INPUT naming the field).',
})
export class MatchFollowUpInput {
  @Field(() => Int)
  version!: number;

  @Field(() => String, {
    description: 'The organisation’s own pseudonymous reference of the volunteer, like "RV-2026-014": never a name, a phone number or an e-mail address.',
  })
  @IsPseudonymousReference()
  volunteerReference!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future; today when left out.' })
  @IsIsoDate()
  matchedOn?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'The volunteer has completed the offer’s course (required when the offer says so).',
  })
  courseConfirmed?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'The volunteer is a woman (required when the offer is for women volunteers only).',
  })
  womenOnlyConfirmed?: boolean | null;

  @Field(() => String, { nullable: true, description: NOTES })
  @MaxLength(1000)
  @IsHumanText({ multiline: true })
  notes?: string | null;
}

@InputType('RecordFollowUpCheckInInput')
export class RecordFollowUpCheckInInput {
  @Field(() => Int, { description: 'The follow-up’s version.' })
  version!: number;

  @Field(() => CheckInOutcome)
  outcome!: CheckInOutcome;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD when it happened (or was missed), not in the future; today when left out.' })
  @IsIsoDate()
  on?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 500 characters; the organisation’s only. The same checks as notes.' })
  @MaxLength(500)
  @IsHumanText({ multiline: true })
  note?: string | null;
}

@InputType('EndFollowUpInput')
export class EndFollowUpInput {
  @Field(() => Int)
  version!: number;

  @Field(() => FollowUpEndReason, { description: 'VOLUNTEER_STOPPED and REMATCHED only once a volunteer is matched.' })
  reason!: FollowUpEndReason;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future; today when left out.' })
  @IsIsoDate()
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: NOTES })
  @MaxLength(1000)
  @IsHumanText({ multiline: true })
  notes?: string | null;
}
