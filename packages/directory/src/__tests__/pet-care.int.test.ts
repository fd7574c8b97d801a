import type { GraphQLResponse } from '@samspill/core/testkit';

import { BydelEntity } from '../modules/bydeler/bydel.entity.js';
import { CostKind, OfferStatus } from '../modules/offers/offer-enums.js';
import type { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { CareModel, Species } from '../modules/pet-care/pet-care-enums.js';
import { PetCareOfferEntity } from '../modules/pet-care/pet-care-offer.entity.js';
import { makeContact, makeOrganisation, makePetCareOffer, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

const WHEREABOUTS = /address|location|latitude|longitude|postal|where|coordinates/i;

describe('pet-care offers', () => {
  let app: DirectoryTestApp;
  let orgA: OrganisationEntity;
  let editorA: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    orgA = await makeOrganisation(em, { name: 'Dyrebeskyttelsen Norge Oslo', kind: OrganisationKind.ANIMAL_WELFARE });
    const shelter = await makeOrganisation(em, { name: 'Krisesenteret', kind: OrganisationKind.SHELTER });
    editorA = { role: 'ORG_EDITOR', organisationId: orgA.id };
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id };

    const offer = async (organisation: OrganisationEntity, bydeler: string[], overrides: Partial<PetCareOfferEntity>) => {
      const made = await makePetCareOffer(em, organisation, overrides);
      for (const code of bydeler) made.bydeler.add(em.getReference(BydelEntity, code));
      await em.flush();
      return made;
    };
    await offer(orgA, ['030101', '030102'], { title: 'Fosterhjem for hund', careModel: CareModel.FOSTER_HOME, species: [Species.DOG], placesAvailable: 2 });
    await offer(orgA, ['030110'], { title: 'Hundepensjonat Nord', careModel: CareModel.KENNEL, species: [Species.DOG], placesAvailable: 0 });
    await offer(orgA, ['030101'], { title: 'Kattepensjonat', careModel: CareModel.CATTERY, species: [Species.CAT], placesAvailable: null });
    await offer(orgA, ['030102'], {
      title: 'Smådyr hos frivillige',
      careModel: CareModel.FOSTER_HOME,
      species: [Species.SMALL_MAMMAL, Species.BIRD, Species.REPTILE],
      placesAvailable: 1,
    });
    await offer(orgA, [], {
      title: 'Sponset kennelplass',
      careModel: CareModel.SPONSORED_KENNEL,
      species: [Species.DOG, Species.CAT],
      placesAvailable: 3,
      costKind: CostKind.SPONSORED,
    });
    await offer(orgA, ['030101'], { title: 'Utkast dyrepass', status: OfferStatus.DRAFT, species: [Species.DOG], placesAvailable: 5 });
    await offer(shelter, ['030101'], {
      title: 'Dyr på senteret',
      careModel: CareModel.SHELTER_ON_SITE,
      species: [Species.CAT, Species.SMALL_MAMMAL],
      placesAvailable: 1,
    });
  });
  afterAll(() => app.close());

  const LIST = `query($filter: PetCareOfferFilter, $first: Int, $after: String) {
    petCareOffers(filter: $filter, first: $first, after: $after) { totalCount nodes { title } pageInfo { hasNextPage endCursor } }
  }`;
  async function titles(filter?: Record<string, unknown>, as: TestUser = staff): Promise<string[]> {
    const res = await app.query(LIST, { variables: { filter, first: 100 }, as });
    expect(res.body.errors).toBeUndefined();
    const { nodes, totalCount } = res.body.data.petCareOffers;
    expect(totalCount).toBe(nodes.length);
    return nodes.map((n: { title: string }) => n.title);
  }
  const ALL = ['Dyr på senteret', 'Fosterhjem for hund', 'Hundepensjonat Nord', 'Kattepensjonat', 'Smådyr hos frivillige', 'Sponset kennelplass'];

  it('lists published offers by title for signed-in users', async () => {
    expect(await titles()).toEqual(ALL);
  });

  it('is not for anonymous callers', async () => {
    const res = await app.query(LIST);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['species: one', { species: ['DOG'] }, ['Fosterhjem for hund', 'Hundepensjonat Nord', 'Sponset kennelplass']],
    ['species: any of two', { species: ['CAT', 'BIRD'] }, ['Dyr på senteret', 'Kattepensjonat', 'Smådyr hos frivillige', 'Sponset kennelplass']],
    ['species: none accepted', { species: ['OTHER'] }, []],
    ['bydel 030101', { bydel: '030101' }, ['Dyr på senteret', 'Fosterhjem for hund', 'Kattepensjonat']],
    ['bydel 030102', { bydel: '030102' }, ['Fosterhjem for hund', 'Smådyr hos frivillige']],
    ['bydel with no offers', { bydel: '030115' }, []],
    [
      'availableNow: only places > 0 (0 and unknown out)',
      { availableNow: true },
      ['Dyr på senteret', 'Fosterhjem for hund', 'Smådyr hos frivillige', 'Sponset kennelplass'],
    ],
    ['availableNow false: no condition', { availableNow: false }, ALL],
    ['careModels: one', { careModels: ['FOSTER_HOME'] }, ['Fosterhjem for hund', 'Smådyr hos frivillige']],
    ['careModels: any of two', { careModels: ['KENNEL', 'SPONSORED_KENNEL'] }, ['Hundepensjonat Nord', 'Sponset kennelplass']],
    ['combined: species and availableNow', { species: ['DOG'], availableNow: true }, ['Fosterhjem for hund', 'Sponset kennelplass']],
    ['combined: species and bydel', { species: ['DOG'], bydel: '030101' }, ['Fosterhjem for hund']],
    ['combined: care model, bydel and species', { careModels: ['FOSTER_HOME'], bydel: '030102', species: ['SMALL_MAMMAL'] }, ['Smådyr hos frivillige']],
  ])('filter %s', async (_label, filter, expected) => {
    expect(await titles(filter)).toEqual(expected);
  });

  it('drafts are listed only for their own organisation', async () => {
    expect(await titles({ statuses: ['DRAFT'] }, editorA)).toEqual(['Utkast dyrepass']);
    expect(await titles({ statuses: ['DRAFT'] }, staff)).toEqual([]);
    expect(await titles({ statuses: ['DRAFT'] }, { role: 'PLATFORM_ADMIN' })).toEqual(['Utkast dyrepass']);
  });

  it('pages through with first: 2 without duplicates or gaps', async () => {
    const pages: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse = await app.query(LIST, { variables: { first: 2, after }, as: staff });
      const { nodes, totalCount, pageInfo } = res.body.data.petCareOffers;
      expect(totalCount).toBe(6);
      pages.push(nodes.map((n: { title: string }) => n.title));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toEqual([ALL.slice(0, 2), ALL.slice(2, 4), ALL.slice(4)]);
  });

  it('refuses an invalid bydel code in the filter', async () => {
    const res = await app.query(LIST, { variables: { filter: { bydel: '030118' } }, as: staff });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.bydel' });
  });

  describe('setPetCarePlacesAvailable', () => {
    const SET = `mutation($id: ID!, $places: Int!, $version: Int) {
      setPetCarePlacesAvailable(id: $id, placesAvailable: $places, version: $version) { placesAvailable placesUpdatedAt version }
    }`;
    const stored = (id: string) => app.em().findOneOrFail(PetCareOfferEntity, { id });

    it('sets the number and placesUpdatedAt to now', async () => {
      const offer = await makePetCareOffer(app.em(), orgA, { title: 'Ny hundeplass', placesAvailable: 2 });
      expect(offer.placesUpdatedAt ?? null).toBeNull();
      const before = app.now().getTime();
      const res = await app.query(SET, { variables: { id: offer.id, places: 0, version: 1 }, as: editorA });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.setPetCarePlacesAvailable).toMatchObject({ placesAvailable: 0, version: 2 });
      const row = await stored(offer.id);
      expect(row.placesAvailable).toBe(0);
      expect(row.placesUpdatedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(row.placesUpdatedAt!.getTime()).toBeLessThanOrEqual(app.now().getTime() + 1000);
      expect(new Date(res.body.data.setPetCarePlacesAvailable.placesUpdatedAt).getTime()).toBe(row.placesUpdatedAt!.getTime());
      // No longer available now:
      expect(await titles({ availableNow: true, organisationId: orgA.id })).not.toContain('Ny hundeplass');
      await app.em().nativeDelete(PetCareOfferEntity, { id: offer.id });
    });

    it.each([-1, -100, 1001])('refuses %i with BAD_USER_INPUT and changes nothing', async (places) => {
      const offer = await makePetCareOffer(app.em(), orgA, { title: 'Urørt plass', placesAvailable: 2 });
      const res = await app.query(SET, { variables: { id: offer.id, places }, as: editorA });
      expect(res.body.data?.setPetCarePlacesAvailable ?? null).toBeNull();
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'placesAvailable' });
      const row = await stored(offer.id);
      expect({ places: row.placesAvailable, updated: row.placesUpdatedAt ?? null, version: row.version }).toEqual({ places: 2, updated: null, version: 1 });
      await app.em().nativeDelete(PetCareOfferEntity, { id: offer.id });
    });

    it('refuses a stale version with CONFLICT and changes nothing', async () => {
      const offer = await makePetCareOffer(app.em(), orgA, { title: 'Omstridt plass', placesAvailable: 2 });
      expect((await app.query(SET, { variables: { id: offer.id, places: 1, version: 1 }, as: editorA })).body.errors).toBeUndefined();
      const stale = await app.query(SET, { variables: { id: offer.id, places: 5, version: 1 }, as: editorA });
      expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const row = await stored(offer.id);
      expect({ places: row.placesAvailable, version: row.version }).toEqual({ places: 1, version: 2 });
      await app.em().nativeDelete(PetCareOfferEntity, { id: offer.id });
    });
  });

  it('creating with placesAvailable sets placesUpdatedAt; a price for a free offer is refused', async () => {
    const CREATE = `mutation($input: CreatePetCareOfferInput!) { createPetCareOffer(input: $input) { id status placesAvailable placesUpdatedAt bydeler { code } } }`;
    const input = {
      organisationId: orgA.id,
      title: 'Kattehjem',
      description: 'Frivillige kattehjem i inntil 60 dager.',
      careModel: 'FOSTER_HOME',
      species: ['CAT'],
    };
    const ok = await app.query(CREATE, { variables: { input: { ...input, placesAvailable: 2, bydeler: ['030103', '030101'] } }, as: editorA });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.createPetCareOffer).toMatchObject({ status: 'DRAFT', placesAvailable: 2, bydeler: [{ code: '030101' }, { code: '030103' }] });
    expect(ok.body.data.createPetCareOffer.placesUpdatedAt).not.toBeNull();

    const otherContact = await makeContact(app.em(), await makeOrganisation(app.em(), { name: 'Annen organisasjon' }), 'Ola Annen');
    const before = await app.em().count(PetCareOfferEntity, { organisation: orgA.id });
    for (const [extra, field] of [
      [{ contactPersonId: otherContact.id }, 'input.contactPersonId'],
      [{ costKind: 'FREE', pricePerDayNok: 100 }, 'input.pricePerDayNok'],
      [{ placesAvailable: -1 }, 'input.placesAvailable'],
      [{ species: [] }, 'input.species'],
      [{ bydeler: ['030100'] }, 'input.bydeler'],
    ] as Array<[Record<string, unknown>, string]>) {
      const res = await app.query(CREATE, { variables: { input: { ...input, ...extra } }, as: editorA });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await app.em().count(PetCareOfferEntity, { organisation: orgA.id })).toBe(before);
    await app.em().nativeDelete(PetCareOfferEntity, { id: ok.body.data.createPetCareOffer.id });
  });

  it('tells how to request a place: always through shelter staff', async () => {
    const res = await app.query(`{ petCareOffers(filter: { careModels: [CATTERY] }) { nodes { title howToRequest } } }`, { as: staff });
    expect(res.body.data.petCareOffers.nodes).toEqual([
      { title: 'Kattepensjonat', howToRequest: 'Spør de ansatte på krisesenteret: de ber om plass for deg og deler bare det som trengs.' },
    ]);
  });

  it('has no field that could reveal where an animal is', async () => {
    const res = await app.query(`{
      offer: __type(name: "PetCareOffer") { fields { name } }
      create: __type(name: "CreatePetCareOfferInput") { inputFields { name } }
      update: __type(name: "UpdatePetCareOfferInput") { inputFields { name } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const offerFields: string[] = res.body.data.offer.fields.map((f: { name: string }) => f.name);
    const inputFields: string[] = [...res.body.data.create.inputFields, ...res.body.data.update.inputFields].map((f: { name: string }) => f.name);
    // The introspection really answered: the fields we know are there.
    expect(offerFields).toEqual(expect.arrayContaining(['id', 'title', 'species', 'careModel', 'bydeler', 'placesAvailable', 'howToRequest']));
    expect(inputFields).toEqual(expect.arrayContaining(['title', 'species', 'bydeler', 'placesAvailable']));
    expect(offerFields.filter((name) => WHEREABOUTS.test(name))).toEqual([]);
    expect(inputFields.filter((name) => WHEREABOUTS.test(name))).toEqual([]);
  });
});
