import { randomUUID } from 'node:crypto';

import { OfferStatus } from '../modules/offers/offer-enums.js';
import type { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { CareModel, Species } from '../modules/pet-care/pet-care-enums.js';
import { makeContact, makeLocation, makeOrganisation, makePetCareOffer, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

const AVAILABILITY = `query($species: Species!) { petCareAvailability(species: $species) { species available howToAsk howToAskEnglish } }`;

/** Pet care the public can find, without a trace: a city-wide yes or no per species, and how to ask. */
describe('pet care for the public', () => {
  let app: DirectoryTestApp;
  let staff: TestUser;
  let kennel: OrganisationEntity;
  let sponsor: OrganisationEntity;
  let other: OrganisationEntity;
  const secrets: string[] = [];

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { kind: OrganisationKind.SHELTER, name: 'Krisesenteret' });
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id };
    kennel = await makeOrganisation(em, { kind: OrganisationKind.ANIMAL_WELFARE, name: 'Pelsvennene hundepensjonat', bydeler: ['030110'] });
    sponsor = await makeOrganisation(em, { kind: OrganisationKind.SPONSOR, name: 'Stiftelsen Snusfornuft' });
    other = await makeOrganisation(em, { kind: OrganisationKind.ANIMAL_WELFARE, name: 'Kattehjemmet Nord' });
    for (const org of [kennel, sponsor, other]) {
      org.publicPhone = `+4740${String(secrets.length).padStart(6, '7')}`;
      const place = await makeLocation(em, org, { name: `${org.name} gård`, streetAddress: `Hemmeligveien ${secrets.length + 7}` });
      const contact = await makeContact(em, org, `Kontakt ${org.name}`);
      secrets.push(org.id, org.name, org.publicPhone, place.id, place.name, place.streetAddress!, contact.id, contact.name, contact.phone!, contact.email!);
    }
    await em.flush();
    const offers = [
      await makePetCareOffer(em, kennel, { title: 'Hundepensjonat for krisesentre', species: [Species.DOG], placesAvailable: 3 }),
      await makePetCareOffer(em, kennel, {
        title: 'Sponset hundeplass',
        careModel: CareModel.SPONSORED_KENNEL,
        species: [Species.DOG],
        placesAvailable: 5,
        sponsor,
      }),
      await makePetCareOffer(em, other, { title: 'Katter i fosterhjem', species: [Species.CAT], placesAvailable: 2 }),
      await makePetCareOffer(em, other, { title: 'Krypdyr (utkast)', species: [Species.REPTILE], status: OfferStatus.DRAFT }),
    ];
    for (const offer of offers) secrets.push(offer.id, offer.title);
  });
  afterAll(() => app.close());

  it('answers anyone, per species, whether pet care is available through the shelters and how to ask', async () => {
    const answers: Record<string, unknown> = {};
    for (const species of [Species.DOG, Species.CAT, Species.REPTILE, Species.BIRD]) {
      const res = await app.query(AVAILABILITY, { variables: { species } });
      expect(res.body.errors).toBeUndefined();
      answers[species] = res.body.data.petCareAvailability.available;
      expect(res.body.data.petCareAvailability.howToAsk).toMatch(/krisesenter/);
    }
    // A draft is not available.
    expect(answers).toEqual({ DOG: true, CAT: true, REPTILE: false, BIRD: false });
  });

  it('carries no provider, id, address, phone number, contact or count', async () => {
    for (const species of Object.values(Species)) {
      const res = await app.query(AVAILABILITY, { variables: { species } });
      const text = JSON.stringify(res.body);
      for (const secret of secrets) expect(text).not.toContain(secret);
      // No number at all: no count of offers, providers or places.
      expect(text).not.toMatch(/\d/);
    }
  });

  it('links a sponsored kennel to its sponsor, visible as pet-care offers are', async () => {
    const q = `query($id: ID!) { organisation(id: $id) { name sponsoredPetCareOffers { title organisation { name } sponsor { name } } } }`;
    const res = await app.query(q, { as: staff, variables: { id: sponsor.id } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.organisation.sponsoredPetCareOffers).toEqual([
      { title: 'Sponset hundeplass', organisation: { name: 'Pelsvennene hundepensjonat' }, sponsor: { name: 'Stiftelsen Snusfornuft' } },
    ]);
    const anonymous = await app.query(q, { variables: { id: sponsor.id } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('takes a sponsor only of kind SPONSOR and only for a SPONSORED_KENNEL; the answer time defaults to 24 hours', async () => {
    const editor: TestUser = { role: 'ORG_EDITOR', organisationId: kennel.id };
    const create = `mutation($input: CreatePetCareOfferInput!) { createPetCareOffer(input: $input) { id answerWithinHours sponsor { name } } }`;
    const base = { organisationId: kennel.id, title: 'Ny plass', description: 'Plass for hund.', species: ['DOG'] };
    const made = await app.query(create, { as: editor, variables: { input: { ...base, careModel: 'SPONSORED_KENNEL', sponsorId: sponsor.id } } });
    expect(made.body.errors).toBeUndefined();
    expect(made.body.data.createPetCareOffer).toMatchObject({ answerWithinHours: 24, sponsor: { name: 'Stiftelsen Snusfornuft' } });

    const notSponsor = await app.query(create, { as: editor, variables: { input: { ...base, careModel: 'SPONSORED_KENNEL', sponsorId: other.id } } });
    expect(notSponsor.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sponsorId' });
    const notKennel = await app.query(create, { as: editor, variables: { input: { ...base, careModel: 'KENNEL', sponsorId: sponsor.id } } });
    expect(notKennel.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sponsorId' });
    const unknown = await app.query(create, { as: editor, variables: { input: { ...base, careModel: 'SPONSORED_KENNEL', sponsorId: randomUUID() } } });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sponsorId' });
    const tooLong = await app.query(create, { as: editor, variables: { input: { ...base, careModel: 'KENNEL', answerWithinHours: 1000 } } });
    expect(tooLong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // None of the refused ones was stored.
    expect(await app.em().count('PetCareOfferEntity', { title: 'Ny plass' })).toBe(1);
  });
});
