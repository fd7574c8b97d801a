import { PageArgs } from '@samspill/core';
import { IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';

import { IsBydelCode } from '../../common/validators.js';
import { OfferStatus } from '../offers/offer-enums.js';
import { CareModel, Species } from './pet-care-enums.js';

@InputType('PetCareOfferFilter')
export class PetCareOfferFilter {
  @Field(() => [Species], { nullable: true, description: 'Accepts any of these species.' })
  species?: Species[];

  @Field(() => String, { nullable: true, description: 'Serves this bydel (code).' })
  @IsBydelCode()
  bydel?: string;

  @Field(() => Boolean, { nullable: true, description: 'Also offers serving a bydel that borders on `bydel`.' })
  includeNeighbouringBydeler?: boolean;

  @Field(() => String, { nullable: true, description: 'Search words (Norwegian, as for activities); results by relevance.' })
  @MaxLength(200)
  text?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only offers with free places right now.' })
  availableNow?: boolean;

  @Field(() => [CareModel], { nullable: true })
  careModels?: CareModel[];

  @Field(() => ID, { nullable: true })
  @IsUUID('all')
  organisationId?: string;

  @Field(() => [OfferStatus], { nullable: true, description: 'Defaults to PUBLISHED; drafts only for their own organisation and admins.' })
  statuses?: OfferStatus[];
}

@ArgsType()
export class PetCareOffersArgs extends PageArgs {
  @Field(() => PetCareOfferFilter, { nullable: true })
  @ValidateNested()
  filter?: PetCareOfferFilter;
}
