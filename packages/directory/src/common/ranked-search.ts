import { createHash } from 'node:crypto';

import { type EntityName, type FilterQuery, type QueryOrderMap, raw } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { type Page, type PageArgs, paginate, ValidationError } from '@samspill/core';

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
  const fts = `websearch_to_tsquery('directory.samspill', ?)`;
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
        ? `(directory.search_text(?) <% ${alias}.search_title or directory.search_text(?) <% ${alias}.search_title)`
        : compact === text
          ? `${alias}.search_vector @@ ${fts}`
          : `${alias}.search_vector @@ (${fts} || websearch_to_tsquery('directory.samspill', ?))`,
    whereParams: match === 'fuzzy' ? [text, compact] : compact === text ? [text] : [text, compact],
    // Full-text rank, plus how well the title holds the words (as typed or joined), plus how close
    // the whole title is to the query (so "Leksehjelp" comes before "Leksehjelp for ungdom"). For
    // one word, typed and joined are the same, and the trigrams are compared once per row.
    rank: `round((2 * ts_rank_cd(${alias}.search_vector, ${fts}, 1) + ${
      compact === text
        ? `word_similarity(directory.search_text(?), ${alias}.search_title)`
        : `greatest(word_similarity(directory.search_text(?), ${alias}.search_title), word_similarity(directory.search_text(?), ${alias}.search_title))`
    } + similarity(directory.search_text(?), ${alias}.search_title))::numeric, 6)`,
    rankParams: compact === text ? [text, text, text] : [text, text, compact, text],
  };
}

/**
 * A text search: words first, and only when they find nothing (with every other filter applied)
 * the fuzzy title match, which costs a trigram comparison on every candidate row. A precise query
 * (quotes, `-word`, `or`) is never fuzzy. Two statements when the words find something, four when
 * they do not.
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
  /** A numeric SQL expression to order by, with its parameters. */
  readonly order: { readonly sql: string; readonly params: unknown[]; readonly direction: 'asc' | 'desc'; readonly name: string };
  readonly relevance?: { readonly sql: string; readonly params: unknown[] };
  readonly distance?: { readonly sql: string; readonly params: unknown[] };
}

function badCursor(): ValidationError {
  return ValidationError.field('after', 'is not a cursor from this search: pass a pageInfo.endCursor you received');
}

/**
 * Runs a filtered query ordered by a computed value (relevance or distance) with keyset
 * pagination on (value, id). The first page is one statement: every candidate is ranked anyway, so
 * it is counted in the same scan (`count(*) over ()`). A later page is two: the page after the
 * cursor, and the count of all candidates.
 */
export async function runRankedQuery<T extends { id: string }>(em: EntityManager, query: RankedQuery<T>, page: PageArgs): Promise<Page<T>> {
  const { alias, order } = query;
  const signature = createHash('sha256').update(order.name).digest('base64url').slice(0, 6);

  // Lean rows, as the loaders give (lean-rows.ts): a page of results is only read, so it needs no
  // managed entities, whose hydration and change-tracking snapshots were most of a search's CPU.
  const lean = new LeanRows(em, query.entity, false).view('all');
  // A later page also counts every candidate: with the filters as they are, before the cursor's.
  const countQb = page.after ? query.qb.clone() : undefined;
  const qb = query.qb.select(raw(lean.columns(alias)) as never);
  qb.addSelect(raw(`${order.sql} as "sort_value"`, order.params) as never);
  // The value ordered by is computed once per candidate row: relevance (trigram comparisons and a
  // full-text rank) or distance, when it is the order, is read from "sort_value".
  const isOrder = (value?: { sql: string; params: unknown[] }) =>
    !!value && value.sql === order.sql && value.params.length === order.params.length && value.params.every((p, i) => p === order.params[i]);
  const relevanceIsOrder = isOrder(query.relevance);
  const distanceIsOrder = isOrder(query.distance);
  if (query.relevance && !relevanceIsOrder) qb.addSelect(raw(`${query.relevance.sql} as "relevance"`, query.relevance.params) as never);
  if (query.distance && !distanceIsOrder) qb.addSelect(raw(`${query.distance.sql} as "distance_meters"`, query.distance.params) as never);

  if (!page.after) qb.addSelect(raw('count(*) over () as "total_count"') as never);
  if (page.after) {
    const [prefix, value, id] = page.after.split('~');
    if (prefix !== signature || !value || !id || !/^-?\d+(\.\d+)?$/.test(value) || !/^[0-9a-f-]{36}$/i.test(id)) throw badCursor();
    const comparison = order.direction === 'desc' ? '<' : '>';
    qb.andWhere(`(${order.sql} ${comparison} ?::numeric or (${order.sql} = ?::numeric and ${alias}.id > ?))`, [
      ...order.params,
      value,
      ...order.params,
      value,
      id,
    ]);
  }
  qb.orderBy({ [raw('"sort_value"')]: order.direction, id: 'asc' } as never);
  qb.limit(page.first + 1);

  const [rows, counted] = await Promise.all([
    qb.execute<Array<Record<string, unknown>>>('all', false),
    countQb ? countQb.getCount() : Promise.resolve(undefined),
  ]);
  // The window count comes with every row; without a row (nothing matched) the total is zero.
  const totalCount = counted ?? (rows.length ? Number(rows[0]!.total_count) : 0);
  const hasNextPage = rows.length > page.first;
  const pageRows = rows.slice(0, page.first);
  const nodes = pageRows.map(({ sort_value, relevance: relevanceColumn, distance_meters: distanceColumn, total_count: _total, ...row }) => {
    const entity = lean.map(row) as T;
    const relevance = relevanceIsOrder ? sort_value : query.relevance ? relevanceColumn : null;
    const distance_meters = distanceIsOrder ? sort_value : query.distance ? distanceColumn : null;
    Object.defineProperty(entity, META, {
      value: { relevance: relevance == null ? null : Number(relevance), distanceMeters: distance_meters == null ? null : Number(distance_meters) },
      enumerable: false,
      configurable: true,
    });
    return entity;
  });
  const cursorOf = (row: Record<string, unknown>) => `${signature}~${String(row.sort_value)}~${String(row.id)}`;
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
 * `wordsThenFuzzy`), and ordered by `order` otherwise.
 */
export function listByRelevanceOr<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  conditions: FilterQuery<T>[],
  text: string | undefined,
  order: QueryOrderMap<T>,
  page: PageArgs,
): Promise<Page<T>> {
  if (!text) return paginate(em, entity, (conditions.length ? { $and: conditions } : {}) as FilterQuery<T>, order, page);
  const rank = textSearch('e', text);
  const byRelevance = { sql: rank.rank, params: rank.rankParams };
  return wordsThenFuzzy(text, (match) => {
    const where = { $and: [...conditions, textCondition(text, match)] } as FilterQuery<T>;
    const qb = em.createQueryBuilder(entity, 'e').where(where) as unknown as QueryBuilder<T>;
    return runRankedQuery(
      em,
      { entity, alias: 'e', qb, order: { name: `${String(entity)}-relevance`, ...byRelevance, direction: 'desc' }, relevance: byRelevance },
      page,
    );
  });
}

/** A filter condition: the row matches the search text (see `TextMatch`). */
export function textCondition(text: string, match: TextMatch = 'words') {
  return { [raw((alias: string) => textSearch(alias, text, match).where, textSearch('x', text, match).whereParams)]: true };
}
