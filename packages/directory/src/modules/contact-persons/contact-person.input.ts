import { IsHumanText } from '@samspill/core';
import { ArrayMaxSize, IsEmail, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { IsLanguageCodeList, IsPhoneNumber } from '../../common/validators.js';

@InputType()
abstract class ContactPersonFields {
  @Field(() => String, { nullable: true })
  @MinLength(2)
  @MaxLength(200)
  @IsHumanText()
  name?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  @IsHumanText()
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Norwegian numbers may omit +47; stored as E.164.' })
  @IsPhoneNumber()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes.' })
  @ArrayMaxSize(20)
  @IsLanguageCodeList()
  languages?: string[];
}

@InputType('AddContactPersonInput')
export class AddContactPersonInput extends ContactPersonFields {
  @Field(() => ID)
  @IsUUID('all')
  organisationId!: string;

  @Field(() => String)
  override name!: string;
}

@InputType('UpdateContactPersonInput')
export class UpdateContactPersonInput extends ContactPersonFields {
  @Field(() => Int)
  version!: number;
}
