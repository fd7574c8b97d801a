import { Access, Allow, VisibleField } from '@samspill/core';
import { Field, ID, InterfaceType } from 'type-graphql';

import { ActivityEntity } from '../activities/activity.entity.js';
import { ContactPerson } from '../contact-persons/contact-person.type.js';
import { Organisation } from '../organisations/organisation.type.js';
import { OfferStatus } from './offer-enums.js';

@InterfaceType('Offer', {
  description: 'Something an organisation offers: an activity or a pet-care offer.',
  resolveType: (value: unknown) => (value instanceof ActivityEntity ? 'Activity' : 'PetCareOffer'),
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

  @Field(() => ContactPerson, { nullable: true, description: 'Signed-in users only.' })
  @Allow(Access.authenticated)
  contactPerson?: ContactPerson | null;
}
