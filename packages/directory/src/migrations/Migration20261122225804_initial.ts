import { Migration } from '@mikro-orm/migrations';

export class Migration20261122225804_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "directory";`);
    this.addSql(
      `create table "directory"."bydel" ("code" varchar(6) not null, "name" varchar(100) not null, "administrative" boolean not null, constraint "bydel_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "directory"."organisation" ("id" uuid not null, "kind" text check ("kind" in ('SHELTER', 'VOLUNTARY_ORGANISATION', 'VOLUNTEER_CENTRE', 'BYDEL_SERVICE', 'ANIMAL_WELFARE', 'SPONSOR')) not null, "name" varchar(200) not null, "description" text null, "organisation_number" varchar(9) null, "website" varchar(500) null, "public_phone" varchar(20) null, "public_email" varchar(254) null, "parent_id" uuid null, "main_location_id" uuid null, "volunteer_requirements_met_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "organisation_pkey" primary key ("id"), constraint organisation_number_check check (organisation_number ~ '^[0-9]{9}\$'));`,
    );
    this.addSql(`create index "organisation_kind_index" on "directory"."organisation" ("kind");`);
    this.addSql(`alter table "directory"."organisation" add constraint "organisation_organisation_number_unique" unique ("organisation_number");`);

    this.addSql(
      `create table "directory"."organisation_bydel" ("organisation_id" uuid not null, "bydel_code" varchar(6) not null, constraint "organisation_bydel_pkey" primary key ("organisation_id", "bydel_code"));`,
    );

    this.addSql(
      `create table "directory"."location" ("id" uuid not null, "organisation_id" uuid not null, "name" varchar(200) not null, "street_address" varchar(200) null, "postal_code" varchar(4) null, "postal_town" varchar(100) null, "bydel_code" varchar(6) null, "latitude" double precision null, "longitude" double precision null, "visibility" text check ("visibility" in ('PUBLIC', 'NETWORK', 'CONFIDENTIAL')) not null, "version" int not null default 1, constraint "location_pkey" primary key ("id"), constraint location_coordinates_check check (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180), constraint location_postal_code_check check (postal_code ~ '^[0-9]{4}\$'));`,
    );
    this.addSql(`create index "location_organisation_id_index" on "directory"."location" ("organisation_id");`);

    this.addSql(
      `create table "directory"."contact_person" ("id" uuid not null, "organisation_id" uuid not null, "name" varchar(200) not null, "title" varchar(200) null, "phone" varchar(20) null, "email" varchar(254) null, "languages" text[] not null, "version" int not null default 1, "created_at" timestamptz not null, constraint "contact_person_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "contact_person_organisation_id_index" on "directory"."contact_person" ("organisation_id");`);

    this.addSql(
      `create table "directory"."activity" ("id" uuid not null, "organisation_id" uuid not null, "title" varchar(200) not null, "description" text not null, "category" text check ("category" in ('SOCIAL', 'NETWORK', 'CHILDREN', 'YOUTH', 'MENTORING', 'PRACTICAL_HELP', 'HOUSING', 'WORK_AND_EDUCATION', 'LANGUAGE', 'PHYSICAL_ACTIVITY', 'CULTURE')) not null, "target_groups" text[] not null, "age_min" smallint null, "age_max" smallint null, "languages" text[] not null, "venue_kind" text check ("venue_kind" in ('LOCATION', 'AT_SHELTER', 'ONLINE')) not null, "location_id" uuid null, "bydel_code" varchar(6) null, "schedule" jsonb not null, "weekdays" smallint[] not null, "cost_kind" text check ("cost_kind" in ('FREE', 'SPONSORED', 'PAID')) not null default 'FREE', "price_nok" int null, "capacity" int null, "places_available" int null, "capacity_updated_at" timestamptz null, "join_mode" text check ("join_mode" in ('OPEN', 'SIGN_UP', 'REFERRAL_ONLY')) not null, "accessibility" text[] not null, "accessibility_note" varchar(500) null, "contact_person_id" uuid null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'DRAFT', "audience" text check ("audience" in ('PUBLIC', 'NETWORK')) not null default 'PUBLIC', "last_verified_at" timestamptz not null, "published_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "activity_pkey" primary key ("id"), constraint activity_counts_check check (coalesce(capacity, 0) >= 0 AND coalesce(places_available, 0) >= 0 AND coalesce(price_nok, 0) >= 0), constraint activity_age_range_check check (age_min IS NULL OR age_max IS NULL OR age_min <= age_max));`,
    );
    this.addSql(`create index "activity_organisation_id_index" on "directory"."activity" ("organisation_id");`);
    this.addSql(`create index "activity_bydel_code_index" on "directory"."activity" ("bydel_code");`);
    this.addSql(`create index "activity_last_verified_at_index" on "directory"."activity" ("last_verified_at");`);
    this.addSql(`create index "activity_status_audience_index" on "directory"."activity" ("status", "audience");`);

    this.addSql(
      `create table "directory"."pet_care_offer" ("id" uuid not null, "organisation_id" uuid not null, "title" varchar(200) not null, "description" text not null, "care_model" text check ("care_model" in ('FOSTER_HOME', 'KENNEL', 'CATTERY', 'SHELTER_ON_SITE', 'SPONSORED_KENNEL')) not null, "species" text[] not null, "max_animal_size" text check ("max_animal_size" in ('SMALL', 'MEDIUM', 'LARGE')) null, "max_animals" smallint null, "max_stay_days" smallint null, "cost_kind" text check ("cost_kind" in ('FREE', 'SPONSORED', 'PAID')) not null default 'FREE', "price_per_day_nok" int null, "vaccination_required" boolean not null default false, "vet_check_required" boolean not null default false, "requirements_note" varchar(500) null, "places_available" smallint null, "places_updated_at" timestamptz null, "contact_person_id" uuid null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'DRAFT', "last_verified_at" timestamptz not null, "published_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "pet_care_offer_pkey" primary key ("id"), constraint pet_care_offer_counts_check check (coalesce(places_available, 0) >= 0 AND coalesce(max_animals, 1) > 0 AND coalesce(max_stay_days, 1) > 0 AND coalesce(price_per_day_nok, 0) >= 0));`,
    );
    this.addSql(`create index "pet_care_offer_organisation_id_index" on "directory"."pet_care_offer" ("organisation_id");`);

    this.addSql(
      `create table "directory"."pet_care_offer_bydel" ("pet_care_offer_id" uuid not null, "bydel_code" varchar(6) not null, constraint "pet_care_offer_bydel_pkey" primary key ("pet_care_offer_id", "bydel_code"));`,
    );

    this.addSql(
      `create table "directory"."volunteer_routine" ("id" uuid not null, "organisation_id" uuid not null, "requirement" text check ("requirement" in ('BASIC_TRAINING', 'CONFIDENTIALITY_DECLARATION', 'POLICE_CERTIFICATE')) not null, "status" text check ("status" in ('CONFIRMED', 'NOT_APPLICABLE')) not null, "confirmed_on" date not null, "confirmed_by" varchar(200) not null, "note" varchar(500) null, constraint "volunteer_routine_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "directory"."volunteer_routine" add constraint "volunteer_routine_organisation_id_requirement_unique" unique ("organisation_id", "requirement");`,
    );

    this.addSql(
      `alter table "directory"."organisation" add constraint "organisation_parent_id_foreign" foreign key ("parent_id") references "directory"."organisation" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "directory"."organisation" add constraint "organisation_main_location_id_foreign" foreign key ("main_location_id") references "directory"."location" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "directory"."organisation_bydel" add constraint "organisation_bydel_organisation_id_foreign" foreign key ("organisation_id") references "directory"."organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "directory"."organisation_bydel" add constraint "organisation_bydel_bydel_code_foreign" foreign key ("bydel_code") references "directory"."bydel" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "directory"."location" add constraint "location_organisation_id_foreign" foreign key ("organisation_id") references "directory"."organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "directory"."location" add constraint "location_bydel_code_foreign" foreign key ("bydel_code") references "directory"."bydel" ("code") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "directory"."contact_person" add constraint "contact_person_organisation_id_foreign" foreign key ("organisation_id") references "directory"."organisation" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "directory"."activity" add constraint "activity_organisation_id_foreign" foreign key ("organisation_id") references "directory"."organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "directory"."activity" add constraint "activity_location_id_foreign" foreign key ("location_id") references "directory"."location" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "directory"."activity" add constraint "activity_bydel_code_foreign" foreign key ("bydel_code") references "directory"."bydel" ("code") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "directory"."activity" add constraint "activity_contact_person_id_foreign" foreign key ("contact_person_id") references "directory"."contact_person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "directory"."pet_care_offer" add constraint "pet_care_offer_organisation_id_foreign" foreign key ("organisation_id") references "directory"."organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "directory"."pet_care_offer" add constraint "pet_care_offer_contact_person_id_foreign" foreign key ("contact_person_id") references "directory"."contact_person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "directory"."pet_care_offer_bydel" add constraint "pet_care_offer_bydel_pet_care_offer_id_foreign" foreign key ("pet_care_offer_id") references "directory"."pet_care_offer" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "directory"."pet_care_offer_bydel" add constraint "pet_care_offer_bydel_bydel_code_foreign" foreign key ("bydel_code") references "directory"."bydel" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "directory"."volunteer_routine" add constraint "volunteer_routine_organisation_id_foreign" foreign key ("organisation_id") references "directory"."organisation" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "directory"."organisation_bydel" drop constraint "organisation_bydel_bydel_code_foreign";`);

    this.addSql(`alter table "directory"."location" drop constraint "location_bydel_code_foreign";`);

    this.addSql(`alter table "directory"."activity" drop constraint "activity_bydel_code_foreign";`);

    this.addSql(`alter table "directory"."pet_care_offer_bydel" drop constraint "pet_care_offer_bydel_bydel_code_foreign";`);

    this.addSql(`alter table "directory"."organisation" drop constraint "organisation_parent_id_foreign";`);

    this.addSql(`alter table "directory"."organisation_bydel" drop constraint "organisation_bydel_organisation_id_foreign";`);

    this.addSql(`alter table "directory"."location" drop constraint "location_organisation_id_foreign";`);

    this.addSql(`alter table "directory"."contact_person" drop constraint "contact_person_organisation_id_foreign";`);

    this.addSql(`alter table "directory"."activity" drop constraint "activity_organisation_id_foreign";`);

    this.addSql(`alter table "directory"."pet_care_offer" drop constraint "pet_care_offer_organisation_id_foreign";`);

    this.addSql(`alter table "directory"."volunteer_routine" drop constraint "volunteer_routine_organisation_id_foreign";`);

    this.addSql(`alter table "directory"."organisation" drop constraint "organisation_main_location_id_foreign";`);

    this.addSql(`alter table "directory"."activity" drop constraint "activity_location_id_foreign";`);

    this.addSql(`alter table "directory"."activity" drop constraint "activity_contact_person_id_foreign";`);

    this.addSql(`alter table "directory"."pet_care_offer" drop constraint "pet_care_offer_contact_person_id_foreign";`);

    this.addSql(`alter table "directory"."pet_care_offer_bydel" drop constraint "pet_care_offer_bydel_pet_care_offer_id_foreign";`);

    this.addSql(`drop table if exists "directory"."bydel" cascade;`);

    this.addSql(`drop table if exists "directory"."organisation" cascade;`);

    this.addSql(`drop table if exists "directory"."organisation_bydel" cascade;`);

    this.addSql(`drop table if exists "directory"."location" cascade;`);

    this.addSql(`drop table if exists "directory"."contact_person" cascade;`);

    this.addSql(`drop table if exists "directory"."activity" cascade;`);

    this.addSql(`drop table if exists "directory"."pet_care_offer" cascade;`);

    this.addSql(`drop table if exists "directory"."pet_care_offer_bydel" cascade;`);

    this.addSql(`drop table if exists "directory"."volunteer_routine" cascade;`);

    this.addSql(`drop schema if exists "directory";`);
  }
}
