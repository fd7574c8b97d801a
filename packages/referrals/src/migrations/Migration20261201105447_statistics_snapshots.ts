import { Migration } from '@mikro-orm/migrations';

/**
 * The published referral statistics: one row per month once it is final (its key lets only one
 * instance write it) and the cells disclosure control let through. Generated. No referral is
 * copied here and no count under 5 (the check says so): only the figures that are published.
 */
export class Migration20261201105447_statistics_snapshots extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "referrals"."statistics_month" ("month" varchar(7) not null, "final_at" timestamptz not null, "final_after_days" int not null, "taken_at" timestamptz not null, constraint "statistics_month_pkey" primary key ("month"));`,
    );

    this.addSql(
      `create table "referrals"."statistics_cell" ("id" bigserial primary key, "month" varchar(7) not null, "bydel_code" varchar(6) null, "category" varchar(40) not null, "outcome" varchar(20) not null, "count" int not null, constraint statistics_cell_count_check check (count >= 5));`,
    );
    this.addSql(`create index "statistics_cell_month_index" on "referrals"."statistics_cell" ("month");`);

    this.addSql(
      `alter table "referrals"."statistics_cell" add constraint "statistics_cell_month_foreign" foreign key ("month") references "referrals"."statistics_month" ("month") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "referrals"."statistics_cell" drop constraint "statistics_cell_month_foreign";`);

    this.addSql(`drop table if exists "referrals"."statistics_month" cascade;`);

    this.addSql(`drop table if exists "referrals"."statistics_cell" cascade;`);
  }
}
