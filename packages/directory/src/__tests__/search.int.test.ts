import { ActivityCategory, VenueKind } from '../modules/activities/activity-enums.js';
import type { LocationEntity } from '../modules/locations/location.entity.js';
import { LocationVisibility } from '../modules/locations/location-visibility.enum.js';
import { OfferAudience } from '../modules/offers/offer-enums.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { CareModel, Species } from '../modules/pet-care/pet-care-enums.js';
import { makeActivity, makeLocation, makeOrganisation, makePetCareOffer, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

const SEARCH = `query($filter: ActivityFilter, $sort: ActivitySort, $first: Int, $after: String) {
  activities(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount nodes { title relevance distanceMeters } pageInfo { hasNextPage endCursor }
  }
}`;

/** Grünerløkka (Olaf Ryes plass), the point "near" searches start from. */
const GRUNERLOKKA = { latitude: 59.9225, longitude: 10.7589 };

describe('search: Norwegian full text, misspellings, near a point and in neighbouring bydeler', () => {
  let app: DirectoryTestApp;
  let staff: TestUser;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const redCross = await makeOrganisation(em, { name: 'Oslo Røde Kors', description: 'Besøkstjeneste, leksehjelp og nettverk.' });
    const shelter = await makeOrganisation(em, { name: 'Oslo Krisesenter', kind: OrganisationKind.SHELTER });
    const place = async (name: string, bydel: string, latitude: number, longitude: number, visibility = LocationVisibility.PUBLIC): Promise<LocationEntity> => {
      const location = await makeLocation(em, redCross, { name, bydel, visibility });
      Object.assign(location, { latitude, longitude });
      await em.flush();
      return location;
    };
    const loekka = await place('Grünerløkka frivilligsentral', '030102', 59.9232, 10.7601); // ~100 m
    const sagene = await place('Sagene samfunnshus', '030103', 59.9375, 10.7563); // ~1.7 km
    const toyen = await place('Tøyen bibliotek', '030101', 59.9152, 10.7726); // ~1.1 km
    const network = await place('Møterom i Rathkes gate', '030102', 59.9245, 10.7605, LocationVisibility.NETWORK); // ~230 m
    const stovner = await place('Stovner senter', '030111', 59.9624, 10.9226); // ~10 km
    const grorud = await place('Grorud samfunnshus', '030110', 59.9612, 10.8808);
    const secret = await makeLocation(em, shelter, { name: 'Krisesenteret', bydel: '030102', visibility: LocationVisibility.CONFIDENTIAL });
    Object.assign(secret, { latitude: 59.9228, longitude: 10.7592 }); // ~30 m from the search point
    await em.flush();

    const at = (location: LocationEntity) => ({ venueKind: VenueKind.LOCATION, location, bydel: location.bydel });
    await makeActivity(em, redCross, {
      title: 'Leksehjelp',
      description: 'Hjelp med lekser for barn i 1.–7. klasse.',
      category: ActivityCategory.CHILDREN,
      ...at(loekka),
    });
    await makeActivity(em, redCross, {
      title: 'Leksehjelp for ungdom',
      description: 'Matte og norsk for ungdomsskolen.',
      category: ActivityCategory.YOUTH,
      ...at(sagene),
    });
    await makeActivity(em, redCross, {
      title: 'Norskkurs for mødre',
      description: 'Norsktrening med barnepass, og leksehjelp etterpå.',
      category: ActivityCategory.LANGUAGE,
      ...at(toyen),
    });
    await makeActivity(em, redCross, {
      title: 'Turgruppe for kvinner',
      description: 'Rolige turer i nærmiljøet.',
      category: ActivityCategory.PHYSICAL_ACTIVITY,
      ...at(stovner),
    });
    await makeActivity(em, redCross, { title: 'Strikkekafé', description: 'Vi strikker og prater sammen.', category: ActivityCategory.SOCIAL, ...at(grorud) });
    await makeActivity(em, redCross, {
      title: 'Sykkelverksted',
      description: 'Reparer sykkelen din sammen med frivillige.',
      category: ActivityCategory.PRACTICAL_HELP,
      ...at(network),
      audience: OfferAudience.NETWORK,
    });
    await makeActivity(em, shelter, {
      title: 'Leksehjelp på senteret',
      description: 'For barn som bor på krisesenteret.',
      category: ActivityCategory.CHILDREN,
      venueKind: VenueKind.AT_SHELTER,
      location: secret,
      bydel: null,
      audience: OfferAudience.NETWORK,
    });
    const dyrevern = await makeOrganisation(em, { name: 'Dyrebeskyttelsen Norge Oslo', kind: OrganisationKind.ANIMAL_WELFARE, bydeler: ['030111'] });
    const cats = await makePetCareOffer(em, dyrevern, {
      title: 'Kattepensjonat',
      description: 'Trygg plass for katter.',
      careModel: CareModel.CATTERY,
      species: [Species.CAT],
    });
    const dogs = await makePetCareOffer(em, dyrevern, {
      title: 'Fosterhjem for hund',
      description: 'Frivillige fosterhjem tar imot hunder.',
      species: [Species.DOG],
    });
    cats.bydeler.add(em.getReference('BydelEntity', '030111') as never);
    dogs.bydeler.add(em.getReference('BydelEntity', '030115') as never);
    await em.flush();
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id };
  });
  afterAll(() => app.close());

  const search = async (filter: Record<string, unknown>, as?: TestUser, sort?: string) => {
    const res = await app.query(SEARCH, { variables: { filter, sort, first: 100 }, as });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.activities as { totalCount: number; nodes: Array<{ title: string; relevance: number | null; distanceMeters: number | null }> };
  };
  const titles = async (filter: Record<string, unknown>, as?: TestUser, sort?: string) => (await search(filter, as, sort)).nodes.map((n) => n.title);

  it('ranks a title match above a match in the description', async () => {
    const result = await search({ text: 'leksehjelp' });
    expect(result.nodes.map((n) => n.title)).toEqual(['Leksehjelp', 'Leksehjelp for ungdom', 'Norskkurs for mødre']);
    const relevance = result.nodes.map((n) => n.relevance!);
    expect([...relevance].sort((a, b) => b - a)).toEqual(relevance);
    expect(relevance[1]).toBeGreaterThan(relevance[2]!);
  });

  it.each([
    ['lekse hjelp', 'split words'],
    ['lexehjelp', 'a misspelling'],
    ['LEKSEHJELPEN', 'capitals and a definite ending'],
  ])('finds the same titles for %j (%s)', async (text) => {
    expect((await titles({ text })).slice(0, 2)).toEqual(['Leksehjelp', 'Leksehjelp for ungdom']);
  });

  it('matches words first, and the fuzzy titles only when the words find nothing', async () => {
    const statementsFor = (text: string, filter: Record<string, unknown> = {}) => app.countStatements(() => search({ text, ...filter }));
    // Words found: the first page, counted in the same statement.
    expect(await statementsFor('leksehjelp')).toHaveLength(1);
    expect(await statementsFor('lekse hjelp')).toHaveLength(1);
    // Nothing in words: the same again with the fuzzy title match.
    const misspelled = await statementsFor('lexehjelp');
    expect(misspelled).toHaveLength(2);
    expect(misspelled.filter((sql) => sql.includes('<%'))).toHaveLength(1);
    // The fuzzy match keeps every other filter.
    expect(await titles({ text: 'lexehjelp', bydeler: ['030111'] })).toEqual([]);
    expect(await titles({ text: 'lexehjelp', bydeler: ['030103'] })).toEqual(['Leksehjelp for ungdom']);
    // A precise query is never fuzzy.
    expect(await statementsFor('"lexehjelp"')).toHaveLength(1);
  });

  it('ranks each candidate once: relevance is read from the value the page is ordered by', async () => {
    const statements = await app.countStatements(() => search({ text: 'leksehjelp' }));
    const page = statements.find((sql) => sql.includes('sort_value'))!;
    expect(page.match(/ts_rank_cd\(/g)).toHaveLength(1);
    expect(page.match(/word_similarity\(/g)).toHaveLength(1);
    const result = await search({ text: 'leksehjelp' });
    expect(result.nodes.every((n) => typeof n.relevance === 'number' && n.relevance > 0)).toBe(true);
    // Counted in the same scan; nothing found is a count of zero.
    expect(result.totalCount).toBe(result.nodes.length);
    expect(await search({ text: 'sykkel' })).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it.each([
    ['turgrupper for kvinner', ['Turgruppe for kvinner']],
    ['strikkekafe', ['Strikkekafé']],
    ['sykkel', []],
    ['norsk mødre', ['Norskkurs for mødre']],
    ['leksehjelp -ungdom', ['Leksehjelp', 'Norskkurs for mødre']],
    ['"leksehjelp for ungdom"', ['Leksehjelp for ungdom']],
    ['på og for', []],
  ])('%j finds %j for anonymous callers', async (text, expected) => {
    expect(await titles({ text })).toEqual(expected);
  });

  it('finds network-only activities for signed-in callers, and a shelter’s own activity only for them', async () => {
    expect(await titles({ text: 'sykkel' }, staff)).toEqual(['Sykkelverksted']);
    expect(await titles({ text: 'leksehjelp' }, staff)).toEqual(['Leksehjelp', 'Leksehjelp for ungdom', 'Leksehjelp på senteret', 'Norskkurs for mødre']);
  });

  it('combines search with every other filter', async () => {
    expect(await titles({ text: 'leksehjelp', bydeler: ['030103'] })).toEqual(['Leksehjelp for ungdom']);
    expect(await titles({ text: 'leksehjelp', categories: ['LANGUAGE'] })).toEqual(['Norskkurs for mødre']);
    expect(await titles({ text: 'leksehjelp', near: { ...GRUNERLOKKA, radiusMeters: 1500 } })).toEqual(['Leksehjelp', 'Norskkurs for mødre']);
  });

  it('sorts by title instead when asked, and refuses RELEVANCE without text', async () => {
    expect(await titles({ text: 'leksehjelp' }, undefined, 'TITLE')).toEqual(['Leksehjelp', 'Leksehjelp for ungdom', 'Norskkurs for mødre']);
    const res = await app.query(SEARCH, { variables: { sort: 'RELEVANCE' } });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sort' });
  });

  it('pages through relevance-ranked results without gaps or duplicates', async () => {
    const all = await titles({ text: 'leksehjelp' }, staff);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: { body: { data?: any } } = await app.query(SEARCH, { variables: { filter: { text: 'leksehjelp' }, first: 1, after }, as: staff });
      const page: { totalCount: number; nodes: Array<{ title: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = res.body.data.activities;
      expect(page.totalCount).toBe(all.length);
      seen.push(...page.nodes.map((n: { title: string }) => n.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const bad = await app.query(SEARCH, { variables: { filter: { text: 'leksehjelp' }, after: 'abc~1~x' } });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  describe('near a point', () => {
    it('lists public places within the radius, nearest first, with their distance', async () => {
      const result = await search({ near: { ...GRUNERLOKKA, radiusMeters: 2000 } });
      expect(result.nodes.map((n) => [n.title, Math.round(n.distanceMeters! / 100) * 100])).toEqual([
        ['Leksehjelp', 100],
        ['Norskkurs for mødre', 1100],
        ['Leksehjelp for ungdom', 1700],
      ]);
      expect(result.totalCount).toBe(3);
    });

    it('counts network places only for signed-in callers', async () => {
      expect(await titles({ near: { ...GRUNERLOKKA, radiusMeters: 500 } })).toEqual(['Leksehjelp']);
      expect(await titles({ near: { ...GRUNERLOKKA, radiusMeters: 500 } }, staff)).toEqual(['Leksehjelp', 'Sykkelverksted']);
    });

    it('never uses a confidential place, not even for the shelter’s own staff: a distance would give the address away', async () => {
      const result = await search({ near: { ...GRUNERLOKKA, radiusMeters: 100 } }, staff);
      expect(result.nodes.map((n) => n.title)).toEqual([]);
      const all = await search({ text: 'senteret' }, staff, 'TITLE');
      expect(all.nodes).toEqual([{ title: 'Leksehjelp på senteret', relevance: null, distanceMeters: null }]);
    });

    it('refuses a radius over 50 km', async () => {
      const res = await app.query(SEARCH, { variables: { filter: { near: { ...GRUNERLOKKA, radiusMeters: 60000 } } } });
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('by bydel, with neighbouring bydeler', () => {
    it('adds the bydeler that border on the one asked for', async () => {
      expect(await titles({ bydeler: ['030103'] })).toEqual(['Leksehjelp for ungdom']);
      expect(await titles({ bydeler: ['030103'], includeNeighbouringBydeler: true })).toEqual(['Leksehjelp', 'Leksehjelp for ungdom']);
      expect(await titles({ bydeler: ['030111'], includeNeighbouringBydeler: true })).toEqual(['Strikkekafé', 'Turgruppe for kvinner']);
    });

    it('works for pet-care offers and organisations too', async () => {
      const pets = (filter: object) =>
        app.query('query($f: PetCareOfferFilter) { petCareOffers(filter: $f) { nodes { title } } }', { variables: { f: filter }, as: staff });
      expect((await pets({ bydel: '030112' })).body.data.petCareOffers.nodes).toEqual([]);
      expect((await pets({ bydel: '030112', includeNeighbouringBydeler: true })).body.data.petCareOffers.nodes).toEqual([{ title: 'Kattepensjonat' }]);
      expect((await pets({ text: 'katt' })).body.data.petCareOffers.nodes).toEqual([{ title: 'Kattepensjonat' }]);
      expect((await pets({ text: 'hunder', bydel: '030114', includeNeighbouringBydeler: true })).body.data.petCareOffers.nodes).toEqual([
        { title: 'Fosterhjem for hund' },
      ]);
      const orgs = await app.query('{ organisations(filter: { text: "besøkstjenesten" }) { nodes { name } } }');
      expect(orgs.body.data.organisations.nodes).toEqual([{ name: 'Oslo Røde Kors' }]);
    });
  });
});
