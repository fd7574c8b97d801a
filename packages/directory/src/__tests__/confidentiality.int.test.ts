import { ActivityEntity } from '../modules/activities/activity.entity.js';
import { audienceFitsPlace } from '../modules/activities/activity-audience.js';
import { VenueKind } from '../modules/activities/activity-enums.js';
import type { LocationEntity } from '../modules/locations/location.entity.js';
import { LocationVisibility } from '../modules/locations/location-visibility.enum.js';
import { OfferAudience, OfferStatus } from '../modules/offers/offer-enums.js';
import type { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { seedDemoData } from '../seeders/demo.seeder.js';
import { DEMO_ACTIVITIES } from '../seeders/demo-data.js';
import { makeActivity, makeContact, makeLocation, makeOrganisation, makePetCareOffer, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

describe('confidential data reaches only those who may see it', () => {
  let app: DirectoryTestApp;
  const ids: Record<string, string> = {};
  let callers: Record<string, TestUser | undefined>;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { name: 'Krisesenteret', kind: OrganisationKind.SHELTER });
    const otherShelter = await makeOrganisation(em, { name: 'Et annet krisesenter', kind: OrganisationKind.SHELTER });
    const redCross = await makeOrganisation(em, { name: 'Røde Kors', bydeler: ['030102'] });
    const address = await makeLocation(em, shelter, {
      name: 'Krisesenteret',
      streetAddress: 'Hemmeligveien 7',
      visibility: LocationVisibility.CONFIDENTIAL,
      bydel: '030105',
    });
    shelter.mainLocation = address;
    await em.flush();
    const contact = await makeContact(em, redCross, 'Kari Kontakt');
    const atShelter = await makeActivity(em, shelter, {
      title: 'Yoga på senteret',
      venueKind: VenueKind.AT_SHELTER,
      location: address,
      audience: OfferAudience.NETWORK,
    });
    const open = await makeActivity(em, redCross, { title: 'Leksehjelp', contactPerson: contact });
    const draft = await makeActivity(em, redCross, { title: 'Utkast', status: OfferStatus.DRAFT });
    const petCare = await makePetCareOffer(em, redCross);
    Object.assign(ids, {
      shelter: shelter.id,
      redCross: redCross.id,
      contact: contact.id,
      atShelter: atShelter.id,
      open: open.id,
      draft: draft.id,
      petCare: petCare.id,
    });
    callers = {
      anonymous: undefined,
      ownStaff: { role: 'SHELTER_STAFF', organisationId: shelter.id },
      otherShelterStaff: { role: 'SHELTER_STAFF', organisationId: otherShelter.id },
      editor: { role: 'ORG_EDITOR', organisationId: redCross.id },
      integrator: { role: 'BYDEL_INTEGRATOR', bydelCode: '030105' },
      admin: { role: 'PLATFORM_ADMIN' },
    };
  });
  afterAll(() => app.close());

  it.each([
    ['anonymous', null],
    ['otherShelterStaff', null],
    ['editor', null],
    ['integrator', null],
    ['ownStaff', 'Hemmeligveien 7'],
    ['admin', 'Hemmeligveien 7'],
  ])("a shelter's address: %s sees %s", async (caller, expected) => {
    const res = await app.query('query($id: ID!) { organisation(id: $id) { name location { streetAddress } } }', {
      variables: { id: ids.shelter },
      as: callers[caller],
    });
    expect(res.body).toEqual({ data: { organisation: { name: 'Krisesenteret', location: expected === null ? null : { streetAddress: expected } } } });
  });

  it('an activity at a shelter shows outsiders only "at the shelter", never its place or bydel', async () => {
    const query = 'query($id: ID!) { activity(id: $id) { venueKind venueLabel location { streetAddress } bydel { code } } }';
    const outsider = await app.query(query, { variables: { id: ids.atShelter }, as: callers.editor });
    expect(outsider.body).toEqual({ data: { activity: { venueKind: 'AT_SHELTER', venueLabel: 'På krisesenteret', location: null, bydel: null } } });
    const own = await app.query(query, { variables: { id: ids.atShelter }, as: callers.ownStaff });
    expect(own.body.data.activity.location).toEqual({ streetAddress: 'Hemmeligveien 7' });
    expect(own.body.data.activity.bydel).toBeNull();
  });

  it('an activity at a shelter is not listed for anonymous callers at all', async () => {
    const res = await app.query('{ activities(first: 100) { nodes { title } } }');
    expect(res.body.data.activities.nodes.map((n: { title: string }) => n.title)).toEqual(['Leksehjelp']);
  });

  it('contact persons never reach anonymous callers, through any field', async () => {
    const viaActivity = await app.query('query($id: ID!) { activity(id: $id) { title contactPerson { name } } }', { variables: { id: ids.open } });
    expect(viaActivity.body.data.activity).toEqual({ title: 'Leksehjelp', contactPerson: null });
    expect(viaActivity.body.errors.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([['activity.contactPerson', 'UNAUTHENTICATED']]);

    const viaOrganisation = await app.query('query($id: ID!) { organisation(id: $id) { contactPersons { name } } }', { variables: { id: ids.redCross } });
    expect(viaOrganisation.body.data).toEqual({ organisation: null });
    expect(viaOrganisation.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const signedIn = await app.query('query($id: ID!) { activity(id: $id) { contactPerson { name } } }', {
      variables: { id: ids.open },
      as: callers.integrator,
    });
    expect(signedIn.body).toEqual({ data: { activity: { contactPerson: { name: 'Kari Kontakt' } } } });
  });

  it('an interface field keeps the rule of its implementations (Offer.contactPerson)', async () => {
    const res = await app.query('query($id: ID!) { organisation(id: $id) { offers { title ... on Offer { contactPerson { name } } } } }', {
      variables: { id: ids.redCross },
    });
    expect(res.body.data.organisation.offers).toEqual([{ title: 'Leksehjelp', contactPerson: null }]);
    expect(res.body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  describe('_entities applies the same rules as the root fields', () => {
    const entities = (selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;

    it('resolves bydeler, which are public', async () => {
      const res = await app.query(entities('... on Bydel { code name }'), {
        variables: {
          r: [
            { __typename: 'Bydel', code: '030101' },
            { __typename: 'Bydel', code: '039999' },
          ],
        },
      });
      expect(res.body).toEqual({ data: { _entities: [{ code: '030101', name: 'Gamle Oslo' }, null] } });
    });

    it('refuses contact persons to anonymous callers', async () => {
      const res = await app.query(entities('... on ContactPerson { name phone }'), { variables: { r: [{ __typename: 'ContactPerson', id: ids.contact }] } });
      expect(res.body.data).toEqual({ _entities: [null] });
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('gives contact persons to signed-in callers', async () => {
      const res = await app.query(entities('... on ContactPerson { name }'), {
        variables: { r: [{ __typename: 'ContactPerson', id: ids.contact }] },
        as: callers.integrator,
      });
      expect(res.body).toEqual({ data: { _entities: [{ name: 'Kari Kontakt' }] } });
    });

    it("hides another organisation's draft and a network-only activity from anonymous callers", async () => {
      const res = await app.query(entities('... on Activity { title }'), {
        variables: {
          r: [
            { __typename: 'Activity', id: ids.draft },
            { __typename: 'Activity', id: ids.atShelter },
            { __typename: 'Activity', id: ids.open },
          ],
        },
      });
      expect(res.body).toEqual({ data: { _entities: [null, null, { title: 'Leksehjelp' }] } });
    });

    it('shows the draft to its own editor only', async () => {
      const own = await app.query(entities('... on Activity { title }'), { variables: { r: [{ __typename: 'Activity', id: ids.draft }] }, as: callers.editor });
      expect(own.body).toEqual({ data: { _entities: [{ title: 'Utkast' }] } });
      const other = await app.query(entities('... on Activity { title }'), {
        variables: { r: [{ __typename: 'Activity', id: ids.draft }] },
        as: callers.ownStaff,
      });
      expect(other.body).toEqual({ data: { _entities: [null] } });
    });

    it("never gives a shelter's address through an Organisation reference", async () => {
      const res = await app.query(entities('... on Organisation { name location { streetAddress } }'), {
        variables: { r: [{ __typename: 'Organisation', id: ids.shelter }] },
        as: callers.editor,
      });
      expect(res.body).toEqual({ data: { _entities: [{ name: 'Krisesenteret', location: null }] } });
    });

    it('refuses pet-care offers to anonymous callers', async () => {
      const res = await app.query(entities('... on PetCareOffer { title }'), { variables: { r: [{ __typename: 'PetCareOffer', id: ids.petCare }] } });
      expect(res.body.data).toEqual({ _entities: [null] });
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });
});

describe("an activity's audience is never wider than its place's visibility", () => {
  let app: DirectoryTestApp;
  beforeAll(async () => {
    app = await DirectoryTestApp.start();
  });
  afterAll(() => app.close());

  type Row = { title: string; audience: string; venue_kind: string; visibility: string | null };
  const activityRows = async (): Promise<Row[]> =>
    app
      .em()
      .execute(
        `select a.title, a.audience, a.venue_kind, l.visibility from directory.activity a left join directory.location l on l.id = a.location_id order by a.title`,
      );

  it.each([
    [OfferAudience.PUBLIC, null, true],
    [OfferAudience.PUBLIC, LocationVisibility.PUBLIC, true],
    [OfferAudience.PUBLIC, LocationVisibility.NETWORK, false],
    [OfferAudience.PUBLIC, LocationVisibility.CONFIDENTIAL, false],
    [OfferAudience.NETWORK, LocationVisibility.PUBLIC, true],
    [OfferAudience.NETWORK, LocationVisibility.NETWORK, true],
    [OfferAudience.NETWORK, LocationVisibility.CONFIDENTIAL, true],
  ])('audienceFitsPlace(%s, %s) is %s', (audience, visibility, fits) => {
    expect(audienceFitsPlace(audience, visibility)).toBe(fits);
  });

  describe('in the demo data', () => {
    beforeAll(async () => {
      expect(await seedDemoData(app.em())).toBe(true);
    });

    it('holds for every activity, and "Norskkurs for mødre" at the network-only place in Alna is NETWORK', async () => {
      const rows = await activityRows();
      expect(rows).toHaveLength(DEMO_ACTIVITIES.length);
      expect(rows.filter((row) => !audienceFitsPlace(row.audience as OfferAudience, row.visibility as LocationVisibility | null))).toEqual([]);
      expect(rows.find((row) => row.title === 'Norskkurs for mødre med barnepass')).toEqual({
        title: 'Norskkurs for mødre med barnepass',
        audience: 'NETWORK',
        venue_kind: 'LOCATION',
        visibility: 'NETWORK',
      });
      // The demo has activities at network-only places, so the rule is tried on them.
      expect(rows.filter((row) => row.visibility === 'NETWORK').length).toBeGreaterThan(1);
    });

    it('anonymous callers see no activity at a place they may not see, so no bydel of one', async () => {
      const seen: Array<{ title: string; venueKind: string; bydel: { code: string } | null; location: { id: string } | null }> = [];
      let after: string | null = null;
      do {
        const res: { body: any } = await app.query(
          'query($after: String) { activities(first: 100, after: $after) { nodes { title venueKind bydel { code } location { id } } pageInfo { hasNextPage endCursor } } }',
          {
            variables: { after },
          },
        );
        expect(res.body.errors).toBeUndefined();
        seen.push(...res.body.data.activities.nodes);
        after = res.body.data.activities.pageInfo.hasNextPage ? res.body.data.activities.pageInfo.endCursor : null;
      } while (after);
      expect(seen.length).toBeGreaterThan(10);
      expect(seen.map((a) => a.title)).not.toContain('Norskkurs for mødre med barnepass');
      expect(seen.filter((a) => a.bydel !== null && a.location === null)).toEqual([]);
      expect(seen.filter((a) => a.venueKind !== 'ONLINE' && a.location === null)).toEqual([]);
    });
  });

  describe('in every mutation', () => {
    let org: OrganisationEntity;
    let networkPlace: LocationEntity;
    let publicPlace: LocationEntity;
    let editor: TestUser;
    const FIELDS = 'id audience version bydel { code }';

    beforeAll(async () => {
      const em = app.em();
      org = await makeOrganisation(em, { name: 'Nabolagshjelpen' });
      networkPlace = await makeLocation(em, org, { name: 'Møterom i kjelleren', bydel: '030112', visibility: LocationVisibility.NETWORK });
      publicPlace = await makeLocation(em, org, { name: 'Biblioteket', bydel: '030112', visibility: LocationVisibility.PUBLIC });
      editor = { role: 'ORG_EDITOR', organisationId: org.id };
    });

    const input = (extra: Record<string, unknown>) => ({
      organisationId: org.id,
      title: 'Norskkurs',
      description: 'Norsk for nybegynnere.',
      category: 'LANGUAGE',
      venueKind: 'LOCATION',
      joinMode: 'OPEN',
      ...extra,
    });
    const create = (extra: Record<string, unknown>) =>
      app.query(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { ${FIELDS} } }`, { variables: { input: input(extra) }, as: editor });
    const update = (id: string, extra: Record<string, unknown>) =>
      app.query(`mutation($id: ID!, $input: UpdateActivityInput!) { updateActivity(id: $id, input: $input) { ${FIELDS} } }`, {
        variables: { id, input: extra },
        as: editor,
      });
    const publish = (id: string) => app.query(`mutation($id: ID!) { publishActivity(id: $id) { ${FIELDS} status } }`, { variables: { id }, as: editor });
    const anonymousTitles = async () =>
      (await app.query(`{ activities(first: 100, filter: { organisationId: "${org.id}" }) { nodes { title } } }`)).body.data.activities.nodes;

    it('createActivity: PUBLIC at a network-only place is refused; without an audience it is NETWORK, and stays unseen by anonymous callers once published', async () => {
      const refused = await create({ locationId: networkPlace.id, audience: 'PUBLIC' });
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.audience' });
      const created = (await create({ locationId: networkPlace.id })).body.data.createActivity;
      expect(created).toMatchObject({ audience: 'NETWORK', bydel: { code: '030112' } });
      expect((await publish(created.id)).body.data.publishActivity).toMatchObject({ status: 'PUBLISHED', audience: 'NETWORK' });
      expect(await anonymousTitles()).toEqual([]);
    });

    it('updateActivity: moving a PUBLIC activity to a network-only place makes it NETWORK; asking for PUBLIC there is refused and changes nothing', async () => {
      const created = (await create({ locationId: publicPlace.id, audience: 'PUBLIC' })).body.data.createActivity;
      expect(created.audience).toBe('PUBLIC');
      const refused = await update(created.id, { version: created.version, locationId: networkPlace.id, audience: 'PUBLIC' });
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.audience' });
      const moved = (await update(created.id, { version: created.version, locationId: networkPlace.id })).body.data.updateActivity;
      expect(moved).toMatchObject({ audience: 'NETWORK', version: created.version + 1 });
      const back = await update(created.id, { version: moved.version, audience: 'PUBLIC' });
      expect(back.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.audience' });
    });

    it('updateLocation: narrowing a place narrows its PUBLIC activities to NETWORK at once', async () => {
      const place = await makeLocation(app.em(), org, { name: 'Kafeen', bydel: '030112', visibility: LocationVisibility.PUBLIC });
      const created = (await create({ locationId: place.id, audience: 'PUBLIC', title: 'Kafékveld' })).body.data.createActivity;
      await publish(created.id);
      expect(await anonymousTitles()).toEqual([{ title: 'Kafékveld' }]);
      const narrowed = await app.query('mutation($id: ID!, $input: UpdateLocationInput!) { updateLocation(id: $id, input: $input) { visibility } }', {
        variables: { id: place.id, input: { version: 1, visibility: 'NETWORK' } },
        as: editor,
      });
      expect(narrowed.body.errors).toBeUndefined();
      expect(await anonymousTitles()).toEqual([]);
      expect((await app.em().findOneOrFail(ActivityEntity, { id: created.id })).audience).toBe(OfferAudience.NETWORK);
    });

    it('the database refuses what the services would not write: a PUBLIC activity at a network-only place, or narrowing a place under one', async () => {
      const em = app.em();
      const activity = await makeActivity(em, org, {
        title: 'Direkte i basen',
        venueKind: VenueKind.LOCATION,
        location: publicPlace,
        audience: OfferAudience.PUBLIC,
      });
      const sql = (statement: string, params: unknown[]) => app.em().execute(statement, params);
      await expect(sql(`update directory.activity set location_id = ? where id = ?`, [networkPlace.id, activity.id])).rejects.toThrow(
        /audience must not be wider/,
      );
      await expect(sql(`update directory.location set visibility = 'NETWORK' where id = ?`, [publicPlace.id])).rejects.toThrow(/audience must not be wider/);
      await expect(
        makeActivity(app.em(), org, { title: 'Også direkte', venueKind: VenueKind.LOCATION, location: networkPlace, audience: OfferAudience.PUBLIC }),
      ).rejects.toThrow(/audience must not be wider/);
      const rows = await activityRows();
      expect(rows.find((row) => row.title === 'Direkte i basen')).toMatchObject({ audience: 'PUBLIC', visibility: 'PUBLIC' });
      expect(rows.find((row) => row.title === 'Også direkte')).toBeUndefined();
    });
  });
});
