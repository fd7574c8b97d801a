import { Migration } from '@mikro-orm/migrations';

/**
 * The directory's own notification outbox (a copy of the referrals' migration of the same name,
 * with the directory's schema), for the reminders to re-verify offers: one row per delivery of a notification to one
 * recipient over one channel, written in the same transaction as the change it tells of, and the
 * attempts at delivering it (the audit trail). A message carries its kind, a link and at most an
 * organisation's or an offer's name. Written out in full, as every migration is.
 */
export class Migration20261201124000_notification_outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "directory"."outbox_message" ("id" uuid not null, "kind" varchar(64) not null, "channel" varchar(16) not null, "recipient_kind" varchar(16) not null, "recipient" varchar(320) not null, "link" varchar(500) not null, "params" jsonb not null, "dedupe_key" varchar(200) null, "status" varchar(16) not null, "attempts" int not null, "next_attempt_at" timestamptz not null, "last_error" varchar(500) null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "outbox_message_pkey" primary key ("id"), constraint "outbox_message_channel_check" check ("channel" in ('EMAIL', 'WEBHOOK')), constraint "outbox_message_recipient_kind_check" check ("recipient_kind" in ('ORGANISATION', 'ADDRESS')), constraint "outbox_message_status_check" check ("status" in ('PENDING', 'DELIVERED', 'FAILED', 'SKIPPED')), constraint "outbox_message_attempts_check" check ("attempts" >= 0));`,
    );
    // What the worker claims: due messages, oldest first.
    this.addSql(`create index "outbox_message_due_index" on "directory"."outbox_message" ("next_attempt_at", "id") where "status" = 'PENDING';`);
    // An event told once is told once per recipient and channel, whatever a job finds on its next run.
    this.addSql(
      `create unique index "outbox_message_dedupe_unique" on "directory"."outbox_message" ("dedupe_key", "channel", "recipient_kind", lower("recipient")) where "dedupe_key" is not null;`,
    );
    this.addSql(
      `create table "directory"."outbox_attempt" ("id" uuid not null, "message_id" uuid not null, "attempt" int not null, "at" timestamptz not null, "worker" varchar(100) not null, "outcome" varchar(16) not null, "error" varchar(500) null, constraint "outbox_attempt_pkey" primary key ("id"), constraint "outbox_attempt_message_id_foreign" foreign key ("message_id") references "directory"."outbox_message" ("id") on delete cascade, constraint "outbox_attempt_outcome_check" check ("outcome" in ('DELIVERED', 'RETRY', 'FAILED', 'SKIPPED')));`,
    );
    this.addSql(`create index "outbox_attempt_message_id_index" on "directory"."outbox_attempt" ("message_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "directory"."outbox_attempt" cascade;`);
    this.addSql(`drop table if exists "directory"."outbox_message" cascade;`);
  }
}
