import { VisibleField } from '@samspill/core';
import { Directive, ID, ObjectType } from 'type-graphql';

/*
 * The directory's entities as the referrals subgraph knows them: by key only. The gateway fetches
 * every other field from the directory, with the caller's own credentials, so the directory's
 * rules decide what the caller sees of them.
 */

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Activity')
export class ActivityReference {
  @VisibleField(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('PetCareOffer')
export class PetCareOfferReference {
  @VisibleField(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Organisation')
export class OrganisationReference {
  @VisibleField(() => ID)
  id!: string;
}
