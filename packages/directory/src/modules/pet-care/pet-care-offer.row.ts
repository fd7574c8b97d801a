import type { Row } from '../../lean-rows.js';
import type { PetCareOfferEntity } from './pet-care-offer.entity.js';

/** What PetCareOffer's field resolvers receive (its bydeler come from a loader, never from the row). */
export type PetCareOfferRow = Row<PetCareOfferEntity, 'organisation' | 'contactPerson' | 'sponsor'>;
