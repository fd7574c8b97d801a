import { VisibleField } from '@samspill/core';
import { Directive, ID, Int, ObjectType } from 'type-graphql';

import { OrganisationKind } from './organisation-kind.enum.js';

@Directive('@key(fields: "id")')
@ObjectType('Organisation', { description: 'An organisation in the network: a shelter, a voluntary organisation, a frivilligsentral, a bydel service …' })
export class Organisation {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => OrganisationKind)
  kind!: OrganisationKind;

  @VisibleField(() => String)
  name!: string;

  @VisibleField(() => String, { nullable: true })
  description?: string | null;

  @VisibleField(() => String, { nullable: true, description: 'Organisasjonsnummer (9 digits).' })
  organisationNumber?: string | null;

  @VisibleField(() => String, { nullable: true })
  website?: string | null;

  @VisibleField(() => String, { nullable: true, description: 'Public switchboard number in E.164, e.g. +4722000000.' })
  publicPhone?: string | null;

  @VisibleField(() => String, { nullable: true })
  publicEmail?: string | null;

  @VisibleField(() => Date, { description: "When the organisation's facts were last confirmed as still true (confirmOrganisationStillValid)." })
  lastVerifiedAt!: Date;

  @VisibleField(() => Int, { description: 'Increases with every change; pass it back when updating.' })
  version!: number;
}
