import { Migration } from '@mikro-orm/migrations';

/**
 * Refused attempts to read or change a referral are audited too: each entry says whether it was
 * ALLOWED or DENIED. Entries from before were all of things that happened.
 */
export class Migration20261201093000_audit_log_outcome extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "referrals"."audit_log" add column "outcome" text check ("outcome" in ('ALLOWED', 'DENIED')) not null default 'ALLOWED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "referrals"."audit_log" drop column "outcome";`);
  }
}
