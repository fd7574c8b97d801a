import { Migration } from '@mikro-orm/migrations';

/**
 * Where an organisation is told of referrals: its referral e-mail and its own system's webhook
 * endpoint (both optional). Seen only by its editors and platform admins.
 */
export class Migration20261201121000_organisation_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "directory"."organisation" add column "referral_email" varchar(254) null, add column "webhook_url" varchar(500) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "directory"."organisation" drop column "referral_email", drop column "webhook_url";`);
  }
}
