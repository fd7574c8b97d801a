import { Migration } from '@mikro-orm/migrations';

export class Migration20261122231303_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "referrals";`);
    this.addSql(
      `create table "referrals"."audit_log" ("id" bigserial primary key, "at" timestamptz not null, "actor_subject" varchar(200) not null, "actor_role" varchar(40) not null, "actor_organisation_id" uuid null, "operation" varchar(40) not null, "referral_id" uuid null);`,
    );
    this.addSql(`create index "audit_log_at_index" on "referrals"."audit_log" ("at");`);
    this.addSql(`create index "audit_log_referral_id_index" on "referrals"."audit_log" ("referral_id");`);

    this.addSql(
      `create table "referrals"."referral" ("id" uuid not null, "status" text check ("status" in ('DRAFT', 'SENT', 'RECEIVED', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'NOT_COMPLETED', 'ON_HOLD', 'CANCELLED', 'EXPIRED', 'REDIRECTED')) not null, "version" int not null default 1, "sending_shelter_id" uuid not null, "created_by" varchar(200) not null, "target_kind" text check ("target_kind" in ('ACTIVITY', 'PET_CARE_OFFER')) not null, "target_id" uuid not null, "receiving_organisation_id" uuid not null, "bydel_code" varchar(6) null, "category" varchar(40) not null, "pseudonymous_reference" varchar(40) null, "age_group" text check ("age_group" in ('CHILD', 'YOUTH', 'YOUNG_ADULT', 'ADULT', 'SENIOR')) null, "languages" text[] null, "interpreter_needed" boolean null, "children_ages" smallint[] null, "pets" jsonb null, "need_description" varchar(500) null, "consent_given_at" timestamptz null, "consent_recorded_by" varchar(200) null, "consent_scope" text[] not null, "consent_expires_at" timestamptz null, "consent_withdrawn_at" timestamptz null, "held_from_status" text check ("held_from_status" in ('DRAFT', 'SENT', 'RECEIVED', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'NOT_COMPLETED', 'ON_HOLD', 'CANCELLED', 'EXPIRED', 'REDIRECTED')) null, "sent_at" timestamptz null, "answer_deadline" timestamptz null, "closed_at" timestamptz null, "close_reason" text check ("close_reason" in ('NO_CAPACITY', 'NOT_ELIGIBLE', 'COULD_NOT_CONTACT', 'RESIDENT_DECLINED', 'NO_LONGER_INTERESTED', 'REFERRED_ELSEWHERE', 'GOT_HELP', 'CONSENT_WITHDRAWN', 'NO_ANSWER')) null, "redirected_from_id" uuid null, "redirected_to_id" uuid null, "personal_data_erased_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "referral_pkey" primary key ("id"), constraint referral_need_description_length check (char_length(need_description) <= 500));`,
    );
    this.addSql(`create index "referral_answer_deadline_index" on "referrals"."referral" ("answer_deadline");`);
    this.addSql(`create index "referral_closed_at_index" on "referrals"."referral" ("closed_at");`);
    this.addSql(`create index "referral_sending_shelter_id_status_index" on "referrals"."referral" ("sending_shelter_id", "status");`);
    this.addSql(`create index "referral_receiving_organisation_id_status_index" on "referrals"."referral" ("receiving_organisation_id", "status");`);

    this.addSql(
      `create table "referrals"."referral_status_change" ("id" bigserial primary key, "referral_id" uuid not null, "from_status" text check ("from_status" in ('DRAFT', 'SENT', 'RECEIVED', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'NOT_COMPLETED', 'ON_HOLD', 'CANCELLED', 'EXPIRED', 'REDIRECTED')) null, "to_status" text check ("to_status" in ('DRAFT', 'SENT', 'RECEIVED', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'NOT_COMPLETED', 'ON_HOLD', 'CANCELLED', 'EXPIRED', 'REDIRECTED')) not null, "at" timestamptz not null, "actor_subject" varchar(200) not null, "actor_role" varchar(40) not null, "reason" text check ("reason" in ('NO_CAPACITY', 'NOT_ELIGIBLE', 'COULD_NOT_CONTACT', 'RESIDENT_DECLINED', 'NO_LONGER_INTERESTED', 'REFERRED_ELSEWHERE', 'GOT_HELP', 'CONSENT_WITHDRAWN', 'NO_ANSWER')) null);`,
    );
    this.addSql(`create index "referral_status_change_referral_id_index" on "referrals"."referral_status_change" ("referral_id");`);

    this.addSql(
      `alter table "referrals"."referral" add constraint "referral_redirected_from_id_foreign" foreign key ("redirected_from_id") references "referrals"."referral" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "referrals"."referral_status_change" add constraint "referral_status_change_referral_id_foreign" foreign key ("referral_id") references "referrals"."referral" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "referrals"."referral" drop constraint "referral_redirected_from_id_foreign";`);

    this.addSql(`alter table "referrals"."referral_status_change" drop constraint "referral_status_change_referral_id_foreign";`);

    this.addSql(`drop table if exists "referrals"."audit_log" cascade;`);

    this.addSql(`drop table if exists "referrals"."referral" cascade;`);

    this.addSql(`drop table if exists "referrals"."referral_status_change" cascade;`);

    this.addSql(`drop schema if exists "referrals";`);
  }
}
