import { Migration } from '@mikro-orm/migrations';

/**
 * An activity's audience is never wider than its place's visibility: a PUBLIC activity is held
 * online or at a PUBLIC place, never at a NETWORK or CONFIDENTIAL one (anonymous visitors would see
 * its bydel, and so where the place is). The services keep to it; these triggers make it hold for
 * every writer (seeds, scripts, later code). They are deferred constraint triggers, checked at
 * commit, so that one transaction may narrow a place and its activities together.
 *
 * Rows that break the rule today are narrowed to NETWORK first (the safe direction).
 */
export class Migration20261201090000_audience_within_place extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      update "directory"."activity" a set "audience" = 'NETWORK'
        from "directory"."location" l
        where l."id" = a."location_id" and a."audience" = 'PUBLIC' and l."visibility" <> 'PUBLIC';`);
    this.addSql(`
      create or replace function "directory"."check_audience_within_place"() returns trigger language plpgsql as $$
      begin
        if exists (
          select 1 from "directory"."activity" a join "directory"."location" l on l."id" = a."location_id"
          where a."audience" = 'PUBLIC' and l."visibility" <> 'PUBLIC'
            and (case when TG_TABLE_NAME = 'activity' then a."id" = NEW."id" else l."id" = NEW."id" end)
        ) then
          raise exception 'an activity''s audience must not be wider than the visibility of its place'
            using errcode = 'check_violation', constraint = 'activity_audience_within_place';
        end if;
        return null;
      end $$;`);
    this.addSql(`
      create constraint trigger "activity_audience_within_place"
        after insert or update of "audience", "location_id" on "directory"."activity"
        deferrable initially deferred for each row execute function "directory"."check_audience_within_place"();`);
    this.addSql(`
      create constraint trigger "location_visibility_covers_activities"
        after update of "visibility" on "directory"."location"
        deferrable initially deferred for each row execute function "directory"."check_audience_within_place"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "location_visibility_covers_activities" on "directory"."location";`);
    this.addSql(`drop trigger if exists "activity_audience_within_place" on "directory"."activity";`);
    this.addSql(`drop function if exists "directory"."check_audience_within_place"();`);
  }
}
