import { IsHumanText } from '@samspill/core';
import { ArrayMaxSize, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { IsLanguageCodeList } from '../../common/validators.js';
import { CostKind, OfferAudience } from '../offers/offer-enums.js';
import { Accessibility, ActivityCategory, JoinMode, TargetGroup, VenueKind } from './activity-enums.js';
import { ScheduleInput } from './schedule.input.js';

/** Fields shared by create and update; on update every one is optional and null clears a nullable field. */
@InputType()
abstract class ActivityFields {
  @Field(() => String, { nullable: true })
  @MinLength(3)
  @MaxLength(200)
  @IsHumanText()
  title?: string;

  @Field(() => String, { nullable: true })
  @MinLength(10)
  @MaxLength(4000)
  @IsHumanText({ multiline: true })
  description?: string;

  @Field(() => ActivityCategory, { nullable: true })
  category?: ActivityCategory;

  @Field(() => [TargetGroup], { nullable: true })
  @ArrayMaxSize(9)
  targetGroups?: TargetGroup[];

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(120)
  ageMin?: number | null;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(120)
  ageMax?: number | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, e.g. ["no", "en", "ar"].' })
  @ArrayMaxSize(20)
  @IsLanguageCodeList()
  languages?: string[];

  @Field(() => VenueKind, { nullable: true })
  venueKind?: VenueKind;

  @Field(() => ID, { nullable: true, description: 'Required when venueKind is LOCATION: a location of this organisation, or a public or network location.' })
  @IsUUID('all')
  locationId?: string | null;

  @Field(() => ScheduleInput, { nullable: true })
  @ValidateNested()
  schedule?: ScheduleInput;

  @Field(() => CostKind, { nullable: true })
  costKind?: CostKind;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(100_000)
  priceNok?: number | null;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(100_000)
  placesAvailable?: number | null;

  @Field(() => JoinMode, { nullable: true })
  joinMode?: JoinMode;

  @Field(() => [Accessibility], { nullable: true })
  accessibility?: Accessibility[];

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  @IsHumanText({ multiline: true })
  accessibilityNote?: string | null;

  @Field(() => ID, { nullable: true, description: 'A contact person of the same organisation.' })
  @IsUUID('all')
  contactPersonId?: string | null;

  @Field(() => OfferAudience, { nullable: true, description: 'Activities at a shelter are always NETWORK.' })
  audience?: OfferAudience;

  @Field(() => Int, { nullable: true, description: 'Months a volunteer commits to one woman (1–36); null: no commitment.' })
  @Min(1)
  @Max(36)
  commitmentMonths?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Volunteers must have completed the offer’s course.' })
  requiresVolunteerCourse?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only women may be volunteers.' })
  womenOnlyVolunteers?: boolean;
}

@InputType('CreateActivityInput', { description: 'A new activity starts as a DRAFT; publish it when it is ready.' })
export class CreateActivityInput extends ActivityFields {
  @Field(() => ID)
  @IsUUID('all')
  organisationId!: string;

  @Field(() => String)
  override title!: string;

  @Field(() => String)
  override description!: string;

  @Field(() => ActivityCategory)
  override category!: ActivityCategory;

  @Field(() => VenueKind)
  override venueKind!: VenueKind;

  @Field(() => JoinMode)
  override joinMode!: JoinMode;
}

@InputType('UpdateActivityInput', { description: 'Only the fields you send change.' })
export class UpdateActivityInput extends ActivityFields {
  @Field(() => Int, { description: 'The version you read; a newer version on the server means someone else changed it (CONFLICT).' })
  @Min(1)
  version!: number;
}
