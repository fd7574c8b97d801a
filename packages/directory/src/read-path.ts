import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, preparedRead, type Principal } from '@samspill/core';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';

import type { PolicyTime } from './common/policy.js';
import { DIRECTORY_SCHEMA } from './directory-schema.js';
import { LeanRows, nestedSelectionsFor, type ReadModel, type ReadModels, type Selection, selectionFor, signatureOf, unionOf } from './lean-rows.js';
import type { BydelCatalogue } from './modules/bydeler/bydel.catalogue.js';
import type { BydelEntity } from './modules/bydeler/bydel.entity.js';

type WithId = { id: string };

/**
 * A loader whose rows carry only the columns the operation needs: `load(key, info)` loads the
 * display-only columns the fields selected under `info` show (see lean-rows.ts); `load(key)`
 * loads every column. One statement per batch, with the union of the batch's selections.
 */
export interface ProjectedLoader<K, V> {
  /** The value itself when a join primed it (no promise to wait for), else a promise of it. */
  load(key: K, info?: GraphQLResolveInfo): V | Promise<V>;
  /** Caches a value loaded elsewhere (a join) for `load(key, info)` where `info` gives `selection`. */
  prime(key: K, selection: Selection, value: V): void;
  /** Forgets every row loaded or primed so far: a write made them stale (a service reads its result back after this). */
  forget(): void;
}

interface Want<K> {
  readonly key: K;
  readonly selection: Selection;
  /** What the related row's loader will be asked for, where the selection shows the joined relation. */
  readonly joined: readonly Selection[];
}

/**
 * A many-to-one relation loaded in the same statement as the rows that point to it (a left join),
 * when the operation selects the field that shows it: the related rows prime their own loader, so
 * resolving that field costs no statement of its own.
 */
export interface Join<J> {
  /** The GraphQL field that shows the related row, e.g. `contactPerson`. */
  readonly field: string;
  readonly entity: EntityName<J>;
  readonly table: string;
  /** The column of the loaded rows that holds the related row's id. */
  readonly column: string;
  readonly loader: ProjectedLoader<string, J | null>;
}

export interface FirstOf {
  readonly key: string;
  /** At most this many per key. */
  readonly first: number;
}

/**
 * What one request's loaders share, and how a feature builds its loaders: the entity manager, the
 * caller, the bydel catalogue, the read models of every feature, and the selections worked out so
 * far. A feature's module asks it for loaders (`byId`, `byParent`, `firstPerKey`, …); the same
 * entity's `byId` loader is one per request, whichever feature asks for it.
 */
export class LoaderKit {
  private readonly selections = new WeakMap<object, Map<unknown, Selection>>();
  private readonly nested = new WeakMap<object, Map<string, readonly Selection[]>>();
  private readonly byIdLoaders = new Map<unknown, ProjectedLoader<string, unknown>>();

  constructor(
    readonly em: EntityManager,
    readonly principal: Principal,
    readonly bydeler: BydelCatalogue,
    private readonly readModels: ReadModels,
    private readonly strict: boolean,
    /** The moment the request's visibility rules are read at. */
    readonly time: PolicyTime,
  ) {}

  lean<T>(entity: EntityName<T>): LeanRows<T> {
    return new LeanRows(this.em, entity, this.strict, this.readModels.get(entity) as ReadModel<T> | undefined);
  }

  private table(entity: unknown): string {
    return this.em.getMetadata().find(entity as never)!.tableName;
  }

  /** `info.fieldNodes` is the same array for every item of a list, so each field is parsed once. */
  selection(entity: unknown, info: GraphQLResolveInfo | undefined): Selection {
    if (!info) return 'all';
    let byEntity = this.selections.get(info.fieldNodes);
    if (!byEntity) this.selections.set(info.fieldNodes, (byEntity = new Map()));
    let selection = byEntity.get(entity);
    if (!selection) byEntity.set(entity, (selection = selectionFor(this.readModels.get(entity), info)));
    return selection;
  }

  /** Where the fields selected under `info` show `join.field`: what its loader will be asked for. */
  joined(join: Join<unknown> | undefined, info: GraphQLResolveInfo | undefined): readonly Selection[] {
    if (!join || !info) return [];
    let byField = this.nested.get(info.fieldNodes);
    if (!byField) this.nested.set(info.fieldNodes, (byField = new Map()));
    let joined = byField.get(join.field);
    if (!joined) byField.set(join.field, (joined = nestedSelectionsFor(info, join.field, this.readModels.get(join.entity))));
    return joined;
  }

  projected<K, V>(
    entity: unknown,
    keyOf: (key: K) => string,
    batch: (keys: ReadonlyArray<K>, selection: Selection, joined: readonly Selection[]) => Promise<V[]>,
    join?: Join<unknown>,
  ): ProjectedLoader<K, V> {
    const cacheKey = (key: K, selection: Selection) => `${keyOf(key)}|${signatureOf(selection)}`;
    // The rows depend on the selection only; what a join primes with them on what it joins, so a
    // load that joins is not answered by the cached rows of one that did not.
    const wantKey = (want: Want<K>) =>
      want.joined.length ? `${cacheKey(want.key, want.selection)}|${want.joined.map(signatureOf).join(';')}` : cacheKey(want.key, want.selection);
    const loader = new DataLoader<Want<K>, V, string>(
      (wants) =>
        batch(
          wants.map((w) => w.key),
          unionOf(wants.map((w) => w.selection)),
          distinct(wants.flatMap((w) => w.joined)),
        ),
      { cacheKeyFn: wantKey },
    );
    // Primed values are handed out as they are: a field that resolves to one stays synchronous, and
    // graphql-js completes its object without a promise.
    const primed = new Map<string, V>();
    return {
      load: (key, info) => {
        const selection = this.selection(entity, info);
        return primed.get(cacheKey(key, selection)) ?? loader.load({ key, selection, joined: this.joined(join, info) });
      },
      prime: (key, selection, value) => {
        const at = cacheKey(key, selection);
        if (!primed.has(at)) primed.set(at, value);
      },
      forget: () => {
        loader.clearAll();
        primed.clear();
      },
    };
  }

  /** Rows by id, one statement per batch; one loader per entity and request. */
  byId<T extends WithId>(entity: EntityName<T>): ProjectedLoader<string, T | null> {
    let loader = this.byIdLoaders.get(entity) as ProjectedLoader<string, T | null> | undefined;
    if (!loader) {
      const lean = this.lean(entity);
      const table = this.table(entity);
      loader = this.projected(entity, String, async (ids, selection) => {
        const view = lean.view(selection);
        const valid = ids.filter(isUuid);
        const rows = valid.length
          ? await preparedRead(this.em, `select ${view.columns('t')} from "${DIRECTORY_SCHEMA}".${table} t where t.id in (?)`, [valid])
          : [];
        const map = new Map(rows.map((row) => [row.id as string, view.map(row)]));
        return ids.map((id) => map.get(id) ?? null);
      });
      this.byIdLoaders.set(entity, loader as ProjectedLoader<string, unknown>);
    }
    return loader;
  }

  /** Lean rows grouped by the id of a many-to-one parent (column `parentColumn`), ordered by `orderSql`. */
  rowsByParent<T extends object>(entity: EntityName<T>, parentColumn: string, orderSql: string): ProjectedLoader<string, T[]> {
    const lean = this.lean(entity);
    const table = this.table(entity);
    return this.projected(entity, String, async (parentIds, selection) => {
      const view = lean.view(selection);
      const rows = await preparedRead(
        this.em,
        `select ${view.columns('t')} from "${DIRECTORY_SCHEMA}".${table} t where t.${parentColumn} in (?) order by ${orderSql}`,
        [[...parentIds]],
      );
      const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
      for (const row of rows) groups.get(row[parentColumn] as string)?.push(view.map(row));
      return parentIds.map((id) => groups.get(id)!);
    });
  }

  /** Rows grouped by the id of a many-to-one parent (`organisation`), in one statement per batch. */
  byParent<T extends object>(
    entity: EntityName<T>,
    parent: keyof T & string,
    where: FilterQuery<T> | null,
    orderBy: Record<string, 'asc' | 'desc'>,
  ): DataLoader<string, T[]> {
    const { em } = this;
    return new DataLoader(async (parentIds) => {
      if (where === null) return parentIds.map(() => []);
      const rows = await em.find(entity, { $and: [{ [parent]: { $in: [...parentIds] } }, where] } as FilterQuery<T>, { orderBy } as never);
      const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
      for (const row of rows) groups.get((row[parent] as WithId).id)?.push(row);
      return parentIds.map((id) => groups.get(id)!);
    });
  }

  /** The bydeler a pivot table links to each key, by code: the codes from the pivot, the rows from the catalogue. */
  bydelerThroughPivot(pivot: string, keyColumn: string): DataLoader<string, BydelEntity[]> {
    const { em, bydeler } = this;
    return new DataLoader(async (keys) => {
      const rows = await preparedRead<{ key: string; bydel_code: string }>(
        em,
        `select p.${keyColumn} as key, p.bydel_code from "${DIRECTORY_SCHEMA}".${pivot} p where p.${keyColumn} in (?)`,
        [[...keys]],
      );
      const codes = new Map<string, string[]>(keys.map((key) => [key, []]));
      for (const row of rows) codes.get(row.key)?.push(row.bydel_code);
      return keys.map((key) => bydeler.many(codes.get(key)!));
    });
  }

  /**
   * The first `first` rows per key, cut in SQL with a window function, in one statement per batch
   * (per distinct `first`): a bydel with a thousand organisations costs the five asked for.
   * `sql(columns)` selects the given columns plus `pivot_key` and `pivot_rank` (1-based).
   */
  firstPerKey<T extends object, J = never>(
    entity: EntityName<T>,
    sql: (columns: string) => string,
    extraParams: unknown[] = [],
    join?: Join<J>,
  ): ProjectedLoader<FirstOf, T[]> {
    const lean = this.lean(entity);
    const joinLean = join && this.lean(join.entity);
    return this.projected(
      entity,
      (k) => `${k.key}:${k.first}`,
      async (keys, selection, joined) => {
        const view = lean.view(selection);
        // The related rows come as "j__<column>", with every selection asked for there; each primes
        // the related loader with the view of its own selection.
        const joining =
          join && joinLean && joined.length
            ? { join, union: joinLean.view(unionOf(joined), 'j__'), views: joined.map((s) => [s, joinLean.view(s, 'j__')] as const) }
            : null;
        const from = joining
          ? `select ranked.*, ${joining.union.columns('j')} from (${sql(view.columns('t'))}) ranked
               left join "${DIRECTORY_SCHEMA}".${joining.join.table} j on j.id = ranked.${joining.join.column}`
          : `select * from (${sql(view.columns('t'))}) ranked`;
        const result = new Map<string, T[]>();
        for (const first of new Set(keys.map((k) => k.first))) {
          const group = [...new Set(keys.filter((k) => k.first === first).map((k) => k.key))];
          const rows = await preparedRead<Record<string, unknown> & { pivot_key: string }>(
            this.em,
            `${from} where pivot_rank <= ? order by pivot_key, pivot_rank`,
            [group, ...extraParams, first],
          );
          for (const key of group) result.set(`${key}:${first}`, []);
          for (const row of rows) {
            result.get(`${row.pivot_key}:${first}`)!.push(view.map(row));
            if (joining && row.j__id != null) for (const [s, v] of joining.views) joining.join.loader.prime(row.j__id as string, s, v.map(row));
          }
        }
        return keys.map((k) => result.get(`${k.key}:${k.first}`)!);
      },
      join as Join<unknown> | undefined,
    );
  }
}

function distinct(selections: readonly Selection[]): Selection[] {
  const bySignature = new Map<string, Selection>();
  for (const selection of selections) bySignature.set(signatureOf(selection), selection);
  return [...bySignature.values()];
}
