import { IsHumanText, VisibleField } from '@samspill/core';
import { IsEmail, MaxLength, MinLength } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

import { IsBydelCode, IsPhoneNumber } from '../../common/validators.js';

@ObjectType('BydelCooperationContact', {
  description:
    "A bydel's contact for cooperation with the shelters, e.g. when a woman moves out to the bydel: a role or function and its office's phone and e-mail, never a person's own.",
})
export class BydelCooperationContact {
  @VisibleField(() => String, { description: 'The role or function, e.g. "Koordinator for samarbeid med krisesenteret".' })
  role!: string;

  @VisibleField(() => String, { description: 'The office, e.g. "Bydel Sagene, Barne- og familietjenesten".' })
  office!: string;

  @VisibleField(() => String, { nullable: true, description: "The office's phone, E.164." })
  phone?: string | null;

  @VisibleField(() => String, { nullable: true, description: "The office's (function) e-mail." })
  email?: string | null;

  @VisibleField(() => Date, { description: 'When it was last confirmed.' })
  lastVerifiedAt!: Date;

  @VisibleField(() => Int)
  version!: number;
}

@InputType('SetBydelCooperationContactInput', { description: "A bydel's contact for cooperation with the shelters: a role and its office, not a person." })
export class SetBydelCooperationContactInput {
  @Field(() => String, { description: 'Bydel code, e.g. 030103.' })
  @IsBydelCode()
  bydel!: string;

  @Field(() => String)
  @MinLength(2)
  @MaxLength(200)
  @IsHumanText()
  role!: string;

  @Field(() => String)
  @MinLength(2)
  @MaxLength(200)
  @IsHumanText()
  office!: string;

  @Field(() => String, { nullable: true, description: 'Norwegian numbers may omit +47; stored as E.164.' })
  @IsPhoneNumber()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}
