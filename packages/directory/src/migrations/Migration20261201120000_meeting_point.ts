import { Migration } from '@mikro-orm/migrations';

export class Migration20261201120000_meeting_point extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "directory"."activity" add column "meeting_point" varchar(200) null;`);
  }
}
