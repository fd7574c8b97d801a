import { Migration } from '@mikro-orm/migrations';

/**
 * The Idempotency-Keys of the last 24 hours: who sent a create, a digest of what was asked and
 * the id of what was created (no field values). The primary key (subject, key) is what lets only
 * one of two requests racing with a key commit. Generated; the generator's unrelated differences
 * (indexes and checks that earlier, hand-written migrations made) are left out.
 */
export class Migration20261201092215_idempotency_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "directory"."idempotency_record" ("subject" varchar(200) not null, "key" varchar(255) not null, "operation" varchar(64) not null, "request_hash" varchar(64) not null, "result_id" uuid not null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("subject", "key"));`,
    );
    this.addSql(`create index "idempotency_record_created_at_index" on "directory"."idempotency_record" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "directory"."idempotency_record" cascade;`);
  }
}
