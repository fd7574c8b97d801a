import { createHash } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { DAY_MS, osloDateOf } from '@samspill/core';

import { ActivityEntity } from '../modules/activities/activity.entity.js';
import { weekdaysOf } from '../modules/activities/schedule.js';
import { BydelEntity } from '../modules/bydeler/bydel.entity.js';
import { BydelCooperationContactEntity } from '../modules/bydeler/bydel-cooperation.entity.js';
import { ContactPersonEntity } from '../modules/contact-persons/contact-person.entity.js';
import { LocationEntity } from '../modules/locations/location.entity.js';
import { OfferStatus } from '../modules/offers/offer-enums.js';
import { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { requirementsMet, requirementsValidUntil } from '../modules/organisations/volunteer-requirement.enum.js';
import { VolunteerRoutineEntity } from '../modules/organisations/volunteer-routine.entity.js';
import { PetCareOfferEntity } from '../modules/pet-care/pet-care-offer.entity.js';
import { DEMO_BYDEL_COOPERATION_CONTACTS } from './demo-bydel-contacts.js';
import { demoSchedule, demoShiftDays, shiftDate } from './demo-calendar.js';
import {
  DEMO_ACTIVITIES,
  DEMO_CONFIRMED_BY,
  DEMO_CONTACT_PERSONS,
  DEMO_LOCATIONS,
  DEMO_ORGANISATIONS,
  DEMO_PET_CARE_OFFERS,
  DEMO_VOLUNTEER_ROUTINES,
} from './demo-data.js';

/** Demo volunteer-routine confirmations hold a year (the default of VOLUNTEER_ROUTINE_VALID_DAYS). */
const DEMO_ROUTINE_VALID_DAYS = 365;

/** A stable UUID (v4-shaped) derived from a record's kind and key, so that reseeding gives the same ids. */
export function demoUuid(kind: string, key: string): string {
  const hex = createHash('sha1').update(`samspill-demo:${kind}:${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo seeder: unknown ${what} ${key}`);
  return value;
}

/**
 * Loads the demo directory (the bydeler come with the migrations): organisations, locations, contact persons, volunteer
 * routines, activities and pet-care offers. Ids are deterministic; times are relative to `now`, and the dates of the
 * data are moved by whole weeks from the day they were written for to `now` (see demo-calendar.ts).
 */
export class DemoSeeder extends Seeder {
  constructor(private readonly now: () => Date = () => new Date()) {
    super();
  }

  override async run(em: EntityManager): Promise<void> {
    const now = this.now();
    const daysAgo = (days: number): Date => new Date(now.getTime() - days * DAY_MS);
    const shiftDays = demoShiftDays(now);
    const today = osloDateOf(now);
    const confirmedOn = (date: string) => shiftDate(date, shiftDays);

    // The bydeler themselves come with the migrations.
    const bydelRef = (code: string): BydelEntity => em.getReference(BydelEntity, code);

    // Organisations first, without parent and main location (those need the other records).
    const organisations = new Map<string, OrganisationEntity>();
    for (const org of DEMO_ORGANISATIONS) {
      const entity = em.create(
        OrganisationEntity,
        {
          id: org.id ?? demoUuid('organisation', org.key),
          kind: org.kind,
          name: org.name,
          description: org.description,
          organisationNumber: org.organisationNumber,
          website: org.website,
          publicPhone: org.publicPhone,
          publicEmail: org.publicEmail,
          // The demo users' organisations get a referral address, so the development start's mail shows both sides.
          referralEmail: org.id ? `henvisning.${org.key.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@samspill.example` : null,
          bydeler: org.bydeler.map(bydelRef),
          volunteerRequirementsMetAt: null,
          lastVerifiedAt: daysAgo(30),
        },
        { partial: true },
      );
      organisations.set(org.key, entity);
    }
    const orgOf = (key: string) => lookup(organisations, key, 'organisation');

    const locations = new Map<string, LocationEntity>();
    for (const loc of DEMO_LOCATIONS) {
      const entity = em.create(
        LocationEntity,
        {
          id: demoUuid('location', loc.key),
          organisation: orgOf(loc.organisationKey),
          name: loc.name,
          streetAddress: loc.streetAddress,
          postalCode: loc.postalCode,
          postalTown: loc.postalTown,
          bydel: loc.bydel === null ? null : bydelRef(loc.bydel),
          latitude: loc.latitude,
          longitude: loc.longitude,
          visibility: loc.visibility,
        },
        { partial: true },
      );
      locations.set(loc.key, entity);
    }

    for (const org of DEMO_ORGANISATIONS) {
      const entity = orgOf(org.key);
      entity.parent = org.parentKey === null ? null : orgOf(org.parentKey);
      entity.mainLocation = org.mainLocationKey === null ? null : lookup(locations, org.mainLocationKey, 'location');
    }

    const contacts = new Map<string, ContactPersonEntity>();
    for (const person of DEMO_CONTACT_PERSONS) {
      const entity = em.create(
        ContactPersonEntity,
        {
          id: demoUuid('contact-person', person.key),
          organisation: orgOf(person.organisationKey),
          name: person.name,
          title: person.title,
          phone: person.phone,
          email: person.email,
          languages: [...person.languages],
          lastVerifiedAt: daysAgo(14),
        },
        { partial: true },
      );
      contacts.set(person.key, entity);
    }
    const contactOf = (key: string | null) => (key === null ? null : lookup(contacts, key, 'contact person'));

    for (const routine of DEMO_VOLUNTEER_ROUTINES) {
      em.create(
        VolunteerRoutineEntity,
        {
          id: demoUuid('volunteer-routine', `${routine.organisationKey}:${routine.requirement}`),
          organisation: orgOf(routine.organisationKey),
          requirement: routine.requirement,
          status: routine.status,
          confirmedOn: confirmedOn(routine.confirmedOn),
          validUntil: shiftDate(confirmedOn(routine.confirmedOn), DEMO_ROUTINE_VALID_DAYS),
          confirmedBy: DEMO_CONFIRMED_BY,
          note: routine.note ?? null,
        },
        { partial: true },
      );
    }
    // Met since the last of its routines was confirmed; null while any requirement is missing.
    for (const org of DEMO_ORGANISATIONS) {
      const routines = DEMO_VOLUNTEER_ROUTINES.filter((r) => r.organisationKey === org.key);
      if (routines.length > 0 && requirementsMet(routines)) {
        const lastConfirmed = routines
          .map((r) => confirmedOn(r.confirmedOn))
          .sort()
          .at(-1)!;
        orgOf(org.key).volunteerRequirementsMetAt = new Date(`${lastConfirmed}T12:00:00Z`);
        orgOf(org.key).volunteerRequirementsValidUntil = requirementsValidUntil(
          routines.map((r) => ({ requirement: r.requirement, validUntil: shiftDate(confirmedOn(r.confirmedOn), DEMO_ROUTINE_VALID_DAYS) })),
        );
      }
    }

    for (const a of DEMO_ACTIVITIES) {
      const schedule = demoSchedule(a.schedule, shiftDays, today);
      const verifiedAt = daysAgo(a.verifiedDaysAgo);
      const createdAt = daysAgo(a.verifiedDaysAgo + 30);
      em.create(
        ActivityEntity,
        {
          id: demoUuid('activity', a.key),
          organisation: orgOf(a.organisationKey),
          title: a.title,
          description: a.description,
          category: a.category,
          targetGroups: [...a.targetGroups],
          ageMin: a.ageMin,
          ageMax: a.ageMax,
          languages: [...a.languages],
          venueKind: a.venueKind,
          location: a.locationKey === null ? null : lookup(locations, a.locationKey, 'location'),
          bydel: a.bydel === null ? null : bydelRef(a.bydel),
          schedule,
          weekdays: weekdaysOf(schedule),
          costKind: a.costKind,
          priceNok: a.priceNok,
          capacity: a.capacity,
          placesAvailable: a.placesAvailable,
          capacityUpdatedAt: a.capacity !== null || a.placesAvailable !== null ? verifiedAt : null,
          joinMode: a.joinMode,
          accessibility: [...a.accessibility],
          accessibilityNote: a.accessibilityNote,
          contactPerson: contactOf(a.contactKey),
          status: a.status,
          audience: a.audience,
          lastVerifiedAt: verifiedAt,
          commitmentMonths: a.volunteers?.commitmentMonths ?? null,
          requiresVolunteerCourse: a.volunteers?.requiresVolunteerCourse ?? false,
          womenOnlyVolunteers: a.volunteers?.womenOnlyVolunteers ?? false,
          // Archived offers were published once too; drafts never were.
          publishedAt: a.status === OfferStatus.DRAFT ? null : daysAgo(a.verifiedDaysAgo + 14),
          createdAt,
          updatedAt: verifiedAt,
        },
        { partial: true },
      );
    }

    for (const p of DEMO_PET_CARE_OFFERS) {
      const verifiedAt = daysAgo(p.verifiedDaysAgo);
      em.create(
        PetCareOfferEntity,
        {
          id: demoUuid('pet-care-offer', p.key),
          organisation: orgOf(p.organisationKey),
          title: p.title,
          description: p.description,
          careModel: p.careModel,
          species: [...p.species],
          maxAnimalSize: p.maxAnimalSize,
          maxAnimals: p.maxAnimals,
          maxStayDays: p.maxStayDays,
          costKind: p.costKind,
          pricePerDayNok: p.pricePerDayNok,
          vaccinationRequired: p.vaccinationRequired,
          vetCheckRequired: p.vetCheckRequired,
          requirementsNote: p.requirementsNote,
          bydeler: p.bydeler.map(bydelRef),
          placesAvailable: p.placesAvailable,
          placesUpdatedAt: p.placesAvailable === null ? null : verifiedAt,
          contactPerson: contactOf(p.contactKey),
          sponsor: p.sponsorKey === undefined ? null : orgOf(p.sponsorKey),
          status: p.status,
          lastVerifiedAt: verifiedAt,
          publishedAt: p.status === OfferStatus.DRAFT ? null : daysAgo(p.verifiedDaysAgo + 14),
          createdAt: daysAgo(p.verifiedDaysAgo + 30),
          updatedAt: verifiedAt,
        },
        { partial: true },
      );
    }

    for (const c of DEMO_BYDEL_COOPERATION_CONTACTS) {
      em.create(BydelCooperationContactEntity, {
        id: demoUuid('bydel-cooperation', c.bydel),
        bydel: bydelRef(c.bydel),
        role: c.role,
        office: c.office,
        phone: c.phone,
        email: c.email,
        lastVerifiedAt: daysAgo(c.verifiedDaysAgo),
        updatedAt: daysAgo(c.verifiedDaysAgo),
      });
    }

    await em.flush();
  }
}

/**
 * Loads the demo data unless the directory already has organisations (so a second start does not
 * duplicate it). Returns whether it seeded.
 */
export async function seedDemoData(em: EntityManager, now: () => Date = () => new Date()): Promise<boolean> {
  const existing = await em.count(OrganisationEntity, {});
  if (existing > 0) return false;
  await new DemoSeeder(now).run(em);
  return true;
}
