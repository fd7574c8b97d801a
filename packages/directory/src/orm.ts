import type { MigrationObject } from '@mikro-orm/core';
import { idempotencyRecordEntity, type OrmSettings } from '@samspill/core';

import { DIRECTORY_SCHEMA } from './directory-schema.js';
import { migrations } from './migrations/index.js';
import { ActivityEntity } from './modules/activities/activity.entity.js';
import { BydelEntity } from './modules/bydeler/bydel.entity.js';
import { ContactPersonEntity } from './modules/contact-persons/contact-person.entity.js';
import { LocationEntity } from './modules/locations/location.entity.js';
import { OrganisationEntity } from './modules/organisations/organisation.entity.js';
import { VolunteerRoutineEntity } from './modules/organisations/volunteer-routine.entity.js';
import { PetCareOfferEntity } from './modules/pet-care/pet-care-offer.entity.js';

export { DIRECTORY_SCHEMA };

/** How alike a word must be to a title word for a fuzzy match (pg_trgm word similarity). */
export const WORD_SIMILARITY_THRESHOLD = 0.5;

export const directoryEntities = [
  BydelEntity,
  OrganisationEntity,
  VolunteerRoutineEntity,
  LocationEntity,
  ContactPersonEntity,
  ActivityEntity,
  PetCareOfferEntity,
];

export function directoryOrmSettings(clientUrl: string, extra: Partial<OrmSettings> = {}): OrmSettings {
  return {
    clientUrl,
    schema: DIRECTORY_SCHEMA,
    // The records of Idempotency-Keys, in this schema beside what they point to (one per ORM).
    entities: [...directoryEntities, idempotencyRecordEntity()],
    migrations: migrations as MigrationObject[],
    // Trigram matching of misspellings: "lexehjelp" is 0.5 word-similar to "leksehjelp", "besøkstjeneste"
    // only 0.47 to "familietjeneste".
    sessionSettings: { 'pg_trgm.word_similarity_threshold': String(WORD_SIMILARITY_THRESHOLD) },
    ...extra,
  };
}
