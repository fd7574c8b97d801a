import { Migration } from '@mikro-orm/migrations';

/** Each bydel's contact for cooperation with the shelters: a role and its office's phone and e-mail, not a person. */
export class Migration20261201120000_bydel_cooperation_contact extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "directory"."bydel_cooperation_contact" ("id" uuid not null, "bydel_code" varchar(6) not null, "role" varchar(200) not null, "office" varchar(200) not null, "phone" varchar(20) null, "email" varchar(254) null, "last_verified_at" timestamptz not null, "version" int not null default 1, "updated_at" timestamptz not null, constraint "bydel_cooperation_contact_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "directory"."bydel_cooperation_contact" add constraint "bydel_cooperation_contact_bydel_code_unique" unique ("bydel_code");`);
    this.addSql(
      `alter table "directory"."bydel_cooperation_contact" add constraint "bydel_cooperation_contact_bydel_code_foreign" foreign key ("bydel_code") references "directory"."bydel" ("code") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "directory"."bydel_cooperation_contact" cascade;`);
  }
}
