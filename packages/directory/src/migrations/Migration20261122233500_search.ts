import { Migration } from '@mikro-orm/migrations';

/**
 * Norwegian full-text and fuzzy search, and distance search.
 *
 * - `directory.samspill`: PostgreSQL's Norwegian configuration, with Norwegian stop words checked
 *   on the original word (so "på" and "også" are dropped), then `unaccent` (Grünerløkka = Grunerlokka,
 *   kafé = kafe), then the Norwegian Snowball stemmer.
 * - `search_vector` (title weight A, description weight B) for ranked full-text matching;
 *   `search_title` (lower-case, unaccented title) for trigram matching of misspellings and split
 *   or joined words ("lexehjelp", "lekse hjelp").
 * - A GiST index on the earth position of locations for "near" search (cube + earthdistance).
 */
export class Migration20261122233500_search extends Migration {
  override async up(): Promise<void> {
    for (const extension of ['unaccent', 'pg_trgm', 'cube', 'earthdistance']) this.addSql(`create extension if not exists "${extension}";`);
    this.addSql(`create text search dictionary "directory"."nb_stop" (template = pg_catalog.simple, stopwords = norwegian, accept = false);`);
    this.addSql(`create text search configuration "directory"."samspill" (copy = pg_catalog.norwegian);`);
    this.addSql(
      `alter text search configuration "directory"."samspill" alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part with "directory"."nb_stop", unaccent, norwegian_stem;`,
    );
    this.addSql(
      `create function "directory"."search_text"(text) returns text language sql immutable strict parallel safe as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;`,
    );

    const vector = (a: string, b: string) =>
      `setweight(to_tsvector('directory.samspill'::regconfig, ${a}), 'A') || setweight(to_tsvector('directory.samspill'::regconfig, coalesce(${b}, '')), 'B')`;
    for (const [table, title, description] of [
      ['activity', 'title', 'description'],
      ['pet_care_offer', 'title', 'description'],
      ['organisation', 'name', 'description'],
    ]) {
      this.addSql(`alter table "directory"."${table}" add column "search_vector" tsvector generated always as (${vector(title, description)}) stored;`);
      this.addSql(`alter table "directory"."${table}" add column "search_title" text generated always as ("directory"."search_text"(${title})) stored;`);
      this.addSql(`create index "${table}_search_vector_index" on "directory"."${table}" using gin ("search_vector");`);
      this.addSql(`create index "${table}_search_title_trgm_index" on "directory"."${table}" using gin ("search_title" gin_trgm_ops);`);
    }
    this.addSql(
      `create index "location_earth_index" on "directory"."location" using gist (ll_to_earth(latitude, longitude)) where latitude is not null and longitude is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "directory"."location_earth_index";`);
    for (const table of ['activity', 'pet_care_offer', 'organisation']) {
      this.addSql(`alter table "directory"."${table}" drop column "search_vector", drop column "search_title";`);
    }
    this.addSql(`drop function if exists "directory"."search_text"(text);`);
    this.addSql(`drop text search configuration if exists "directory"."samspill";`);
    this.addSql(`drop text search dictionary if exists "directory"."nb_stop";`);
  }
}
