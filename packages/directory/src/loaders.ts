import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, type Principal } from '@samspill/core';
import DataLoader from 'dataloader';

import { DIRECTORY_SCHEMA } from './directory-schema.js';
import { ActivityEntity } from './modules/activities/activity.entity.js';
import { BydelEntity } from './modules/bydeler/bydel.entity.js';
import { ContactPersonEntity } from './modules/contact-persons/contact-person.entity.js';
import { LocationEntity } from './modules/locations/location.entity.js';
import { OfferStatus } from './modules/offers/offer-enums.js';
import { activityVisibility, petCareVisibility } from './modules/offers/offer-visibility.js';
import { OrganisationEntity } from './modules/organisations/organisation.entity.js';
import { VolunteerRoutineEntity } from './modules/organisations/volunteer-routine.entity.js';
import { PetCareOfferEntity } from './modules/pet-care/pet-care-offer.entity.js';

type WithId = { id: string };

function byId<T extends WithId>(em: EntityManager, entity: EntityName<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await em.find(entity, { id: { $in: valid } } as unknown as FilterQuery<T>) : [];
    const map = new Map(rows.map((row) => [row.id, row]));
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

/**
 * One set of loaders per request, made with that request's entity manager fork and caller: every
 * relation a field resolver reads goes through one of these, so a list costs a fixed number of
 * SQL statements whatever its length. Lists of offers are filtered by what the caller may see.
 */
export function createLoaders(em: EntityManager, principal: Principal) {
  const publishedActivities = { $and: [{ status: OfferStatus.PUBLISHED }, activityVisibility(principal)] } as FilterQuery<ActivityEntity>;
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
    organisation: byId(em, OrganisationEntity),
    location: byId(em, LocationEntity),
    contactPerson: byId(em, ContactPersonEntity),
    activity: byId(em, ActivityEntity),
    petCareOffer: byId(em, PetCareOfferEntity),
    contactPersonsByOrganisation: byParent(em, ContactPersonEntity, 'organisation', {}, { name: 'asc' }),
    volunteerRoutinesByOrganisation: byParent(em, VolunteerRoutineEntity, 'organisation', {}, { requirement: 'asc' }),
    publishedActivitiesByOrganisation: byParent(em, ActivityEntity, 'organisation', publishedActivities, { title: 'asc' }),
    publishedPetCareOffersByOrganisation: byParent(em, PetCareOfferEntity, 'organisation', publishedPetCare, { title: 'asc' }),
    organisationsByBydel: throughPivot(
      em,
      OrganisationEntity,
      (s) => `select o.*, p.bydel_code as pivot_key from "${s}".organisation o
              join "${s}".organisation_bydel p on p.organisation_id = o.id
              where p.bydel_code in (?) order by o.name, o.id`,
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
