import { Migration } from '@mikro-orm/migrations';

/**
 * Facts that stay true: a volunteer-routine confirmation holds until `valid_until` (those recorded
 * before hold a year from their confirmation), an organisation keeps the last day all its
 * requirements hold, and organisations and contact persons get a verified date like offers have
 * (those recorded before count as verified when they were last changed, or created).
 */
export class Migration20261201123000_verified_dates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "directory"."volunteer_routine" add column "valid_until" date null;`);
    this.addSql(`update "directory"."volunteer_routine" set "valid_until" = "confirmed_on" + 365;`);
    this.addSql(`alter table "directory"."volunteer_routine" alter column "valid_until" set not null;`);
    this.addSql(`create index "volunteer_routine_valid_until_index" on "directory"."volunteer_routine" ("valid_until");`);

    this.addSql(
      `alter table "directory"."organisation" add column "volunteer_requirements_valid_until" date null, add column "last_verified_at" timestamptz null;`,
    );
    this.addSql(
      `update "directory"."organisation" o set "volunteer_requirements_valid_until" = (select min(r."valid_until") from "directory"."volunteer_routine" r where r."organisation_id" = o."id") where o."volunteer_requirements_met_at" is not null;`,
    );
    this.addSql(`update "directory"."organisation" set "last_verified_at" = "updated_at";`);
    // A writer that names no verified date (a bulk load) counts it as verified when written.
    this.addSql(`alter table "directory"."organisation" alter column "last_verified_at" set not null, alter column "last_verified_at" set default now();`);

    this.addSql(`alter table "directory"."contact_person" add column "last_verified_at" timestamptz null;`);
    this.addSql(`update "directory"."contact_person" set "last_verified_at" = "created_at";`);
    this.addSql(`alter table "directory"."contact_person" alter column "last_verified_at" set not null, alter column "last_verified_at" set default now();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "directory"."contact_person" drop column "last_verified_at";`);
    this.addSql(`alter table "directory"."organisation" drop column "volunteer_requirements_valid_until", drop column "last_verified_at";`);
    this.addSql(`alter table "directory"."volunteer_routine" drop column "valid_until";`);
  }
}
