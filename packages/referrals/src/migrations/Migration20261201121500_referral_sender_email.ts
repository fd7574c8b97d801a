import { Migration } from '@mikro-orm/migrations';

/** The work e-mail of the staff member who sent a referral (their token's `email` claim), where what comes of it is told. */
export class Migration20261201121500_referral_sender_email extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "referrals"."referral" add column "sender_email" varchar(320) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "referrals"."referral" drop column "sender_email";`);
  }
}
