import type { MigrationObject } from '@mikro-orm/core';
import { idempotencyRecordEntity, type OrmSettings, outboxEntities } from '@samspill/core';

import { DIRECTORY_SCHEMA } from './directory-schema.js';
import { migrations } from './migrations/index.js';
import { directoryModules } from './modules/index.js';

export { DIRECTORY_SCHEMA };

/** How alike a word must be to a title word for a fuzzy match (pg_trgm word similarity). */
export const WORD_SIMILARITY_THRESHOLD = 0.5;

/** Every feature's entities, from its module. */
export const directoryEntities = directoryModules.flatMap((module) => module.entities);

export function directoryOrmSettings(clientUrl: string, extra: Partial<OrmSettings> = {}): OrmSettings {
  return {
    clientUrl,
    schema: DIRECTORY_SCHEMA,
    // The records of Idempotency-Keys, in this schema beside what they point to, and the outbox of
    // the reminders to re-verify offers (one of each per ORM).
    entities: [...directoryEntities, idempotencyRecordEntity(), ...outboxEntities()],
    migrations: migrations as MigrationObject[],
    // Trigram matching of misspellings: "lexehjelp" is 0.5 word-similar to "leksehjelp", "besøkstjeneste"
    // only 0.47 to "familietjeneste".
    sessionSettings: { 'pg_trgm.word_similarity_threshold': String(WORD_SIMILARITY_THRESHOLD) },
    ...extra,
  };
}
