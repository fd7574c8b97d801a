import { IsHumanText } from '@samspill/core';
import { IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

import { IsBydelCode, IsPostalCode } from '../../common/validators.js';
import { LocationVisibility } from './location-visibility.enum.js';

@InputType()
abstract class LocationFields {
  @Field(() => String, { nullable: true })
  @MinLength(2)
  @MaxLength(200)
  @IsHumanText()
  name?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  @IsHumanText()
  streetAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'Postnummer, 4 digits.' })
  @IsPostalCode()
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(100)
  @IsHumanText()
  postalTown?: string | null;

  @Field(() => String, { nullable: true })
  @IsBydelCode()
  bydelCode?: string | null;

  @Field(() => Float, { nullable: true })
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => LocationVisibility, { nullable: true })
  visibility?: LocationVisibility;
}

@InputType('CreateLocationInput')
export class CreateLocationInput extends LocationFields {
  @Field(() => ID)
  @IsUUID('all')
  organisationId!: string;

  @Field(() => String)
  override name!: string;

  @Field(() => LocationVisibility)
  override visibility!: LocationVisibility;
}

@InputType('UpdateLocationInput')
export class UpdateLocationInput extends LocationFields {
  @Field(() => Int)
  version!: number;
}
