import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isAuthenticated, isUuid, type Principal } from '@samspill/core';
import DataLoader from 'dataloader';

import { DIRECTORY_SCHEMA } from './directory-schema.js';
import { ActivityEntity } from './modules/activities/activity.entity.js';
import { BydelEntity } from './modules/bydeler/bydel.entity.js';
import { ContactPersonEntity } from './modules/contact-persons/contact-person.entity.js';
import { LocationEntity } from './modules/locations/location.entity.js';
import { OfferStatus } from './modules/offers/offer-enums.js';
import { petCareVisibility } from './modules/offers/offer-visibility.js';
import { OrganisationEntity } from './modules/organisations/organisation.entity.js';
import { VolunteerRoutineEntity } from './modules/organisations/volunteer-routine.entity.js';
import { PetCareOfferEntity } from './modules/pet-care/pet-care-offer.entity.js';

type WithId = { id: string };

/**
 * The read path's rows: plain objects shaped like the entity (same property names; a many-to-one
 * relation as `{ id }`), built from a row without hydrating a managed entity. What field
 * resolvers read never changes, so it needs no identity map or change-tracking snapshot — which
 * were most of a list's cost. Services load managed entities of their own.
 */
function leanMapper<T>(em: EntityManager, entity: EntityName<T>): LeanMapper<T> {
  let mapper = leanMappers.get(entity) as LeanMapper<T> | undefined;
  if (!mapper) {
    mapper = buildLeanMapper(em, entity);
    leanMappers.set(entity, mapper);
  }
  return mapper;
}

interface LeanMapper<T> {
  columns: (alias: string) => string;
  map: (row: Record<string, unknown>) => T;
}

/** Built once per entity class: the metadata does not change while the process runs. */
const leanMappers = new Map<unknown, LeanMapper<unknown>>();

function buildLeanMapper<T>(em: EntityManager, entity: EntityName<T>): LeanMapper<T> {
  const meta = em.getMetadata().find(entity as never)!;
  const props = meta.props.filter((p) => !p.lazy && p.persist !== false && p.fieldNames?.length === 1 && (p.kind === 'scalar' || p.kind === 'm:1'));
  const plan = props.map((p) => ({ name: p.name, field: p.fieldNames[0]!, key: p.kind === 'm:1' ? p.targetMeta!.primaryKeys[0]! : null }));
  return {
    columns: (alias) => plan.map((p) => `${alias}."${p.field}"`).join(', '),
    map: (row) => {
      const out: Record<string, unknown> = {};
      for (const p of plan) {
        const value = row[p.field];
        out[p.name] = p.key === null ? value : value == null ? null : { [p.key]: value };
      }
      return out as T;
    },
  };
}

function byId<T extends WithId>(em: EntityManager, entity: EntityName<T>, table: string): DataLoader<string, T | null> {
  const lean = leanMapper(em, entity);
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length
      ? await em.execute<Array<Record<string, unknown>>>(`select ${lean.columns('t')} from "${DIRECTORY_SCHEMA}".${table} t where t.id in (?)`, [valid])
      : [];
    const map = new Map(rows.map((row) => [row.id as string, lean.map(row)]));
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

/** Entities reached through a pivot table, grouped by the key on the other side, in one statement. */
function throughPivot<T extends object>(em: EntityManager, entity: EntityName<T>, sql: (schema: string) => string): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await em.execute<Array<Record<string, unknown> & { pivot_key: string }>>(sql(DIRECTORY_SCHEMA), [[...keys]]);
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const { pivot_key, ...row } of rows) groups.get(pivot_key)?.push(em.map(entity, row as never));
    return keys.map((key) => groups.get(key)!);
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
 * `sql(first)` selects the entity's columns plus `pivot_key` and `pivot_rank` (1-based).
 */
function firstPerKey<T extends object>(em: EntityManager, entity: EntityName<T>, sql: string, extraParams: unknown[] = []): DataLoader<FirstOf, T[], string> {
  const lean = leanMapper(em, entity);
  return new DataLoader<FirstOf, T[], string>(
    async (keys) => {
      const result = new Map<string, T[]>();
      for (const first of new Set(keys.map((k) => k.first))) {
        const group = [...new Set(keys.filter((k) => k.first === first).map((k) => k.key))];
        const rows = await em.execute<Array<Record<string, unknown> & { pivot_key: string }>>(
          `select * from (${sql}) ranked where pivot_rank <= ? order by pivot_key, pivot_rank`,
          [group, ...extraParams, first],
        );
        for (const key of group) result.set(`${key}:${first}`, []);
        for (const row of rows) result.get(`${row.pivot_key}:${first}`)!.push(lean.map(row));
      }
      return keys.map((k) => result.get(`${k.key}:${k.first}`)!);
    },
    { cacheKeyFn: (k) => `${k.key}:${k.first}` },
  );
}

/** Contact persons per organisation, by name, as lean rows. */
function contactPersonsByOrganisation(em: EntityManager): DataLoader<string, ContactPersonEntity[]> {
  const lean = leanMapper(em, ContactPersonEntity);
  return new DataLoader(async (organisationIds) => {
    const rows = await em.execute<Array<Record<string, unknown>>>(
      `select ${lean.columns('c')} from "${DIRECTORY_SCHEMA}".contact_person c where c.organisation_id in (?) order by c.name, c.id`,
      [[...organisationIds]],
    );
    const groups = new Map<string, ContactPersonEntity[]>(organisationIds.map((id) => [id, []]));
    for (const row of rows) groups.get(row.organisation_id as string)?.push(lean.map(row));
    return organisationIds.map((id) => groups.get(id)!);
  });
}

/**
 * One set of loaders per request, made with that request's entity manager fork and caller: every
 * relation a field resolver reads goes through one of these, so a list costs a fixed number of
 * SQL statements whatever its length. Lists of offers are filtered by what the caller may see.
 */
export function createLoaders(em: EntityManager, principal: Principal) {
  const petCare = petCareVisibility(principal);
  const publishedPetCare = petCare && ({ $and: [{ status: OfferStatus.PUBLISHED }, petCare] } as FilterQuery<PetCareOfferEntity>);
  return {
    bydel: new DataLoader<string, BydelEntity | null>(async (codes) => {
      const rows = await em.find(BydelEntity, { code: { $in: [...codes] } });
      const map = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => map.get(code) ?? null);
    }),
    /** All 15 administrative bydeler (one key, `all`): what a shelter serves. */
    administrativeBydeler: new DataLoader<'all', BydelEntity[]>(async (keys) => {
      const rows = await em.find(BydelEntity, { administrative: true }, { orderBy: { code: 'asc' } });
      return keys.map(() => rows);
    }),
    organisation: byId(em, OrganisationEntity, 'organisation'),
    location: byId(em, LocationEntity, 'location'),
    contactPerson: byId(em, ContactPersonEntity, 'contact_person'),
    activity: byId(em, ActivityEntity, 'activity'),
    petCareOffer: byId(em, PetCareOfferEntity, 'pet_care_offer'),
    contactPersonsByOrganisation: contactPersonsByOrganisation(em),
    volunteerRoutinesByOrganisation: byParent(em, VolunteerRoutineEntity, 'organisation', {}, { requirement: 'asc' }),
    /** Published activities the caller may see, by title: the first N per organisation. */
    publishedActivitiesByOrganisation: firstPerKey(
      em,
      ActivityEntity,
      `select ${leanMapper(em, ActivityEntity).columns('a')}, a.organisation_id as pivot_key,
              row_number() over (partition by a.organisation_id order by a.title, a.id) as pivot_rank
         from "${DIRECTORY_SCHEMA}".activity a
        where a.organisation_id in (?) and a.status = 'PUBLISHED' and (?::boolean or a.audience = 'PUBLIC')`,
      [isAuthenticated(principal)],
    ),
    publishedPetCareOffersByOrganisation: byParent(em, PetCareOfferEntity, 'organisation', publishedPetCare, { title: 'asc' }),
    /** Organisations serving a bydel, by name: the first N per bydel. */
    organisationsByBydel: firstPerKey(
      em,
      OrganisationEntity,
      `select ${leanMapper(em, OrganisationEntity).columns('o')}, p.bydel_code as pivot_key,
              row_number() over (partition by p.bydel_code order by o.name, o.id) as pivot_rank
         from "${DIRECTORY_SCHEMA}".organisation o join "${DIRECTORY_SCHEMA}".organisation_bydel p on p.organisation_id = o.id
        where p.bydel_code in (?)`,
    ),
    bydelerByOrganisation: throughPivot(
      em,
      BydelEntity,
      (s) => `select b.*, p.organisation_id as pivot_key from "${s}".bydel b
              join "${s}".organisation_bydel p on p.bydel_code = b.code
              where p.organisation_id in (?) order by b.code`,
    ),
    bydelerByPetCareOffer: throughPivot(
      em,
      BydelEntity,
      (s) => `select b.*, p.pet_care_offer_id as pivot_key from "${s}".bydel b
              join "${s}".pet_care_offer_bydel p on p.bydel_code = b.code
              where p.pet_care_offer_id in (?) order by b.code`,
    ),
  };
}

export type DirectoryLoaders = ReturnType<typeof createLoaders>;
