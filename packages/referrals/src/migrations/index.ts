import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261122231303_initial } from './Migration20261122231303_initial.js';
import { Migration20261122231400_audit_log_append_only } from './Migration20261122231400_audit_log_append_only.js';
import { Migration20261201092221_idempotency_keys } from './Migration20261201092221_idempotency_keys.js';
import { Migration20261201093000_audit_log_outcome } from './Migration20261201093000_audit_log_outcome.js';
import { Migration20261201105447_statistics_snapshots } from './Migration20261201105447_statistics_snapshots.js';
import { Migration20261201120000_notification_outbox } from './Migration20261201120000_notification_outbox.js';
import { Migration20261201121000_follow_ups } from './Migration20261201121000_follow_ups.js';
import { Migration20261201121500_referral_sender_email } from './Migration20261201121500_referral_sender_email.js';
import { Migration20261201122500_offer_facts } from './Migration20261201122500_offer_facts.js';

/** Committed migrations in the order they apply. `npx -y pnpm@10.34.9 --filter @samspill/referrals migration:create` adds one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122231303_initial', class: Migration20261122231303_initial },
  { name: 'Migration20261122231400_audit_log_append_only', class: Migration20261122231400_audit_log_append_only },
  { name: 'Migration20261201092221_idempotency_keys', class: Migration20261201092221_idempotency_keys },
  { name: 'Migration20261201093000_audit_log_outcome', class: Migration20261201093000_audit_log_outcome },
  { name: 'Migration20261201105447_statistics_snapshots', class: Migration20261201105447_statistics_snapshots },
  { name: 'Migration20261201120000_notification_outbox', class: Migration20261201120000_notification_outbox },
  { name: 'Migration20261201121000_follow_ups', class: Migration20261201121000_follow_ups },
  { name: 'Migration20261201121500_referral_sender_email', class: Migration20261201121500_referral_sender_email },
  { name: 'Migration20261201122500_offer_facts', class: Migration20261201122500_offer_facts },
];
