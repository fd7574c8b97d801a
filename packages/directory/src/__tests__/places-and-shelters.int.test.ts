import { ActivityEntity } from '../modules/activities/activity.entity.js';
import { LocationVisibility } from '../modules/locations/location-visibility.enum.js';
import type { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { makeActivity, makeLocation, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id audience bydel { code } } }`;
const UPDATE_LOCATION = `mutation($id: ID!, $input: UpdateLocationInput!) { updateLocation(id: $id, input: $input) { id visibility version } }`;

describe('places, shelters and what they must never give away', () => {
  let app: DirectoryTestApp;
  let a: OrganisationEntity;
  let b: OrganisationEntity;
  let shelter: OrganisationEntity;
  let editorA: TestUser;
  let shelterEditor: TestUser;
  const admin: TestUser = { role: 'PLATFORM_ADMIN' };

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    a = await makeOrganisation(em, { name: 'A' });
    b = await makeOrganisation(em, { name: 'B' });
    shelter = await makeOrganisation(em, { name: 'Krisesenteret', kind: OrganisationKind.SHELTER });
    editorA = { role: 'ORG_EDITOR', organisationId: a.id };
    shelterEditor = { role: 'ORG_EDITOR', organisationId: shelter.id };
  });
  afterAll(() => app.close());

  const activityInput = (locationId: string, extra: object = {}) => ({
    organisationId: a.id,
    title: 'Språkkafé',
    description: 'Norsktrening over en kopp kaffe.',
    category: 'LANGUAGE',
    venueKind: 'LOCATION',
    joinMode: 'OPEN',
    locationId,
    ...extra,
  });

  it("refuses another organisation's network-only place", async () => {
    const theirs = await makeLocation(app.em(), b, { visibility: LocationVisibility.NETWORK, bydel: '030104' });
    const res = await app.query(CREATE, { variables: { input: activityInput(theirs.id) }, as: editorA });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.locationId' });
  });

  it('lists an activity at its own network-only place for the network only', async () => {
    const own = await makeLocation(app.em(), a, { visibility: LocationVisibility.NETWORK, bydel: '030104' });
    const res = await app.query(CREATE, { variables: { input: activityInput(own.id) }, as: editorA });
    expect(res.body.data.createActivity).toMatchObject({ audience: 'NETWORK', bydel: { code: '030104' } });
    const refused = await app.query(CREATE, { variables: { input: activityInput(own.id, { audience: 'PUBLIC' }) }, as: editorA });
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.audience' });
  });

  it('keeps activities in step with their place: bydel and visibility follow; a place in use cannot turn confidential', async () => {
    const place = await makeLocation(app.em(), a, { visibility: LocationVisibility.PUBLIC, bydel: '030102' });
    const activity = await makeActivity(app.em(), a, { venueKind: 'LOCATION' as never, location: place, bydel: place.bydel });
    const moved = await app.query(UPDATE_LOCATION, {
      variables: { id: place.id, input: { version: 1, bydelCode: '030103', visibility: 'NETWORK' } },
      as: editorA,
    });
    expect(moved.body.errors).toBeUndefined();
    const stored = await app.em().findOneOrFail(ActivityEntity, { id: activity.id });
    expect({ bydel: stored.bydel?.code, audience: stored.audience }).toEqual({ bydel: '030103', audience: 'NETWORK' });

    const hidden = await app.query(UPDATE_LOCATION, { variables: { id: place.id, input: { version: 2, visibility: 'CONFIDENTIAL' } }, as: editorA });
    expect(hidden.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.visibility' });
  });

  it("keeps a shelter's places confidential: its editors cannot make one visible, an admin can", async () => {
    const create = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { visibility } }`;
    const input = { organisationId: shelter.id, name: 'Inngang', visibility: 'PUBLIC' };
    expect((await app.query(create, { variables: { input }, as: shelterEditor })).body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.visibility',
    });
    expect((await app.query(create, { variables: { input: { ...input, visibility: 'CONFIDENTIAL' } }, as: shelterEditor })).body.data.createLocation).toEqual({
      visibility: 'CONFIDENTIAL',
    });
    expect((await app.query(create, { variables: { input }, as: admin })).body.data.createLocation).toEqual({ visibility: 'PUBLIC' });
  });

  it('never records the bydeler of a shelter, and shows it serving all of Oslo', async () => {
    const update = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }`;
    const refused = await app.query(update, { variables: { id: shelter.id, input: { version: 1, bydeler: ['030105'] } }, as: admin });
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bydeler' });
    const shown = await app.query('query($id: ID!) { organisation(id: $id) { bydeler { code } } }', { variables: { id: shelter.id } });
    expect(shown.body.data.organisation.bydeler.map((x: { code: string }) => x.code)).toEqual([
      '030101',
      '030102',
      '030103',
      '030104',
      '030105',
      '030106',
      '030107',
      '030108',
      '030109',
      '030110',
      '030111',
      '030112',
      '030113',
      '030114',
      '030115',
    ]);
    const underBydel = await app.query('{ bydel(code: "030105") { organisations { name } } }');
    expect(underBydel.body.data.bydel.organisations).toEqual([]);
  });

  it('raises the version when only the bydeler change, so a concurrent change of them conflicts', async () => {
    const org = await makeOrganisation(app.em(), { name: 'C' });
    const update = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { version } }`;
    const first = await app.query(update, { variables: { id: org.id, input: { version: 1, bydeler: ['030101'] } }, as: admin });
    expect(first.body.data.updateOrganisation.version).toBe(2);
    const stale = await app.query(update, { variables: { id: org.id, input: { version: 1, bydeler: ['030102'] } }, as: admin });
    expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('refuses a parent that would make a cycle, and a routine confirmed in the future', async () => {
    const parent = await makeOrganisation(app.em(), { name: 'Forelder' });
    const child = await makeOrganisation(app.em(), { name: 'Barn' });
    const update = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { version } }`;
    expect((await app.query(update, { variables: { id: child.id, input: { version: 1, parentId: parent.id } }, as: admin })).body.errors).toBeUndefined();
    const cycle = await app.query(update, { variables: { id: parent.id, input: { version: 1, parentId: child.id } }, as: admin });
    expect(cycle.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });

    const future = await app.query(
      `mutation($id: ID!, $on: String!) { recordVolunteerRoutine(input: { organisationId: $id, requirement: BASIC_TRAINING, confirmedOn: $on }) { id } }`,
      { variables: { id: parent.id, on: app.clock.osloDate(1) }, as: admin },
    );
    expect(future.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confirmedOn' });
  });
});
