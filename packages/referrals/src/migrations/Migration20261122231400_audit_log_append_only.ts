import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log is append-only for everyone, the application included: UPDATE, DELETE and
 * TRUNCATE raise an error in the database itself. (In production the application's role should
 * also hold only INSERT and SELECT on it; the trigger holds even for the table's owner.)
 */
export class Migration20261122231400_audit_log_append_only extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "referrals"."audit_log_is_append_only"() returns trigger language plpgsql as $$
begin
  raise exception 'referrals.audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(
      `create trigger "audit_log_no_update_or_delete" before update or delete on "referrals"."audit_log" for each row execute function "referrals"."audit_log_is_append_only"();`,
    );
    this.addSql(
      `create trigger "audit_log_no_truncate" before truncate on "referrals"."audit_log" for each statement execute function "referrals"."audit_log_is_append_only"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "audit_log_no_truncate" on "referrals"."audit_log";`);
    this.addSql(`drop trigger if exists "audit_log_no_update_or_delete" on "referrals"."audit_log";`);
    this.addSql(`drop function if exists "referrals"."audit_log_is_append_only"();`);
  }
}
