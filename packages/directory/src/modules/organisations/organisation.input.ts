import { IsHumanText } from '@samspill/core';
import { ArrayMaxSize, IsEmail, IsUrl, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { IsBydelCodeList, IsOrganisationNumber, IsPhoneNumber } from '../../common/validators.js';
import { OrganisationKind } from './organisation-kind.enum.js';

@InputType()
abstract class OrganisationFields {
  @Field(() => OrganisationKind, { nullable: true })
  kind?: OrganisationKind;

  @Field(() => String, { nullable: true })
  @MinLength(2)
  @MaxLength(200)
  @IsHumanText()
  name?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(4000)
  @IsHumanText({ multiline: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: '9 digits with a valid mod-11 check digit.' })
  @IsOrganisationNumber()
  organisationNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Norwegian numbers may omit +47; stored as E.164.' })
  @IsPhoneNumber()
  publicPhone?: string | null;

  @Field(() => String, { nullable: true })
  @IsEmail()
  @MaxLength(254)
  publicEmail?: string | null;

  @Field(() => ID, { nullable: true, description: 'The national organisation this is a local branch of.' })
  @IsUUID('all')
  parentId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Codes of the bydeler it serves.' })
  @ArrayMaxSize(17)
  @IsBydelCodeList()
  bydeler?: string[];
}

@InputType('CreateOrganisationInput')
export class CreateOrganisationInput extends OrganisationFields {
  @Field(() => OrganisationKind)
  override kind!: OrganisationKind;

  @Field(() => String)
  override name!: string;
}

@InputType('UpdateOrganisationInput', { description: 'Only the fields you send change.' })
export class UpdateOrganisationInput extends OrganisationFields {
  @Field(() => Int)
  version!: number;
}
