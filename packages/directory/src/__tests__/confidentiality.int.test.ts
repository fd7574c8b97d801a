import { VenueKind } from '../modules/activities/activity-enums.js';
import { LocationVisibility } from '../modules/locations/location-visibility.enum.js';
import { OfferAudience, OfferStatus } from '../modules/offers/offer-enums.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
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
