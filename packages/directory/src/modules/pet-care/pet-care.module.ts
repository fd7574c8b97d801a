import type { FilterQuery } from '@mikro-orm/core';

import type { LoaderKit } from '../../read-path.js';
import { directoryModule } from '../directory-module.js';
import { OfferStatus } from '../offers/offer-enums.js';
import { PetCareAvailabilityResolver } from './pet-care-availability.js';
import { PetCareOfferEntity } from './pet-care-offer.entity.js';
import { petCareOfferPolicy } from './pet-care-offer.policy.js';
import { PetCareOfferResolver, resolvePetCareOfferReference } from './pet-care-offer.resolver.js';
import { PetCareOfferBydelEntity } from './pet-care-offer-bydel.entity.js';

function petCareLoaders(kit: LoaderKit) {
  const visible = petCareOfferPolicy.where(kit.principal, kit.time);
  const published = visible && ({ $and: [{ status: OfferStatus.PUBLISHED }, visible] } as FilterQuery<PetCareOfferEntity>);
  return {
    petCareOffer: kit.byId(PetCareOfferEntity),
    publishedPetCareOffersByOrganisation: kit.byParent(PetCareOfferEntity, 'organisation', published, { title: 'asc' }),
    /** The published sponsored kennels a sponsor pays for, that the caller may see. */
    publishedPetCareOffersBySponsor: kit.byParent(PetCareOfferEntity, 'sponsor', published, { title: 'asc' }),
    bydelerByPetCareOffer: kit.bydelerThroughPivot('pet_care_offer_bydel', 'pet_care_offer_id'),
  };
}

export const petCareModule = directoryModule({
  id: 'pet-care',
  entities: [PetCareOfferEntity, PetCareOfferBydelEntity],
  resolvers: [PetCareOfferResolver, PetCareAvailabilityResolver],
  references: { PetCareOffer: { __resolveReference: resolvePetCareOfferReference } },
  loaders: petCareLoaders,
});
