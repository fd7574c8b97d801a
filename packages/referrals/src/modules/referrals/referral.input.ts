import { IsHumanText, IsIsoDate, IsLanguageCodeList } from '@samspill/core';
import { ArrayMaxSize, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { NEED_DESCRIPTION_MAX } from './need-description.js';
import { AgeGroup, ConsentField, PetSpecies } from './referral-enums.js';

@InputType('PetNeedInput')
export class PetNeedInput {
  @Field(() => PetSpecies)
  species!: PetSpecies;

  @Field(() => Int)
  @Min(1)
  @Max(10)
  count!: number;
}

@InputType('ConsentInput', { description: "Record the resident's consent. Consent is never a condition of getting help." })
export class ConsentInput {
  @Field(() => [ConsentField], { description: 'Which personal fields the receiving organisation may see.' })
  @ArrayMaxSize(6)
  scope!: ConsentField[];

  @Field(() => String, { description: 'Last day the consent holds, YYYY-MM-DD (at most a year ahead).' })
  @IsIsoDate()
  expiresOn!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'Follow-up after leaving the shelter: the resident agrees that the receiving organisation goes on following her up (a mentor, a helper) after she has moved out, in contact with her and without the shelter, and may renew this consent with her. Without it, a follow-up started from the referral ends when she leaves the shelter (`afterLeavingShelter: false`).',
  })
  followUpAfterLeavingShelter?: boolean | null;
}

@InputType()
abstract class ReferralPersonalFields {
  @Field(() => String, { nullable: true, description: 'The shelter\'s own pseudonymous reference, e.g. "OK-2026-117". Never a name or an identity number.' })
  @MinLength(1)
  @MaxLength(40)
  @Matches(/^[\p{L}\p{N} _./-]+$/u, { message: '$property may contain only letters, digits, spaces and _ . / -' })
  // A reference has a number in it; a name does not ("OK-2026-117", not "Fatima Ali").
  @Matches(/\d/, { message: '$property must contain a number, like OK-2026-117: never a name' })
  pseudonymousReference?: string | null;

  @Field(() => AgeGroup, { nullable: true })
  ageGroup?: AgeGroup | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes.' })
  @ArrayMaxSize(10)
  @IsLanguageCodeList()
  languages?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  interpreterNeeded?: boolean | null;

  @Field(() => [Int], { nullable: true, description: 'Ages of the children joining (0–17), one entry per child.' })
  @ArrayMaxSize(10)
  @Min(0, { each: true })
  @Max(17, { each: true })
  childrenAges?: number[] | null;

  @Field(() => [PetNeedInput], { nullable: true })
  @ArrayMaxSize(6)
  @ValidateNested()
  pets?: PetNeedInput[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What the resident needs, at most 500 characters. Refused if it contains what looks like an identity number (fødselsnummer, d-nummer) or an account number (11 digits, also grouped as DDMMYY NNNNN or NNNN.NN.NNNNN) whatever its check digits, a phone number or an e-mail address.',
  })
  @MaxLength(NEED_DESCRIPTION_MAX)
  @IsHumanText({ multiline: true })
  needDescription?: string | null;
}

@InputType('CreateReferralInput', { description: 'Refer to exactly one offer: an activity or a pet-care offer.' })
export class CreateReferralInput extends ReferralPersonalFields {
  @Field(() => ID, { nullable: true })
  @IsUUID('all')
  activityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsUUID('all')
  petCareOfferId?: string | null;

  @Field(() => ConsentInput, { nullable: true, description: 'Can also be recorded later, before sending.' })
  @ValidateNested()
  consent?: ConsentInput | null;
}

@InputType('UpdateReferralDraftInput')
export class UpdateReferralDraftInput extends ReferralPersonalFields {
  @Field(() => Int)
  version!: number;
}

@InputType('RedirectReferralInput', { description: 'Send a declined referral on to another offer, as a new linked draft.' })
export class RedirectReferralInput {
  @Field(() => ID, { nullable: true })
  @IsUUID('all')
  activityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsUUID('all')
  petCareOfferId?: string | null;

  @Field(() => Int)
  version!: number;
}
