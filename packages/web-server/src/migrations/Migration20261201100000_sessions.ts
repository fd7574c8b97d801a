import { Migration } from '@mikro-orm/migrations';

/** The web server's sessions (see WebSessionEntity). */
export class Migration20261201100000_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "web"."session" (
      "id_hash" text not null primary key,
      "subject" text not null,
      "name" text null,
      "role" text not null,
      "organisation_id" uuid null,
      "bydel_code" text null,
      "csrf_token" text not null,
      "sealed_tokens" text not null,
      "access_expires_at" timestamptz not null,
      "created_at" timestamptz not null,
      "last_seen_at" timestamptz not null,
      "expires_at" timestamptz not null
    );`);
    this.addSql(`create index "session_last_seen_at_index" on "web"."session" ("last_seen_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "web"."session";`);
  }
}
