import { Entity, Index, ManyToOne } from '@mikro-orm/core';

import { BydelEntity } from '../bydeler/bydel.entity.js';
import type { PetCareOfferEntity } from './pet-care-offer.entity.js';

/**
 * The bydeler a pet-care offer serves (`PetCareOfferEntity.bydeler`'s pivot table), declared so
 * that its index on the bydel is the entity's as well as the migration's.
 */
@Entity({ tableName: 'pet_care_offer_bydel' })
@Index({ properties: ['bydel'] })
export class PetCareOfferBydelEntity {
  @ManyToOne({ entity: 'PetCareOfferEntity', primary: true, deleteRule: 'cascade', updateRule: 'cascade' })
  petCareOffer!: PetCareOfferEntity;

  @ManyToOne({ entity: () => BydelEntity, primary: true, fieldName: 'bydel_code', deleteRule: 'cascade', updateRule: 'cascade' })
  bydel!: BydelEntity;
}
