import { Migration } from '@mikro-orm/migrations';

/**
 * A pet-care offer says how soon it answers a referral (hours, default 24: the referral's deadline),
 * and a sponsored kennel names its sponsor.
 */
export class Migration20261201122000_pet_care_answer_and_sponsor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "directory"."pet_care_offer" add column "answer_within_hours" smallint not null default 24, add column "sponsor_id" uuid null;`);
    this.addSql(
      `alter table "directory"."pet_care_offer" add constraint "pet_care_offer_sponsor_id_foreign" foreign key ("sponsor_id") references "directory"."organisation" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "pet_care_offer_sponsor_id_index" on "directory"."pet_care_offer" ("sponsor_id");`);
    this.addSql(`alter table "directory"."pet_care_offer" drop constraint "pet_care_offer_counts_check";`);
    this.addSql(
      `alter table "directory"."pet_care_offer" add constraint "pet_care_offer_counts_check" check (answer_within_hours BETWEEN 1 AND 336 AND coalesce(places_available, 0) >= 0 AND coalesce(max_animals, 1) > 0 AND coalesce(max_stay_days, 1) > 0 AND coalesce(price_per_day_nok, 0) >= 0);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "directory"."pet_care_offer" drop constraint "pet_care_offer_counts_check";`);
    this.addSql(
      `alter table "directory"."pet_care_offer" add constraint "pet_care_offer_counts_check" check (coalesce(places_available, 0) >= 0 AND coalesce(max_animals, 1) > 0 AND coalesce(max_stay_days, 1) > 0 AND coalesce(price_per_day_nok, 0) >= 0);`,
    );
    this.addSql(`alter table "directory"."pet_care_offer" drop column "answer_within_hours", drop column "sponsor_id";`);
  }
}
