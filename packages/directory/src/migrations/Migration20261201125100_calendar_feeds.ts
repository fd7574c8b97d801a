import { Migration } from '@mikro-orm/migrations';

/**
 * Personal calendar feeds: the SHA-256 of each feed URL's token (never the token), whose feed it
 * is, the principal it reads as, its filters and when it was revoked.
 */
export class Migration20261201125100_calendar_feeds extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "directory"."calendar_feed" ("id" uuid not null, "token_hash" varchar(64) not null, "subject" varchar(200) not null, "principal" jsonb not null, "filter" jsonb not null, "label" varchar(100) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "calendar_feed_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "directory"."calendar_feed" add constraint "calendar_feed_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "calendar_feed_subject_index" on "directory"."calendar_feed" ("subject");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "directory"."calendar_feed" cascade;`);
  }
}
