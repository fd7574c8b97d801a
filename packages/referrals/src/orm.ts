import type { MigrationObject } from '@mikro-orm/core';
import { idempotencyRecordEntity, type OrmSettings } from '@samspill/core';

import { migrations } from './migrations/index.js';
import { AuditEntryEntity } from './modules/audit/audit-entry.entity.js';
import { ReferralEntity } from './modules/referrals/referral.entity.js';
import { ReferralStatusChangeEntity } from './modules/referrals/referral-status-change.entity.js';
import { StatisticsCellEntity, StatisticsMonthEntity } from './modules/statistics/statistics-snapshot.entity.js';
import { REFERRALS_SCHEMA } from './referrals-schema.js';

export { REFERRALS_SCHEMA };

export const referralEntities = [ReferralEntity, ReferralStatusChangeEntity, AuditEntryEntity, StatisticsMonthEntity, StatisticsCellEntity];

export function referralsOrmSettings(clientUrl: string): OrmSettings {
  return {
    clientUrl,
    schema: REFERRALS_SCHEMA,
    // The records of Idempotency-Keys, in this schema beside the referrals they point to (one per ORM).
    entities: [...referralEntities, idempotencyRecordEntity()],
    migrations: migrations as MigrationObject[],
  };
}
