import { Migration } from '@mikro-orm/migrations';

// Copies, not imports: a migration never changes with the code (the lists as of this migration).
const STATUSES = [
  'DRAFT',
  'SENT',
  'RECEIVED',
  'ACCEPTED',
  'DECLINED',
  'IN_PROGRESS',
  'IN_FOLLOW_UP',
  'COMPLETED',
  'NOT_COMPLETED',
  'ON_HOLD',
  'CANCELLED',
  'EXPIRED',
  'REDIRECTED',
];
const REASONS = [
  'NO_CAPACITY',
  'NOT_ELIGIBLE',
  'COULD_NOT_CONTACT',
  'RESIDENT_DECLINED',
  'NO_LONGER_INTERESTED',
  'REFERRED_ELSEWHERE',
  'GOT_HELP',
  'CONSENT_WITHDRAWN',
  'NO_ANSWER',
  'FOLLOW_UP_ENDED',
];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Follow-ups: an accepted mentoring or practical-help referral, run by the organisation
 * (follow_up, follow_up_check_in); the referral's IN_FOLLOW_UP state and FOLLOW_UP_ENDED reason;
 * the consent's "follow-up after leaving the shelter"; the published follow-up statistics. At most
 * one open follow-up per referral (a partial unique index).
 */
export class Migration20261201121000_follow_ups extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "referrals"."referral" add column "consent_follow_up_after_leaving" boolean not null default false;`);
    for (const [table, column, values] of [
      ['referral', 'status', STATUSES],
      ['referral', 'held_from_status', STATUSES],
      ['referral', 'close_reason', REASONS],
      ['referral_status_change', 'from_status', STATUSES],
      ['referral_status_change', 'to_status', STATUSES],
      ['referral_status_change', 'reason', REASONS],
    ] as const) {
      this.addSql(
        `alter table "referrals"."${table}" drop constraint if exists "${table}_${column}_check", add constraint "${table}_${column}_check" check ("${column}" in (${list([...values])}));`,
      );
    }

    this.addSql(
      `create table "referrals"."follow_up" ("id" uuid not null, "version" int not null default 1, "referral_id" uuid not null, "stage" text check ("stage" in ('WAITING_FOR_VOLUNTEER', 'MATCHED', 'ENDED')) not null, "sending_shelter_id" uuid not null, "receiving_organisation_id" uuid not null, "bydel_code" varchar(6) null, "category" varchar(40) not null, "after_leaving_shelter" boolean not null, "commitment_months" smallint null, "requires_volunteer_course" boolean not null, "women_only_volunteers" boolean not null, "started_at" timestamptz not null, "started_by" varchar(200) not null, "matched_on" date null, "volunteer_reference" varchar(40) null, "course_confirmed" boolean not null default false, "women_only_confirmed" boolean not null default false, "commitment_ends_on" date null, "notes" varchar(1000) null, "ended_on" date null, "ended_at" timestamptz null, "end_reason" text check ("end_reason" in ('GOAL_REACHED', 'MOVED', 'ENDED_BY_WOMAN', 'VOLUNTEER_STOPPED', 'REMATCHED')) null, "continues_id" uuid null, "renewal_prompted_for" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "follow_up_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "follow_up_referral_id_index" on "referrals"."follow_up" ("referral_id");`);
    this.addSql(`create index "follow_up_ended_at_index" on "referrals"."follow_up" ("ended_at");`);
    this.addSql(`create index "follow_up_receiving_organisation_id_stage_index" on "referrals"."follow_up" ("receiving_organisation_id", "stage");`);
    this.addSql(`create unique index "follow_up_one_open_per_referral" on "referrals"."follow_up" ("referral_id") where "ended_at" is null;`);
    this.addSql(
      `alter table "referrals"."follow_up" add constraint "follow_up_referral_id_foreign" foreign key ("referral_id") references "referrals"."referral" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "referrals"."follow_up" add constraint "follow_up_volunteer_when_matched" check ((stage = 'WAITING_FOR_VOLUNTEER') = (matched_on is null) or stage = 'ENDED');`,
    );

    this.addSql(
      `create table "referrals"."follow_up_check_in" ("id" uuid not null, "follow_up_id" uuid not null, "planned_on" date not null, "outcome" text check ("outcome" in ('DONE', 'MISSED')) null, "recorded_on" date null, "note" varchar(500) null, "due_notified_at" timestamptz null, "created_at" timestamptz not null, constraint "follow_up_check_in_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "follow_up_check_in_follow_up_id_index" on "referrals"."follow_up_check_in" ("follow_up_id");`);
    this.addSql(`create index "follow_up_check_in_planned_on_index" on "referrals"."follow_up_check_in" ("planned_on");`);
    this.addSql(
      `alter table "referrals"."follow_up_check_in" add constraint "follow_up_check_in_follow_up_id_foreign" foreign key ("follow_up_id") references "referrals"."follow_up" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `create table "referrals"."follow_up_statistics_cell" ("id" bigserial primary key, "month" varchar(7) not null, "bydel_code" varchar(6) null, "category" varchar(40) not null, "event" varchar(10) not null, "count" int not null, constraint follow_up_statistics_cell_count_check check (count >= 5));`,
    );
    this.addSql(`create index "follow_up_statistics_cell_month_index" on "referrals"."follow_up_statistics_cell" ("month");`);
    this.addSql(
      `alter table "referrals"."follow_up_statistics_cell" add constraint "follow_up_statistics_cell_month_foreign" foreign key ("month") references "referrals"."statistics_month" ("month") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "referrals"."follow_up_statistics_cell" cascade;`);
    this.addSql(`drop table if exists "referrals"."follow_up_check_in" cascade;`);
    this.addSql(`drop table if exists "referrals"."follow_up" cascade;`);
    this.addSql(`alter table "referrals"."referral" drop column "consent_follow_up_after_leaving";`);
  }
}
