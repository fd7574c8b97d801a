import { OfferStatus } from '../modules/offers/offer-enums.js';
import type { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { buildDirectorySchema } from '../schema.js';
import { makeActivity, makeContact, makeLocation, makeOrganisation, makePetCareOffer, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

type Caller = 'anonymous' | 'shelterStaff' | 'editorA' | 'editorB' | 'integrator' | 'admin';
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
const CALLERS: Caller[] = ['anonymous', 'shelterStaff', 'editorA', 'editorB', 'integrator', 'admin'];

interface Case {
  operation: string;
  query: string;
  /** Makes fresh data for one call and returns its variables. */
  variables: () => Promise<Record<string, unknown>>;
  expect: Record<Caller, Outcome>;
}

const everyone = (outcome: Outcome = 'OK'): Record<Caller, Outcome> => ({
  anonymous: outcome,
  shelterStaff: outcome,
  editorA: outcome,
  editorB: outcome,
  integrator: outcome,
  admin: outcome,
});
const signedIn: Record<Caller, Outcome> = { ...everyone(), anonymous: 'UNAUTHENTICATED' };
const editorsOfA: Record<Caller, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  shelterStaff: 'FORBIDDEN',
  editorA: 'OK',
  editorB: 'FORBIDDEN',
  integrator: 'FORBIDDEN',
  admin: 'OK',
};
/** A's unpublished data: whoever may not edit it does not learn that it exists. */
const editorsOfADraft: Record<Caller, Outcome> = { ...editorsOfA, editorB: 'NOT_FOUND' };
const draftReaders: Record<Caller, Outcome> = {
  anonymous: 'NOT_FOUND',
  shelterStaff: 'NOT_FOUND',
  editorA: 'OK',
  editorB: 'NOT_FOUND',
  integrator: 'NOT_FOUND',
  admin: 'OK',
};
const adminsOnly: Record<Caller, Outcome> = { ...everyone('FORBIDDEN'), anonymous: 'UNAUTHENTICATED', admin: 'OK' };

describe('authorization of every operation for every kind of caller', () => {
  let app: DirectoryTestApp;
  let orgA: OrganisationEntity;
  let users: Record<Exclude<Caller, 'anonymous'>, TestUser>;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    orgA = await makeOrganisation(em, { name: 'A', bydeler: ['030101'] });
    const orgB = await makeOrganisation(em, { name: 'B' });
    const shelter = await makeOrganisation(em, { name: 'Krisesenteret', kind: OrganisationKind.SHELTER });
    users = {
      shelterStaff: { role: 'SHELTER_STAFF', organisationId: shelter.id },
      editorA: { role: 'ORG_EDITOR', organisationId: orgA.id },
      editorB: { role: 'ORG_EDITOR', organisationId: orgB.id },
      integrator: { role: 'BYDEL_INTEGRATOR', bydelCode: '030101' },
      admin: { role: 'PLATFORM_ADMIN' },
    };
  });
  afterAll(() => app.close());

  const em = () => app.em();
  const a = async () => (await em().findOneOrFail('OrganisationEntity', { id: orgA.id })) as OrganisationEntity;
  const activityOfA = async (status = OfferStatus.PUBLISHED) => makeActivity(em(), await a(), { status });
  const petCareOfA = async (status = OfferStatus.PUBLISHED) => makePetCareOffer(em(), await a(), { status });

  const cases: Case[] = [
    { operation: 'bydeler', query: '{ bydeler { code } }', variables: async () => ({}), expect: everyone() },
    { operation: 'bydel', query: '{ bydel(code: "030101") { name } }', variables: async () => ({}), expect: everyone() },
    { operation: 'organisations', query: '{ organisations { totalCount } }', variables: async () => ({}), expect: everyone() },
    { operation: 'organisation', query: 'query($id: ID!) { organisation(id: $id) { name } }', variables: async () => ({ id: orgA.id }), expect: everyone() },
    {
      operation: 'locations',
      query: 'query($id: ID!) { locations(organisationId: $id) { name } }',
      variables: async () => ({ id: orgA.id }),
      expect: everyone(),
    },
    { operation: 'activities', query: '{ activities { totalCount } }', variables: async () => ({}), expect: everyone() },
    {
      operation: 'activity',
      query: 'query($id: ID!) { activity(id: $id) { title } }',
      variables: async () => ({ id: (await activityOfA()).id }),
      expect: everyone(),
    },
    {
      operation: 'activity',
      query: 'query($id: ID!) { activity(id: $id) { title } }',
      variables: async () => ({ id: (await activityOfA(OfferStatus.DRAFT)).id }),
      expect: draftReaders,
    },
    { operation: 'petCareOffers', query: '{ petCareOffers { totalCount } }', variables: async () => ({}), expect: signedIn },
    {
      operation: 'petCareOffer',
      query: 'query($id: ID!) { petCareOffer(id: $id) { title } }',
      variables: async () => ({ id: (await petCareOfA()).id }),
      expect: signedIn,
    },
    {
      operation: 'contactPersons',
      query: 'query($id: ID!) { contactPersons(organisationId: $id) { name } }',
      variables: async () => ({ id: orgA.id }),
      expect: signedIn,
    },
    {
      operation: 'createActivity',
      query: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      variables: async () => ({
        input: {
          organisationId: orgA.id,
          title: 'Strikkekafé',
          description: 'Vi strikker og prater sammen.',
          category: 'SOCIAL',
          venueKind: 'ONLINE',
          joinMode: 'OPEN',
        },
      }),
      expect: editorsOfA,
    },
    {
      operation: 'updateActivity',
      query: 'mutation($id: ID!) { updateActivity(id: $id, input: { version: 1, title: "Nytt navn" }) { id } }',
      variables: async () => ({ id: (await activityOfA()).id }),
      expect: editorsOfA,
    },
    {
      operation: 'publishActivity',
      query: 'mutation($id: ID!) { publishActivity(id: $id) { id } }',
      variables: async () => ({ id: (await activityOfA(OfferStatus.DRAFT)).id }),
      expect: editorsOfADraft,
    },
    {
      operation: 'archiveActivity',
      query: 'mutation($id: ID!) { archiveActivity(id: $id) { id } }',
      variables: async () => ({ id: (await activityOfA()).id }),
      expect: editorsOfA,
    },
    {
      operation: 'confirmActivityStillValid',
      query: 'mutation($id: ID!) { confirmActivityStillValid(id: $id) { id } }',
      variables: async () => ({ id: (await activityOfA()).id }),
      expect: editorsOfA,
    },
    {
      operation: 'createPetCareOffer',
      query: 'mutation($input: CreatePetCareOfferInput!) { createPetCareOffer(input: $input) { id } }',
      variables: async () => ({
        input: { organisationId: orgA.id, title: 'Kattepensjonat', description: 'Plass til katter i inntil 30 dager.', careModel: 'CATTERY', species: ['CAT'] },
      }),
      expect: editorsOfA,
    },
    {
      operation: 'updatePetCareOffer',
      query: 'mutation($id: ID!) { updatePetCareOffer(id: $id, input: { version: 1, maxStayDays: 14 }) { id } }',
      variables: async () => ({ id: (await petCareOfA()).id }),
      expect: editorsOfA,
    },
    {
      operation: 'setPetCarePlacesAvailable',
      query: 'mutation($id: ID!) { setPetCarePlacesAvailable(id: $id, placesAvailable: 3) { id } }',
      variables: async () => ({ id: (await petCareOfA()).id }),
      expect: editorsOfA,
    },
    {
      operation: 'publishPetCareOffer',
      query: 'mutation($id: ID!) { publishPetCareOffer(id: $id) { id } }',
      variables: async () => ({ id: (await petCareOfA(OfferStatus.DRAFT)).id }),
      expect: editorsOfADraft,
    },
    {
      operation: 'archivePetCareOffer',
      query: 'mutation($id: ID!) { archivePetCareOffer(id: $id) { id } }',
      variables: async () => ({ id: (await petCareOfA()).id }),
      expect: editorsOfA,
    },
    {
      operation: 'confirmPetCareOfferStillValid',
      query: 'mutation($id: ID!) { confirmPetCareOfferStillValid(id: $id) { id } }',
      variables: async () => ({ id: (await petCareOfA()).id }),
      expect: editorsOfA,
    },
    {
      operation: 'addContactPerson',
      query: 'mutation($input: AddContactPersonInput!) { addContactPerson(input: $input) { id } }',
      variables: async () => ({ input: { organisationId: orgA.id, name: 'Ola Nordmann', phone: '22 33 44 55' } }),
      expect: editorsOfA,
    },
    {
      operation: 'updateContactPerson',
      query: 'mutation($id: ID!) { updateContactPerson(id: $id, input: { version: 1, title: "Leder" }) { id } }',
      variables: async () => ({ id: (await makeContact(em(), await a())).id }),
      expect: editorsOfA,
    },
    {
      operation: 'removeContactPerson',
      query: 'mutation($id: ID!) { removeContactPerson(id: $id) }',
      variables: async () => ({ id: (await makeContact(em(), await a())).id }),
      expect: editorsOfA,
    },
    {
      operation: 'createLocation',
      query: 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }',
      variables: async () => ({ input: { organisationId: orgA.id, name: 'Kafé', postalCode: '0557', visibility: 'PUBLIC' } }),
      expect: editorsOfA,
    },
    {
      operation: 'updateLocation',
      query: 'mutation($id: ID!) { updateLocation(id: $id, input: { version: 1, name: "Kafé 2" }) { id } }',
      variables: async () => ({ id: (await makeLocation(em(), await a())).id }),
      expect: editorsOfA,
    },
    {
      operation: 'createOrganisation',
      query: 'mutation { createOrganisation(input: { kind: VOLUNTEER_CENTRE, name: "Ny frivilligsentral" }) { id } }',
      variables: async () => ({}),
      expect: adminsOnly,
    },
    {
      operation: 'updateOrganisation',
      query: 'mutation($id: ID!) { updateOrganisation(id: $id, input: { version: 1, description: "Oppdatert" }) { id } }',
      variables: async () => ({ id: (await makeOrganisation(em())).id }),
      expect: adminsOnly,
    },
    {
      operation: 'updateOrganisationNotifications',
      query: 'mutation($id: ID!, $v: Int!) { updateOrganisationNotifications(id: $id, input: { version: $v, referralEmail: "henvisning@a.test" }) { id } }',
      variables: async () => ({ id: orgA.id, v: (await a()).version }),
      expect: editorsOfA,
    },
    {
      operation: 'recordVolunteerRoutine',
      query:
        'mutation($id: ID!, $on: String!) { recordVolunteerRoutine(input: { organisationId: $id, requirement: BASIC_TRAINING, confirmedOn: $on }) { id } }',
      variables: async () => ({ id: (await makeOrganisation(em())).id, on: app.clock.osloDate(-30) }),
      expect: adminsOnly,
    },
  ];

  it('covers every query and mutation of the schema', async () => {
    const { typeGraphqlSchema } = await buildDirectorySchema();
    const operations = [...Object.keys(typeGraphqlSchema.getQueryType()!.getFields()), ...Object.keys(typeGraphqlSchema.getMutationType()!.getFields())];
    expect([...new Set(cases.map((c) => c.operation))].sort()).toEqual(operations.sort());
  });

  const rows = cases.flatMap((c) => CALLERS.map((caller) => [c.operation, caller, c.expect[caller], c] as const));
  it.each(rows)('%s as %s → %s', async (_operation, caller, expected, c) => {
    const variables = await c.variables();
    const res = await app.query(c.query, { variables, as: caller === 'anonymous' ? undefined : users[caller] });
    const outcome = res.body.errors?.length ? res.body.errors[0]!.extensions?.code : 'OK';
    expect({ outcome, errors: outcome === expected ? undefined : res.body.errors }).toEqual({ outcome: expected, errors: undefined });
    if (expected === 'OK') expect(Object.values(res.body.data ?? {})[0]).not.toBeNull();
  });
});
