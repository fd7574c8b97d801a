import { PageArgs } from '@samspill/core';
import { MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';

import { IsBydelCode } from '../../common/validators.js';
import { OrganisationKind } from './organisation-kind.enum.js';

@InputType('OrganisationFilter')
export class OrganisationFilter {
  @Field(() => [OrganisationKind], { nullable: true })
  kinds?: OrganisationKind[];

  @Field(() => String, { nullable: true, description: 'Serves this bydel (code, e.g. 030102).' })
  @IsBydelCode()
  bydel?: string;

  @Field(() => Boolean, { nullable: true, description: 'Also organisations serving a bydel that borders on `bydel`.' })
  includeNeighbouringBydeler?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Has confirmed routines for training, confidentiality and police certificates of volunteers.' })
  meetsVolunteerRequirements?: boolean;

  @Field(() => String, { nullable: true, description: 'Words in the name or description.' })
  @MaxLength(200)
  text?: string;
}

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationFilter, { nullable: true })
  @ValidateNested()
  filter?: OrganisationFilter;
}
