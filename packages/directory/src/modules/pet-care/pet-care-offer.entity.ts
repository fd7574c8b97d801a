import { Check, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';

import { SearchColumns } from '../../common/search-columns.js';
import { DIRECTORY_SCHEMA } from '../../directory-schema.js';
import { BydelEntity } from '../bydeler/bydel.entity.js';
import { OfferEntity, type OfferOptionalProps } from '../offers/offer.entity.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import { AnimalSize, CareModel, Species } from './pet-care-enums.js';
import { PetCareOfferBydelEntity } from './pet-care-offer-bydel.entity.js';

/**
 * Care for the pet of someone staying at a shelter. Deliberately without any place: where an
 * animal stays is never in the graph, because a pet can lead an abuser to its owner.
 */
/** How soon a pet-care referral is answered unless the offer says otherwise. */
export const DEFAULT_PET_CARE_ANSWER_HOURS = 24;

@Entity({ tableName: 'pet_care_offer' })
@SearchColumns('pet_care_offer', 'title', 'description')
// Migration20261122234700_bydeler: the species filter's array overlap.
@Index({
  name: 'pet_care_offer_species_index',
  expression: `create index "pet_care_offer_species_index" on "${DIRECTORY_SCHEMA}"."pet_care_offer" using gin ("species")`,
})
// Migration20261201122000_pet_care_answer_and_sponsor's BETWEEN, as PostgreSQL stores it (so that the schema diff finds no change).
@Check({
  name: 'pet_care_offer_counts_check',
  expression:
    'answer_within_hours >= 1 AND answer_within_hours <= 336 AND coalesce(places_available, 0) >= 0 AND coalesce(max_animals, 1) > 0 AND coalesce(max_stay_days, 1) > 0 AND coalesce(price_per_day_nok, 0) >= 0',
})
export class PetCareOfferEntity extends OfferEntity {
  [OptionalProps]?: OfferOptionalProps | 'species' | 'vaccinationRequired' | 'vetCheckRequired' | 'answerWithinHours';

  @Enum({ items: () => CareModel })
  careModel!: CareModel;

  @Enum({ items: () => Species, array: true })
  species: Species[] = [];

  @Enum({ items: () => AnimalSize, nullable: true })
  maxAnimalSize?: AnimalSize | null;

  @Property({ type: 'smallint', nullable: true })
  maxAnimals?: number | null;

  @Property({ type: 'smallint', nullable: true })
  maxStayDays?: number | null;

  @Property({ type: 'integer', nullable: true })
  pricePerDayNok?: number | null;

  @Property({ type: 'boolean' })
  vaccinationRequired: boolean = false;

  @Property({ type: 'boolean' })
  vetCheckRequired: boolean = false;

  @Property({ type: 'string', length: 500, nullable: true })
  requirementsNote?: string | null;

  @ManyToMany({ entity: () => BydelEntity, pivotEntity: () => PetCareOfferBydelEntity, joinColumn: 'pet_care_offer_id', inverseJoinColumn: 'bydel_code' })
  bydeler = new Collection<BydelEntity>(this);

  @Property({ type: 'smallint', nullable: true })
  placesAvailable?: number | null;

  @Property({ type: 'datetime', nullable: true })
  placesUpdatedAt?: Date | null;

  /** A pet-care referral is urgent: the organisation answers within this many hours (the referral's deadline). */
  @Property({ type: 'smallint' })
  answerWithinHours: number = DEFAULT_PET_CARE_ANSWER_HOURS;

  /** Who pays for the places of a SPONSORED_KENNEL: the sponsor (the kennel is the offer's organisation). */
  @ManyToOne({ entity: 'OrganisationEntity', nullable: true, deleteRule: 'set null' })
  @Index()
  sponsor?: OrganisationEntity | null;
}
