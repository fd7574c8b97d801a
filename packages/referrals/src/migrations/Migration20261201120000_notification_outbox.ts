import { Migration } from '@mikro-orm/migrations';

/**
 * The notification outbox (core's `outbox/`): one row per delivery of a notification to one
 * recipient over one channel, written in the same transaction as the change it tells of, and the
 * attempts at delivering it (the audit trail: which worker, when, what came of it). No field of a
 * referral is copied here: a message carries its kind, a link and at most an organisation's or an
 * offer's name. Written out in full, as every migration is; another service's outbox migration
 * copies this one with its own schema name.
 */
export class Migration20261201120000_notification_outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "referrals"."outbox_message" ("id" uuid not null, "kind" varchar(64) not null, "channel" varchar(16) not null, "recipient_kind" varchar(16) not null, "recipient" varchar(320) not null, "link" varchar(500) not null, "params" jsonb not null, "dedupe_key" varchar(200) null, "status" varchar(16) not null, "attempts" int not null, "next_attempt_at" timestamptz not null, "last_error" varchar(500) null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "outbox_message_pkey" primary key ("id"), constraint "outbox_message_channel_check" check ("channel" in ('EMAIL', 'WEBHOOK')), constraint "outbox_message_recipient_kind_check" check ("recipient_kind" in ('ORGANISATION', 'ADDRESS')), constraint "outbox_message_status_check" check ("status" in ('PENDING', 'DELIVERED', 'FAILED', 'SKIPPED')), constraint "outbox_message_attempts_check" check ("attempts" >= 0));`,
    );
    // What the worker claims: due messages, oldest first.
    this.addSql(`create index "outbox_message_due_index" on "referrals"."outbox_message" ("next_attempt_at", "id") where "status" = 'PENDING';`);
    // An event told once is told once per recipient and channel, whatever a job finds on its next run.
    this.addSql(
      `create unique index "outbox_message_dedupe_unique" on "referrals"."outbox_message" ("dedupe_key", "channel", "recipient_kind", lower("recipient")) where "dedupe_key" is not null;`,
    );
    this.addSql(
      `create table "referrals"."outbox_attempt" ("id" uuid not null, "message_id" uuid not null, "attempt" int not null, "at" timestamptz not null, "worker" varchar(100) not null, "outcome" varchar(16) not null, "error" varchar(500) null, constraint "outbox_attempt_pkey" primary key ("id"), constraint "outbox_attempt_message_id_foreign" foreign key ("message_id") references "referrals"."outbox_message" ("id") on delete cascade, constraint "outbox_attempt_outcome_check" check ("outcome" in ('DELIVERED', 'RETRY', 'FAILED', 'SKIPPED')));`,
    );
    this.addSql(`create index "outbox_attempt_message_id_index" on "referrals"."outbox_attempt" ("message_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "referrals"."outbox_attempt" cascade;`);
    this.addSql(`drop table if exists "referrals"."outbox_message" cascade;`);
  }
}
