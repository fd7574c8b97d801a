import { featurePolicy } from '../../common/authorization.js';
import { NEVER, policy } from '../../common/policy.js';
import { offerVisibility } from '../offers/offer.policy.js';
import type { PetCareOfferEntity } from './pet-care-offer.entity.js';
import type { PetCareOfferRow } from './pet-care-offer.row.js';

/**
 * Who sees which pet-care offer: the offer rule (offers/offer.policy.ts), where anonymous callers
 * see none (a pet can lead an abuser to its owner). Lists, `petCareOffer(id)`, the loaders,
 * `_entities` and edits all ask this one policy; editing (`petCareOffer:edit`) is the organisation's
 * editors' and admins'.
 */
export const petCareOfferPolicy = featurePolicy('petCareOffer', 'PetCareOffer', policy<PetCareOfferRow, PetCareOfferEntity>(offerVisibility(NEVER)));
