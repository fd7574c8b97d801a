import { Migration } from '@mikro-orm/migrations';

/**
 * Oslo's bydeler as SSB listed them (KLASS 103) when this migration was written: a copy, so that
 * history does not move when the live list (modules/bydeler/bydel-codes.ts) changes. A later change
 * of the list is a new migration.
 */
const BYDELER_2026: ReadonlyArray<{ code: string; name: string; administrative: boolean }> = [
  { code: '030101', name: 'Gamle Oslo', administrative: true },
  { code: '030102', name: 'Grünerløkka', administrative: true },
  { code: '030103', name: 'Sagene', administrative: true },
  { code: '030104', name: 'St. Hanshaugen', administrative: true },
  { code: '030105', name: 'Frogner', administrative: true },
  { code: '030106', name: 'Ullern', administrative: true },
  { code: '030107', name: 'Vestre Aker', administrative: true },
  { code: '030108', name: 'Nordre Aker', administrative: true },
  { code: '030109', name: 'Bjerke', administrative: true },
  { code: '030110', name: 'Grorud', administrative: true },
  { code: '030111', name: 'Stovner', administrative: true },
  { code: '030112', name: 'Alna', administrative: true },
  { code: '030113', name: 'Østensjø', administrative: true },
  { code: '030114', name: 'Nordstrand', administrative: true },
  { code: '030115', name: 'Søndre Nordstrand', administrative: true },
  { code: '030116', name: 'Sentrum', administrative: false },
  { code: '030117', name: 'Marka', administrative: false },
];

/** Oslo's bydeler are reference data: every database has them, demo data or not. */
export class Migration20261122234700_bydeler extends Migration {
  override async up(): Promise<void> {
    for (const { code, name, administrative } of BYDELER_2026) {
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
