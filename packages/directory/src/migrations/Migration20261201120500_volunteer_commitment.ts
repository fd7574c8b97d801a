import { Migration } from '@mikro-orm/migrations';

/**
 * What an offer with volunteers (a Ressursvenn, a frivilligsentral's helpers) asks of them: how
 * many months one commits to one woman, whether they must have completed the offer's course, and
 * whether only women may volunteer. The referrals subgraph reads them when a follow-up starts.
 */
export class Migration20261201120500_volunteer_commitment extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "directory"."activity" add column "commitment_months" smallint null, add column "requires_volunteer_course" boolean not null default false, add column "women_only_volunteers" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "directory"."activity" drop column "commitment_months", drop column "requires_volunteer_course", drop column "women_only_volunteers";`,
    );
  }
}
