import { Migration } from '@mikro-orm/migrations';

/**
 * Schedules gain every-other-week slots (`interval` on a weekly slot, counted from `validFrom`) and
 * monthly rules (`monthly`: "the 2nd Tuesday", "the last Thursday"). The schedule is a jsonb
 * column: existing schedules get the defaults (every week, no monthly rules) so that every stored
 * schedule has one shape. Nothing else changes: the derived `weekdays` column is the same for them.
 */
export class Migration20261201125000_schedule_rules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "directory"."activity"
       set "schedule" = jsonb_set(
             "schedule" || jsonb_build_object('monthly', coalesce("schedule"->'monthly', '[]'::jsonb)),
             '{weekly}',
             coalesce((select jsonb_agg(jsonb_build_object('interval', 1) || slot order by n)
                         from jsonb_array_elements("schedule"->'weekly') with ordinality as s(slot, n)), '[]'::jsonb))
     where not ("schedule" ? 'monthly');`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "directory"."activity"
       set "schedule" = jsonb_set("schedule" - 'monthly', '{weekly}',
             coalesce((select jsonb_agg(slot - 'interval' order by n)
                         from jsonb_array_elements("schedule"->'weekly') with ordinality as s(slot, n)), '[]'::jsonb));`);
  }
}
