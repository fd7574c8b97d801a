import type { MigrationObject } from '@mikro-orm/core';
import { idempotencyRecordEntity, type OrmSettings, outboxEntities } from '@samspill/core';

import { migrations } from './migrations/index.js';
import { referralsModules } from './modules/index.js';
import { REFERRALS_SCHEMA } from './referrals-schema.js';

export { REFERRALS_SCHEMA };

/** Every feature's entities, from its module. */
export const referralEntities = referralsModules.flatMap((module) => module.entities);

export function referralsOrmSettings(clientUrl: string): OrmSettings {
  return {
    clientUrl,
    schema: REFERRALS_SCHEMA,
    // The records of Idempotency-Keys, in this schema beside the referrals they point to (one per ORM).
    entities: [...referralEntities, idempotencyRecordEntity(), ...outboxEntities()],
    migrations: migrations as MigrationObject[],
  };
}
