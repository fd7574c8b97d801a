import { VisibleField } from '@samspill/core';
import { ID, Int, ObjectType } from 'type-graphql';

import { AgeGroup, ConsentField, PetSpecies, ReasonCode, ReferralStatus, TargetKind } from './referral-enums.js';

@ObjectType('PetNeed', { description: 'Pets joining the resident. Never where they are.' })
export class PetNeed {
  @VisibleField(() => PetSpecies)
  species!: PetSpecies;

  @VisibleField(() => Int)
  count!: number;
}

@ObjectType('Consent', { description: "The resident's consent, as recorded by shelter staff. Never a condition of getting help." })
export class Consent {
  @VisibleField(() => Date)
  givenAt!: Date;

  @VisibleField(() => String, { nullable: true, description: 'The staff member who recorded it (shown to the sending shelter only).' })
  recordedBy?: string | null;

  @VisibleField(() => [ConsentField], { description: 'The personal fields the receiving organisation may see.' })
  scope!: ConsentField[];

  @VisibleField(() => Boolean, {
    description:
      'The resident agreed that the receiving organisation follows her up after she has left the shelter, without the shelter (see `ConsentInput.followUpAfterLeavingShelter`).',
  })
  followUpAfterLeavingShelter!: boolean;

  @VisibleField(() => Date)
  expiresAt!: Date;

  @VisibleField(() => Date, { nullable: true })
  withdrawnAt?: Date | null;
}

@ObjectType('ReferralStatusChange', { description: 'One step in the referral’s history.' })
export class ReferralStatusChange {
  @VisibleField(() => ReferralStatus, { nullable: true })
  from?: ReferralStatus | null;

  @VisibleField(() => ReferralStatus)
  to!: ReferralStatus;

  @VisibleField(() => Date)
  at!: Date;

  @VisibleField(() => String, { description: 'Who took the step: a staff member, an editor, or `system`.' })
  actor!: string;

  @VisibleField(() => String)
  actorRole!: string;

  @VisibleField(() => ReasonCode, { nullable: true })
  reason?: ReasonCode | null;
}

/**
 * A referral as one party sees it. Only the sending shelter's staff and the receiving
 * organisation's editors ever get one; the organisation sees personal fields only within a
 * valid consent's scope (others are null).
 */
@ObjectType('Referral', {
  description: 'A referral of a resident from a shelter to an offer. Seen only by the sending shelter and the receiving organisation.',
})
export class Referral {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => ReferralStatus)
  status!: ReferralStatus;

  @VisibleField(() => Int, { description: 'Pass it back with every change.' })
  version!: number;

  @VisibleField(() => TargetKind)
  targetKind!: TargetKind;

  @VisibleField(() => String, { nullable: true, description: 'The shelter’s own pseudonymous reference. Never a name or an identity number.' })
  pseudonymousReference?: string | null;

  @VisibleField(() => AgeGroup, { nullable: true })
  ageGroup?: AgeGroup | null;

  @VisibleField(() => [String], { nullable: true, description: 'Languages the resident speaks, ISO 639-1.' })
  languages?: string[] | null;

  @VisibleField(() => Boolean, { nullable: true })
  interpreterNeeded?: boolean | null;

  @VisibleField(() => Int, { nullable: true })
  childrenCount?: number | null;

  @VisibleField(() => [Int], { nullable: true })
  childrenAges?: number[] | null;

  @VisibleField(() => [PetNeed], { nullable: true })
  pets?: PetNeed[] | null;

  @VisibleField(() => String, { nullable: true, description: 'At most 500 characters; never identity numbers, phone numbers or e-mail addresses.' })
  needDescription?: string | null;

  @VisibleField(() => Consent, { nullable: true })
  consent?: Consent | null;

  @VisibleField(() => Boolean, { description: 'True once the personal fields have been erased (consent withdrawn or retention period over).' })
  personalDataErased!: boolean;

  @VisibleField(() => Date, { nullable: true })
  sentAt?: Date | null;

  @VisibleField(() => Date, {
    nullable: true,
    description:
      "When it expires if the organisation has not answered: the offer's answer time for pet care (answerWithinHours, default 24 hours), else the referrals' answer days.",
  })
  answerDeadline?: Date | null;

  @VisibleField(() => String, {
    nullable: true,
    description:
      'For the sending shelter: a warning when the receiving organisation did not meet the shelters’ volunteer requirements when the offer was looked up; null otherwise and for the organisation.',
  })
  volunteerRequirementsWarning?: string | null;

  @VisibleField(() => Date, { nullable: true })
  closedAt?: Date | null;

  @VisibleField(() => ReasonCode, { nullable: true, description: 'The outcome or reason it closed with.' })
  closeReason?: ReasonCode | null;

  @VisibleField(() => ID, { nullable: true })
  redirectedFromId?: string | null;

  @VisibleField(() => ID, { nullable: true })
  redirectedToId?: string | null;

  @VisibleField(() => Date)
  createdAt!: Date;

  @VisibleField(() => Date)
  updatedAt!: Date;
}
