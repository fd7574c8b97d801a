import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261122225804_initial } from './Migration20261122225804_initial.js';
import { Migration20261122233500_search } from './Migration20261122233500_search.js';
import { Migration20261122234700_bydeler } from './Migration20261122234700_bydeler.js';
import { Migration20261123040000_search_by_bydel } from './Migration20261123040000_search_by_bydel.js';
import { Migration20261123060000_norwegian_order } from './Migration20261123060000_norwegian_order.js';
import { Migration20261201090000_audience_within_place } from './Migration20261201090000_audience_within_place.js';
import { Migration20261201092215_idempotency_keys } from './Migration20261201092215_idempotency_keys.js';
import { Migration20261201120000_bydel_cooperation_contact } from './Migration20261201120000_bydel_cooperation_contact.js';
import { Migration20261201120500_volunteer_commitment } from './Migration20261201120500_volunteer_commitment.js';
import { Migration20261201121000_organisation_notifications } from './Migration20261201121000_organisation_notifications.js';
import { Migration20261201122000_pet_care_answer_and_sponsor } from './Migration20261201122000_pet_care_answer_and_sponsor.js';
import { Migration20261201123000_verified_dates } from './Migration20261201123000_verified_dates.js';
import { Migration20261201124000_notification_outbox } from './Migration20261201124000_notification_outbox.js';
import { Migration20261201125000_schedule_rules } from './Migration20261201125000_schedule_rules.js';
import { Migration20261201125100_calendar_feeds } from './Migration20261201125100_calendar_feeds.js';

/** Committed migrations in the order they apply. `npx -y pnpm@10.34.9 --filter @samspill/directory migration:create` adds one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122225804_initial', class: Migration20261122225804_initial },
  { name: 'Migration20261122233500_search', class: Migration20261122233500_search },
  { name: 'Migration20261122234700_bydeler', class: Migration20261122234700_bydeler },
  { name: 'Migration20261123040000_search_by_bydel', class: Migration20261123040000_search_by_bydel },
  { name: 'Migration20261123060000_norwegian_order', class: Migration20261123060000_norwegian_order },
  { name: 'Migration20261201090000_audience_within_place', class: Migration20261201090000_audience_within_place },
  { name: 'Migration20261201092215_idempotency_keys', class: Migration20261201092215_idempotency_keys },
  { name: 'Migration20261201120000_bydel_cooperation_contact', class: Migration20261201120000_bydel_cooperation_contact },
  { name: 'Migration20261201120500_volunteer_commitment', class: Migration20261201120500_volunteer_commitment },
  { name: 'Migration20261201121000_organisation_notifications', class: Migration20261201121000_organisation_notifications },
  { name: 'Migration20261201122000_pet_care_answer_and_sponsor', class: Migration20261201122000_pet_care_answer_and_sponsor },
  { name: 'Migration20261201123000_verified_dates', class: Migration20261201123000_verified_dates },
  { name: 'Migration20261201124000_notification_outbox', class: Migration20261201124000_notification_outbox },
  { name: 'Migration20261201125000_schedule_rules', class: Migration20261201125000_schedule_rules },
  { name: 'Migration20261201125100_calendar_feeds', class: Migration20261201125100_calendar_feeds },
];
