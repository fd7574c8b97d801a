import { Migration } from '@mikro-orm/migrations';

/**
 * What the offer look-up tells a referral: a pet-care offer's time to answer (hours; the deadline
 * comes from it) and whether the organisation did not meet the volunteer requirements (a warning).
 */
export class Migration20261201122500_offer_facts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "referrals"."referral" add column "answer_within_hours" smallint null, add column "volunteer_requirements_unmet" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "referrals"."referral" drop column "answer_within_hours", drop column "volunteer_requirements_unmet";`);
  }
}
