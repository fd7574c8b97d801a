import { type EntityName, type FilterQuery, type QueryOrderMap, raw } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { badCursor, decodeKeysetCursor, encodeKeysetCursor, keysetSignature, type KeysetValueType, type Page, type PageArgs } from '@samspill/core';

import { DIRECTORY_SCHEMA } from '../directory-schema.js';
import { LeanRows } from '../lean-rows.js';

/** Per-hit facts of a ranked search, kept on the entity for this request's field resolvers. */
export interface SearchMeta {
  /** Relevance, higher is better (full-text rank plus title word similarity). */
  readonly relevance: number | null;
  /** Metres from the point searched near, when searching near a point. */
  readonly distanceMeters: number | null;
}

const META = Symbol('searchMeta');

export function searchMetaOf(entity: object): SearchMeta | undefined {
  return (entity as { [META]?: SearchMeta })[META];
}

/** Quotes or a leading minus make the text a precise web-style query: no fuzzy matching then. */
const PRECISE = /"|(^|\s)-\S|\sor\s/i;

/**
 * How a search text matches: `words` is full text (stemmed, unaccented, title and description) of
 * the words as typed or joined; `fuzzy` is a trigram match of the title against the words as typed
 * or joined, for misspellings ("lexehjelp" → "Leksehjelp").
 */
export type TextMatch = 'words' | 'fuzzy';

/**
 * SQL for matching (`match`) and ranking `text` against an alias's `search_vector` and
 * `search_title`. The rank is the same for both matches, so a page's order does not depend on it.
 */
export function textSearch(
  alias: string,
  text: string,
  match: TextMatch = 'words',
): { where: string; whereParams: unknown[]; rank: string; rankParams: unknown[] } {
  const fts = `websearch_to_tsquery('${DIRECTORY_SCHEMA}.samspill', ?)`;
  if (PRECISE.test(text)) {
    return {
      where: `${alias}.search_vector @@ ${fts}`,
      whereParams: [text],
      rank: `round((2 * ts_rank_cd(${alias}.search_vector, ${fts}, 1))::numeric, 6)`,
      rankParams: [text],
    };
  }
  const compact = text.replace(/\s+/g, '');
  return {
    // Words: as typed, or joined into one ("lekse hjelp" also finds "Leksehjelp for ungdom").
    where:
      match === 'fuzzy'
        ? `(${DIRECTORY_SCHEMA}.search_text(?) <% ${alias}.search_title or ${DIRECTORY_SCHEMA}.search_text(?) <% ${alias}.search_title)`
        : compact === text
          ? `${alias}.search_vector @@ ${fts}`
          : `${alias}.search_vector @@ (${fts} || websearch_to_tsquery('${DIRECTORY_SCHEMA}.samspill', ?))`,
    whereParams: match === 'fuzzy' ? [text, compact] : compact === text ? [text] : [text, compact],
    // Full-text rank, plus how well the title holds the words (as typed or joined), plus how close
    // the whole title is to the query (so "Leksehjelp" comes before "Leksehjelp for ungdom"). For
    // one word, typed and joined are the same, and the trigrams are compared once per row.
    rank: `round((2 * ts_rank_cd(${alias}.search_vector, ${fts}, 1) + ${
      compact === text
        ? `word_similarity(${DIRECTORY_SCHEMA}.search_text(?), ${alias}.search_title)`
        : `greatest(word_similarity(${DIRECTORY_SCHEMA}.search_text(?), ${alias}.search_title), word_similarity(${DIRECTORY_SCHEMA}.search_text(?), ${alias}.search_title))`
    } + similarity(${DIRECTORY_SCHEMA}.search_text(?), ${alias}.search_title))::numeric, 6)`,
    rankParams: compact === text ? [text, text, text] : [text, text, compact, text],
  };
}

/**
 * A text search: words first, and only when they find nothing (with every other filter applied)
 * the fuzzy title match, which costs a trigram comparison on every candidate row. A precise query
 * (quotes, `-word`, `or`) is never fuzzy. A first page is one statement when the words find
 * something, two when they do not.
 */
export async function wordsThenFuzzy<T>(text: string | undefined, search: (match?: TextMatch) => Promise<Page<T>>): Promise<Page<T>> {
  if (!text) return search();
  const words = await search('words');
  if (words.totalCount > 0 || PRECISE.test(text)) return words;
  return search('fuzzy');
}

export interface RankedQuery<T extends object> {
  readonly entity: EntityName<T>;
  readonly alias: string;
  /** The filtered query (where clauses only), one per call: the call adds its columns and order to it. */
  readonly qb: QueryBuilder<T>;
  /** The SQL expression to order by (then by id), with its parameters; see `KeysetOrder`. */
  readonly order: KeysetOrder;
  readonly relevance?: { readonly sql: string; readonly params: unknown[] };
  readonly distance?: { readonly sql: string; readonly params: unknown[] };
}

/**
 * What a list is ordered by, then by id: a computed number (relevance, distance) or a column. The
 * name keeps one list's cursors from another's; the type says how a cursor holds the value (text
 * and timestamps as PostgreSQL writes them, so that nothing is lost in between).
 */
export interface KeysetOrder {
  readonly sql: string;
  readonly params: unknown[];
  readonly direction: 'asc' | 'desc';
  readonly name: string;
  readonly type?: KeysetValueType;
}

const COLUMN_TYPES: Record<string, KeysetOrder['type']> = { string: 'text', Date: 'timestamptz', number: 'numeric' };

/**
 * A keyset order for an entity's `{ property: direction, id: 'asc' }` order: one text, date-time or
 * number column that is never null (a null would have no place in the keyset), then id.
 */
export function columnOrder<T>(em: EntityManager, entity: EntityName<T>, alias: string, order: QueryOrderMap<T>): KeysetOrder {
  const entries = Object.entries(order as Record<string, string>);
  const meta = em.getMetadata().find(entity as never)!;
  const [property, direction] = entries[0]!;
  const prop = meta.properties[property as never] as { fieldNames?: string[]; runtimeType?: string; nullable?: boolean } | undefined;
  const type = prop?.runtimeType ? COLUMN_TYPES[prop.runtimeType] : undefined;
  if (entries.length !== 2 || entries[1]![0] !== 'id' || entries[1]![1] !== 'asc' || prop?.fieldNames?.length !== 1 || prop.nullable || !type) {
    throw new Error(`${meta.className}: a keyset order is one non-null text, date-time or number column, then id ascending (got ${JSON.stringify(order)})`);
  }
  const way = direction === 'desc' ? 'desc' : 'asc';
  return { sql: `${alias}."${prop.fieldNames[0]}"`, params: [], direction: way, name: `${meta.className}-${property}-${way}`, type };
}

/**
 * Runs a filtered query ordered by a computed value (relevance, distance) or a column, with keyset
 * pagination on (value, id): see `KeysetOrder`. The first page is one statement: every candidate
 * is ordered anyway, so it is counted in the same scan (`count(*) over ()`). A later page is two:
 * the page after the cursor, and the count of all candidates. The nodes are lean rows of the
 * entity's read model, typed as the feature's row `R` (what its field resolvers receive), never entities.
 */
export async function runRankedQuery<T extends { id: string }, R extends { id: string }>(
  em: EntityManager,
  query: RankedQuery<T>,
  page: PageArgs,
): Promise<Page<R>> {
  const { alias, order } = query;
  const signature = keysetSignature(order.name);

  // Lean rows, as the loaders give (lean-rows.ts): a page of results is only read, so it needs no
  // managed entities, whose hydration and change-tracking snapshots were most of a search's CPU.
  const lean = new LeanRows(em, query.entity, false).view('all');
  // A later page also counts every candidate: with the filters as they are, before the cursor's.
  const countQb = page.after ? query.qb.clone() : undefined;
  // Two steps in one statement: a subquery orders (and counts) the candidates with only their id
  // and the values it needs, and only the page's rows are then read whole. The count's window keeps
  // every candidate it has seen: as whole rows, the 14,400 activities of a bydel and its neighbours
  // at size L went past work_mem to disk (60 ms); as ids and values they stay in memory (17 ms).
  const qb = query.qb.select(raw(`${alias}.id`) as never);
  qb.addSelect(raw(`${order.sql} as "sort_value"`, order.params) as never);
  const numeric = (order.type ?? 'numeric') === 'numeric';
  // A column's value as PostgreSQL writes it, for the cursor: a timestamp in ISO 8601 to the
  // microsecond (JSON's form, whatever the session's DateStyle).
  const cursorSql = order.type === 'timestamptz' ? `to_json(${order.sql}) #>> '{}'` : `(${order.sql})::text`;
  const extras = ['sort_value'];
  if (!numeric) {
    qb.addSelect(raw(`${cursorSql} as "cursor_value"`, order.params) as never);
    extras.push('cursor_value');
  }
  // The value ordered by is computed once per candidate row: relevance (trigram comparisons and a
  // full-text rank) or distance, when it is the order, is read from "sort_value".
  const isOrder = (value?: { sql: string; params: unknown[] }) =>
    !!value && value.sql === order.sql && value.params.length === order.params.length && value.params.every((p, i) => p === order.params[i]);
  const relevanceIsOrder = isOrder(query.relevance);
  const distanceIsOrder = isOrder(query.distance);
  if (query.relevance && !relevanceIsOrder) {
    qb.addSelect(raw(`${query.relevance.sql} as "relevance"`, query.relevance.params) as never);
    extras.push('relevance');
  }
  if (query.distance && !distanceIsOrder) {
    qb.addSelect(raw(`${query.distance.sql} as "distance_meters"`, query.distance.params) as never);
    extras.push('distance_meters');
  }

  if (!page.after) {
    qb.addSelect(raw('count(*) over () as "total_count"') as never);
    extras.push('total_count');
  }
  if (page.after) {
    // The supergraph's one cursor format (core's keyset.ts), as core's `paginate` writes it too.
    const { value, id } = decodeKeysetCursor(page.after, signature, order.type ?? 'numeric');
    const comparison = order.direction === 'desc' ? '<' : '>';
    const cast = order.type ?? 'numeric';
    qb.andWhere(`(${order.sql} ${comparison} ?::${cast} or (${order.sql} = ?::${cast} and ${alias}.id > ?))`, [
      ...order.params,
      value,
      ...order.params,
      value,
      id,
    ]);
  }
  qb.orderBy({ [raw('"sort_value"')]: order.direction, id: 'asc' } as never);
  qb.limit(page.first + 1);
  const whole = em
    .createQueryBuilder(query.entity, alias)
    .select(raw(`${lean.columns(alias)}, ${extras.map((column) => `p."${column}"`).join(', ')}`) as never)
    .getKnexQuery()
    .join(qb.getKnexQuery().as('p'), 'p.id', `${alias}.id`)
    .orderByRaw(`p."sort_value" ${order.direction}, p."id" asc`);

  const fetched = em
    .getConnection()
    .execute<Array<Record<string, unknown>>>(whole, [], 'all', em.getTransactionContext())
    .catch((error: unknown) => {
      // A hand-made cursor with a date-time PostgreSQL cannot read (a 13th month …): only the page
      // reads the cursor, and only these codes say so (invalid format, out of range, bad time zone).
      if (page.after && ['22007', '22008', '22009'].includes(String((error as { code?: unknown }).code))) throw badCursor();
      throw error;
    });
  const [rows, counted] = await Promise.all([fetched, countQb ? countQb.getCount() : Promise.resolve(undefined)]);
  // The window count comes with every row; without a row (nothing matched) the total is zero.
  const totalCount = counted ?? (rows.length ? Number(rows[0]!.total_count) : 0);
  const hasNextPage = rows.length > page.first;
  const pageRows = rows.slice(0, page.first);
  const nodes = pageRows.map(
    ({ sort_value, cursor_value: _cursor, relevance: relevanceColumn, distance_meters: distanceColumn, total_count: _total, ...row }) => {
      const entity = lean.map(row) as unknown as R;
      const relevance = relevanceIsOrder ? sort_value : query.relevance ? relevanceColumn : null;
      const distance_meters = distanceIsOrder ? sort_value : query.distance ? distanceColumn : null;
      Object.defineProperty(entity, META, {
        value: { relevance: relevance == null ? null : Number(relevance), distanceMeters: distance_meters == null ? null : Number(distance_meters) },
        enumerable: false,
        configurable: true,
      });
      return entity;
    },
  );
  const cursorOf = (row: Record<string, unknown>) =>
    encodeKeysetCursor(signature, order.type ?? 'numeric', String(numeric ? row.sort_value : row.cursor_value), String(row.id));
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: !!page.after,
      startCursor: pageRows.length ? cursorOf(pageRows[0]!) : null,
      endCursor: pageRows.length ? cursorOf(pageRows.at(-1)!) : null,
    },
  };
}

/**
 * A list that is ranked by relevance when there is search text (words first, then fuzzy: see
 * `wordsThenFuzzy`), and ordered by `order` (a column, then id) otherwise: lean rows either way,
 * and a first page in one statement.
 */
export function listByRelevanceOr<T extends { id: string }, R extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  conditions: FilterQuery<T>[],
  text: string | undefined,
  order: QueryOrderMap<T>,
  page: PageArgs,
): Promise<Page<R>> {
  const filtered = (where: FilterQuery<T>) => em.createQueryBuilder(entity, 'e').where(where) as unknown as QueryBuilder<T>;
  if (!text)
    return runRankedQuery<T, R>(
      em,
      { entity, alias: 'e', qb: filtered((conditions.length ? { $and: conditions } : {}) as FilterQuery<T>), order: columnOrder(em, entity, 'e', order) },
      page,
    );
  const rank = textSearch('e', text);
  const byRelevance = { sql: rank.rank, params: rank.rankParams };
  const name = `${em.getMetadata().find(entity as never)!.className}-relevance`;
  return wordsThenFuzzy(text, (match) => {
    const qb = filtered({ $and: [...conditions, textCondition(text, match)] } as FilterQuery<T>);
    return runRankedQuery<T, R>(em, { entity, alias: 'e', qb, order: { name, ...byRelevance, direction: 'desc' }, relevance: byRelevance }, page);
  });
}

/** A filter condition: the row matches the search text (see `TextMatch`). */
export function textCondition(text: string, match: TextMatch = 'words') {
  return { [raw((alias: string) => textSearch(alias, text, match).where, textSearch('x', text, match).whereParams)]: true };
}
