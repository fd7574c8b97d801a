import { IsHumanText } from '@samspill/core';
import { ArrayMaxSize, ArrayMinSize, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { IsBydelCodeList } from '../../common/validators.js';
import { CostKind } from '../offers/offer-enums.js';
import { AnimalSize, CareModel, Species } from './pet-care-enums.js';

@InputType()
abstract class PetCareOfferFields {
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

  @Field(() => CareModel, { nullable: true })
  careModel?: CareModel;

  @Field(() => [Species], { nullable: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  species?: Species[];

  @Field(() => AnimalSize, { nullable: true })
  maxAnimalSize?: AnimalSize | null;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(50)
  maxAnimals?: number | null;

  @Field(() => Int, { nullable: true })
  @Min(1)
  @Max(730)
  maxStayDays?: number | null;

  @Field(() => CostKind, { nullable: true })
  costKind?: CostKind;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(10_000)
  pricePerDayNok?: number | null;

  @Field(() => Boolean, { nullable: true })
  vaccinationRequired?: boolean;

  @Field(() => Boolean, { nullable: true })
  vetCheckRequired?: boolean;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  @IsHumanText({ multiline: true })
  requirementsNote?: string | null;

  @Field(() => [String], { nullable: true, description: 'Codes of the bydeler it serves.' })
  @ArrayMaxSize(17)
  @IsBydelCodeList()
  bydeler?: string[];

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(1000)
  placesAvailable?: number | null;

  @Field(() => ID, { nullable: true })
  @IsUUID('all')
  contactPersonId?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many hours the organisation takes to answer a referral (1–336; default 24): the referral’s deadline.' })
  @Min(1)
  @Max(336)
  answerWithinHours?: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The sponsor organisation that pays for a SPONSORED_KENNEL’s places (kind SPONSOR); only for that care model.',
  })
  @IsUUID('all')
  sponsorId?: string | null;
}

@InputType('CreatePetCareOfferInput', { description: 'There is deliberately no address: where an animal stays is never in the graph.' })
export class CreatePetCareOfferInput extends PetCareOfferFields {
  @Field(() => ID)
  @IsUUID('all')
  organisationId!: string;

  @Field(() => String)
  override title!: string;

  @Field(() => String)
  override description!: string;

  @Field(() => CareModel)
  override careModel!: CareModel;

  @Field(() => [Species])
  override species!: Species[];
}

@InputType('UpdatePetCareOfferInput')
export class UpdatePetCareOfferInput extends PetCareOfferFields {
  @Field(() => Int)
  @Min(1)
  version!: number;
}
