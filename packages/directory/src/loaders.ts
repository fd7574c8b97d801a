import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isAuthenticated, isUuid, type Principal } from '@samspill/core';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';

import { DIRECTORY_SCHEMA } from './directory-schema.js';
import { LeanRows, nestedSelectionsFor, type Selection, selectionFor, signatureOf, unionOf } from './lean-rows.js';
import { ActivityEntity } from './modules/activities/activity.entity.js';
import type { BydelCatalogue } from './modules/bydeler/bydel.catalogue.js';
import type { BydelEntity } from './modules/bydeler/bydel.entity.js';
import { ContactPersonEntity } from './modules/contact-persons/contact-person.entity.js';
import { LocationEntity } from './modules/locations/location.entity.js';
import { OfferStatus } from './modules/offers/offer-enums.js';
import { petCareVisibility } from './modules/offers/offer-visibility.js';
import { OrganisationEntity } from './modules/organisations/organisation.entity.js';
import { VolunteerRoutineEntity } from './modules/organisations/volunteer-routine.entity.js';
import { PetCareOfferEntity } from './modules/pet-care/pet-care-offer.entity.js';

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

/** What one request's loaders share: the entity manager, and the selections worked out so far. */
class ReadPath {
  private readonly selections = new WeakMap<object, Map<unknown, Selection>>();
  private readonly nested = new WeakMap<object, Map<string, readonly Selection[]>>();

  constructor(
    readonly em: EntityManager,
    private readonly strict: boolean,
  ) {}

  lean<T>(entity: EntityName<T>): LeanRows<T> {
    return new LeanRows(this.em, entity, this.strict);
  }

  /** `info.fieldNodes` is the same array for every item of a list, so each field is parsed once. */
  selection(entity: unknown, info: GraphQLResolveInfo | undefined): Selection {
    if (!info) return 'all';
    let byEntity = this.selections.get(info.fieldNodes);
    if (!byEntity) this.selections.set(info.fieldNodes, (byEntity = new Map()));
    let selection = byEntity.get(entity);
    if (!selection) byEntity.set(entity, (selection = selectionFor(entity, info)));
    return selection;
  }

  /** Where the fields selected under `info` show `join.field`: what its loader will be asked for. */
  joined(join: Join<unknown> | undefined, info: GraphQLResolveInfo | undefined): readonly Selection[] {
    if (!join || !info) return [];
    let byField = this.nested.get(info.fieldNodes);
    if (!byField) this.nested.set(info.fieldNodes, (byField = new Map()));
    let joined = byField.get(join.field);
    if (!joined) byField.set(join.field, (joined = nestedSelectionsFor(info, join.field, join.entity)));
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
    };
  }
}

function distinct(selections: readonly Selection[]): Selection[] {
  const bySignature = new Map<string, Selection>();
  for (const selection of selections) bySignature.set(signatureOf(selection), selection);
  return [...bySignature.values()];
}

function byId<T extends WithId>(path: ReadPath, entity: EntityName<T>, table: string): ProjectedLoader<string, T | null> {
  const lean = path.lean(entity);
  return path.projected(entity, String, async (ids, selection) => {
    const view = lean.view(selection);
    const valid = ids.filter(isUuid);
    const rows = valid.length
      ? await path.em.execute<Array<Record<string, unknown>>>(`select ${view.columns('t')} from "${DIRECTORY_SCHEMA}".${table} t where t.id in (?)`, [valid])
      : [];
    const map = new Map(rows.map((row) => [row.id as string, view.map(row)]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Rows grouped by the id of a many-to-one parent (`organisation`), in one statement per batch. */
function byParent<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  parent: keyof T & string,
  where: FilterQuery<T> | null,
  orderBy: Record<string, 'asc' | 'desc'>,
): DataLoader<string, T[]> {
  return new DataLoader(async (parentIds) => {
    if (where === null) return parentIds.map(() => []);
    const rows = await em.find(entity, { $and: [{ [parent]: { $in: [...parentIds] } }, where] } as FilterQuery<T>, { orderBy } as never);
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) groups.get((row[parent] as WithId).id)?.push(row);
    return parentIds.map((id) => groups.get(id)!);
  });
}

/** The bydeler a pivot table links to each key, by code: the codes from the pivot, the rows from the catalogue. */
function bydelerThroughPivot(em: EntityManager, bydeler: BydelCatalogue, pivot: string, keyColumn: string): DataLoader<string, BydelEntity[]> {
  return new DataLoader(async (keys) => {
    const rows = await em.execute<Array<{ key: string; bydel_code: string }>>(
      `select p.${keyColumn} as key, p.bydel_code from "${DIRECTORY_SCHEMA}".${pivot} p where p.${keyColumn} in (?)`,
      [[...keys]],
    );
    const codes = new Map<string, string[]>(keys.map((key) => [key, []]));
    for (const row of rows) codes.get(row.key)?.push(row.bydel_code);
    return keys.map((key) => bydeler.many(codes.get(key)!));
  });
}

export interface FirstOf {
  readonly key: string;
  /** At most this many per key. */
  readonly first: number;
}

/**
 * The first `first` rows per key, cut in SQL with a window function, in one statement per batch
 * (per distinct `first`): a bydel with a thousand organisations costs the five asked for.
 * `sql(columns)` selects the given columns plus `pivot_key` and `pivot_rank` (1-based).
 */
function firstPerKey<T extends object, J = never>(
  path: ReadPath,
  entity: EntityName<T>,
  sql: (columns: string) => string,
  extraParams: unknown[] = [],
  join?: Join<J>,
): ProjectedLoader<FirstOf, T[]> {
  const lean = path.lean(entity);
  const joinLean = join && path.lean(join.entity);
  return path.projected(
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
        const rows = await path.em.execute<Array<Record<string, unknown> & { pivot_key: string }>>(
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

/** Contact persons per organisation, by name, as lean rows. */
function contactPersonsByOrganisation(path: ReadPath): ProjectedLoader<string, ContactPersonEntity[]> {
  const lean = path.lean(ContactPersonEntity);
  return path.projected(ContactPersonEntity, String, async (organisationIds, selection) => {
    const view = lean.view(selection);
    const rows = await path.em.execute<Array<Record<string, unknown>>>(
      `select ${view.columns('t')} from "${DIRECTORY_SCHEMA}".contact_person t where t.organisation_id in (?) order by t.name, t.id`,
      [[...organisationIds]],
    );
    const groups = new Map<string, ContactPersonEntity[]>(organisationIds.map((id) => [id, []]));
    for (const row of rows) groups.get(row.organisation_id as string)?.push(view.map(row));
    return organisationIds.map((id) => groups.get(id)!);
  });
}

/**
 * One set of loaders per request, made with that request's entity manager fork and caller: every
 * relation a field resolver reads goes through one of these, so a list costs a fixed number of
 * SQL statements whatever its length. Lists of offers are filtered by what the caller may see.
 */
export function createLoaders(em: EntityManager, principal: Principal, bydeler: BydelCatalogue, options: { strictRows?: boolean } = {}) {
  const path = new ReadPath(em, options.strictRows ?? false);
  const petCare = petCareVisibility(principal);
  const publishedPetCare = petCare && ({ $and: [{ status: OfferStatus.PUBLISHED }, petCare] } as FilterQuery<PetCareOfferEntity>);
  const contactPerson = byId(path, ContactPersonEntity, 'contact_person');
  return {
    organisation: byId(path, OrganisationEntity, 'organisation'),
    location: byId(path, LocationEntity, 'location'),
    contactPerson,
    activity: byId(path, ActivityEntity, 'activity'),
    petCareOffer: byId(path, PetCareOfferEntity, 'pet_care_offer'),
    contactPersonsByOrganisation: contactPersonsByOrganisation(path),
    volunteerRoutinesByOrganisation: byParent(em, VolunteerRoutineEntity, 'organisation', {}, { requirement: 'asc' }),
    /** Published activities the caller may see, by title: the first N per organisation. */
    publishedActivitiesByOrganisation: firstPerKey(
      path,
      ActivityEntity,
      (columns) => `select ${columns}, t.organisation_id as pivot_key,
              row_number() over (partition by t.organisation_id order by t.title, t.id) as pivot_rank
         from "${DIRECTORY_SCHEMA}".activity t
        where t.organisation_id in (?) and t.status = 'PUBLISHED' and (?::boolean or t.audience = 'PUBLIC')`,
      [isAuthenticated(principal)],
      // Only signed-in callers may see an activity's contact person: nobody else's rows bring it.
      isAuthenticated(principal)
        ? { field: 'contactPerson', entity: ContactPersonEntity, table: 'contact_person', column: 'contact_person_id', loader: contactPerson }
        : undefined,
    ),
    publishedPetCareOffersByOrganisation: byParent(em, PetCareOfferEntity, 'organisation', publishedPetCare, { title: 'asc' }),
    /** Organisations serving a bydel, by name: the first N per bydel. */
    organisationsByBydel: firstPerKey(
      path,
      OrganisationEntity,
      (columns) => `select ${columns}, p.bydel_code as pivot_key,
              row_number() over (partition by p.bydel_code order by t.name, t.id) as pivot_rank
         from "${DIRECTORY_SCHEMA}".organisation t join "${DIRECTORY_SCHEMA}".organisation_bydel p on p.organisation_id = t.id
        where p.bydel_code in (?)`,
    ),
    bydelerByOrganisation: bydelerThroughPivot(em, bydeler, 'organisation_bydel', 'organisation_id'),
    bydelerByPetCareOffer: bydelerThroughPivot(em, bydeler, 'pet_care_offer_bydel', 'pet_care_offer_id'),
  };
}

export type DirectoryLoaders = ReturnType<typeof createLoaders>;
