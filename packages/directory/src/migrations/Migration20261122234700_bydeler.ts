import { Migration } from '@mikro-orm/migrations';

import { OSLO_BYDELER } from '../modules/bydeler/bydel-codes.js';

/** Oslo's bydeler are reference data: every database has them, demo data or not. */
export class Migration20261122234700_bydeler extends Migration {
  override async up(): Promise<void> {
    for (const { code, name, administrative } of OSLO_BYDELER) {
      this.addSql(
        `insert into "directory"."bydel" ("code", "name", "administrative") values ('${code}', '${name.replace(/'/g, "''")}', ${administrative}) on conflict ("code") do update set "name" = excluded."name", "administrative" = excluded."administrative";`,
      );
    }
    // Indexes for filters the review found unserved: bydel look-ups through the pivot tables,
    // the array overlaps of the activity and pet-care filters, and foreign keys set to null on delete.
    this.addSql(`create index "organisation_bydel_bydel_code_index" on "directory"."organisation_bydel" ("bydel_code");`);
    this.addSql(`create index "pet_care_offer_bydel_bydel_code_index" on "directory"."pet_care_offer_bydel" ("bydel_code");`);
    this.addSql(`create index "activity_location_id_index" on "directory"."activity" ("location_id");`);
    this.addSql(`create index "activity_contact_person_id_index" on "directory"."activity" ("contact_person_id");`);
    this.addSql(`create index "pet_care_offer_contact_person_id_index" on "directory"."pet_care_offer" ("contact_person_id");`);
    for (const column of ['target_groups', 'languages', 'weekdays']) {
      this.addSql(`create index "activity_${column}_index" on "directory"."activity" using gin ("${column}");`);
    }
    this.addSql(`create index "pet_care_offer_species_index" on "directory"."pet_care_offer" using gin ("species");`);
  }

  override async down(): Promise<void> {
    for (const index of [
      'organisation_bydel_bydel_code_index',
      'pet_care_offer_bydel_bydel_code_index',
      'activity_location_id_index',
      'activity_contact_person_id_index',
      'pet_care_offer_contact_person_id_index',
      'activity_target_groups_index',
      'activity_languages_index',
      'activity_weekdays_index',
      'pet_care_offer_species_index',
    ]) {
      this.addSql(`drop index if exists "directory"."${index}";`);
    }
  }
}
