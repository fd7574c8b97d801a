import { Migration } from '@mikro-orm/migrations';

/** The columns lists are ordered by: names and titles. */
const ORDERED: ReadonlyArray<readonly [table: string, column: string]> = [
  ['organisation', 'name'],
  ['activity', 'title'],
  ['pet_care_offer', 'title'],
  ['contact_person', 'name'],
  ['location', 'name'],
];

/** The search columns generated from a title or name (Migration20261122233500_search), as made there. */
const SEARCHED: ReadonlyArray<readonly [table: string, title: string, description: string]> = [
  ['activity', 'title', 'description'],
  ['pet_care_offer', 'title', 'description'],
  ['organisation', 'name', 'description'],
];

/**
 * Names and titles in Norwegian alphabetical order. A database gets its server's default
 * collation, which on the embedded PostgreSQL (and on many servers) is C: byte order, in which
 * "Zumba" comes before "aktivitet" and "Åsane" before "Ærlig" and "Ørsta". The columns lists are
 * ordered by get an ICU collation for Norwegian bokmål (a … z, æ, ø, å; case does not decide; as in
 * Norwegian, "aa" counts as "å", so "Aasen" comes after "Ørsta"), so every `order by` of them and the
 * keyset cursors' comparisons follow it.
 *
 * PostgreSQL does not change the type of a column that a generated column reads, so the search
 * columns are dropped (with their indexes) and made again as they were.
 */
export class Migration20261123060000_norwegian_order extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create collation if not exists "directory"."norwegian" (provider = icu, locale = 'nb-NO');`);
    this.reorder(`collate "directory"."norwegian"`);
  }

  override async down(): Promise<void> {
    this.reorder(`collate "default"`);
    this.addSql(`drop collation if exists "directory"."norwegian";`);
  }

  private reorder(collation: string): void {
    for (const [table] of SEARCHED) this.addSql(`alter table "directory"."${table}" drop column "search_vector", drop column "search_title";`);
    for (const [table, column] of ORDERED) this.addSql(`alter table "directory"."${table}" alter column "${column}" type varchar(200) ${collation};`);
    const vector = (a: string, b: string) =>
      `setweight(to_tsvector('directory.samspill'::regconfig, ${a}), 'A') || setweight(to_tsvector('directory.samspill'::regconfig, coalesce(${b}, '')), 'B')`;
    for (const [table, title, description] of SEARCHED) {
      this.addSql(`alter table "directory"."${table}" add column "search_vector" tsvector generated always as (${vector(title, description)}) stored;`);
      this.addSql(`alter table "directory"."${table}" add column "search_title" text generated always as ("directory"."search_text"(${title})) stored;`);
      this.addSql(`create index "${table}_search_vector_index" on "directory"."${table}" using gin ("search_vector");`);
      this.addSql(`create index "${table}_search_title_trgm_index" on "directory"."${table}" using gin ("search_title" gin_trgm_ops);`);
    }
    // Migration20261123040000_search_by_bydel
    this.addSql(`create index "activity_bydel_search_index" on "directory"."activity" using gin ("bydel_code", "search_vector");`);
  }
}
