import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import { ActivityEntity } from '../../modules/activities/activity.entity.js';
import { JoinMode, VenueKind } from '../../modules/activities/activity-enums.js';
import { ActivityCategory } from '../../modules/activities/activity-enums.js';
import { type ScheduleData, weekdaysOf } from '../../modules/activities/schedule.js';
import { BydelEntity } from '../../modules/bydeler/bydel.entity.js';
import { OSLO_BYDELER } from '../../modules/bydeler/bydel-codes.js';
import { ContactPersonEntity } from '../../modules/contact-persons/contact-person.entity.js';
import { LocationEntity } from '../../modules/locations/location.entity.js';
import { LocationVisibility } from '../../modules/locations/location-visibility.enum.js';
import { OfferAudience, OfferStatus } from '../../modules/offers/offer-enums.js';
import { OrganisationEntity } from '../../modules/organisations/organisation.entity.js';
import { OrganisationKind } from '../../modules/organisations/organisation-kind.enum.js';
import { CareModel, Species } from '../../modules/pet-care/pet-care-enums.js';
import { PetCareOfferEntity } from '../../modules/pet-care/pet-care-offer.entity.js';

/** Small builders for test data: each persists what it makes and returns the entity. */
/** The bydeler come with the migrations; this checks they are there, as every test relies on them. */
export async function seedBydeler(em: EntityManager): Promise<void> {
  const count = await em.count(BydelEntity, {});
  if (count !== OSLO_BYDELER.length) throw new Error(`expected the migrations to have loaded ${OSLO_BYDELER.length} bydeler, found ${count}`);
}

export async function makeOrganisation(
  em: EntityManager,
  overrides: Partial<Pick<OrganisationEntity, 'kind' | 'name' | 'description'>> & { bydeler?: string[] } = {},
): Promise<OrganisationEntity> {
  const organisation = em.create(OrganisationEntity, {
    id: randomUUID(),
    kind: overrides.kind ?? OrganisationKind.VOLUNTARY_ORGANISATION,
    name: overrides.name ?? `Organisasjon ${randomUUID().slice(0, 8)}`,
    description: overrides.description ?? null,
  });
  for (const code of overrides.bydeler ?? []) organisation.bydeler.add(em.getReference(BydelEntity, code));
  await em.flush();
  return organisation;
}

export async function makeLocation(
  em: EntityManager,
  organisation: OrganisationEntity,
  overrides: Partial<Pick<LocationEntity, 'name' | 'visibility' | 'streetAddress'>> & { bydel?: string } = {},
): Promise<LocationEntity> {
  const location = em.create(LocationEntity, {
    organisation,
    name: overrides.name ?? 'Møterom',
    streetAddress: overrides.streetAddress ?? 'Testgata 1',
    postalCode: '0550',
    postalTown: 'OSLO',
    bydel: overrides.bydel ? em.getReference(BydelEntity, overrides.bydel) : null,
    visibility: overrides.visibility ?? LocationVisibility.PUBLIC,
  });
  await em.flush();
  return location;
}

export async function makeContact(em: EntityManager, organisation: OrganisationEntity, name = 'Kari Nordmann'): Promise<ContactPersonEntity> {
  const contact = em.create(ContactPersonEntity, { organisation, name, phone: '+4790000000', email: 'kari@example.org', languages: ['no', 'en'] });
  await em.flush();
  return contact;
}

const WEEKLY: ScheduleData = { weekly: [{ weekday: 'TUESDAY' as never, startTime: '17:00', endTime: '19:00' }], exceptions: [], dates: [] };

export async function makeActivity(em: EntityManager, organisation: OrganisationEntity, overrides: Partial<ActivityEntity> = {}): Promise<ActivityEntity> {
  const schedule = overrides.schedule ?? WEEKLY;
  const activity = em.create(ActivityEntity, {
    organisation,
    title: 'Leksehjelp',
    description: 'Hjelp med lekser for barn og unge.',
    category: ActivityCategory.CHILDREN,
    venueKind: VenueKind.ONLINE,
    joinMode: JoinMode.OPEN,
    status: OfferStatus.PUBLISHED,
    audience: OfferAudience.PUBLIC,
    ...overrides,
    schedule,
    weekdays: weekdaysOf(schedule),
  });
  await em.flush();
  return activity;
}

export async function makePetCareOffer(
  em: EntityManager,
  organisation: OrganisationEntity,
  overrides: Partial<PetCareOfferEntity> = {},
): Promise<PetCareOfferEntity> {
  const offer = em.create(PetCareOfferEntity, {
    organisation,
    title: 'Fosterhjem for hund',
    description: 'Frivillige fosterhjem tar vare på hunden mens eieren bor på krisesenter.',
    careModel: CareModel.FOSTER_HOME,
    species: [Species.DOG],
    status: OfferStatus.PUBLISHED,
    placesAvailable: 2,
    ...overrides,
  });
  await em.flush();
  return offer;
}
