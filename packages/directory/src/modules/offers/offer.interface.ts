import { Access, Allow, VisibleField } from '@samspill/core';
import { Field, ID, Int, InterfaceType } from 'type-graphql';

import { ContactPerson } from '../contact-persons/contact-person.type.js';
import { Organisation } from '../organisations/organisation.type.js';
import { OfferStatus } from './offer-enums.js';
import { VerificationState } from './verification.js';

@InterfaceType('Offer', {
  description: 'Something an organisation offers: an activity or a pet-care offer.',
  // Loaders hand out lean rows as well as entities, so the type is told by a field only activities have.
  resolveType: (value: unknown) => (typeof value === 'object' && value !== null && 'venueKind' in value ? 'Activity' : 'PetCareOffer'),
})
export abstract class Offer {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => String)
  title!: string;

  @VisibleField(() => String)
  description!: string;

  @VisibleField(() => Organisation)
  organisation!: Organisation;

  @VisibleField(() => OfferStatus)
  status!: OfferStatus;

  @VisibleField(() => Date, { description: 'When the organisation last confirmed the offer is still as described.' })
  lastVerifiedAt!: Date;

  @VisibleField(() => Int, { description: 'Whole days since the organisation last confirmed the offer is still valid.' })
  daysSinceVerified!: number;

  @VisibleField(() => VerificationState, {
    description: 'FRESH, DUE for re-verification, or STALE (left out of anonymous lists and search; shown to signed-in callers, flagged).',
  })
  verificationState!: VerificationState;

  @Field(() => ContactPerson, { nullable: true, description: 'Signed-in users only.' })
  @Allow(Access.authenticated)
  contactPerson?: ContactPerson | null;
}
