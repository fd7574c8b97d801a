import { ActivityCategory } from '../modules/activities/activity-enums.js';
import { OfferAudience, OfferStatus } from '../modules/offers/offer-enums.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { makeActivity, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

const SAGENE = '030103';
const GRORUD = '030110';

const HANDOVER = `query($bydel: String!) {
  helpAfterMoving(bydel: $bydel) {
    bydel { code name }
    cooperationContact { role office phone email }
    volunteerCentres { name kind }
    helperOffers { title category organisation { name } }
  }
}`;

const SET = `mutation($input: SetBydelCooperationContactInput!) { setBydelCooperationContact(input: $input) { role office phone email } }`;

describe('handover to the bydel: help after moving to Bydel X', () => {
  let app: DirectoryTestApp;
  const admin: TestUser = { role: 'PLATFORM_ADMIN' };
  let staff: TestUser;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { kind: OrganisationKind.SHELTER, name: 'Krisesenteret' });
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id };
    const sagene = await makeOrganisation(em, { kind: OrganisationKind.VOLUNTEER_CENTRE, name: 'Sagene frivilligsentral', bydeler: [SAGENE] });
    const grorud = await makeOrganisation(em, { kind: OrganisationKind.VOLUNTEER_CENTRE, name: 'Grorud frivilligsentral', bydeler: [GRORUD] });
    const other = await makeOrganisation(em, { kind: OrganisationKind.VOLUNTARY_ORGANISATION, name: 'Turlaget Sagene', bydeler: [SAGENE] });
    await makeActivity(em, sagene, { title: 'Flyttehjelp', category: ActivityCategory.PRACTICAL_HELP });
    await makeActivity(em, sagene, { title: 'Følge til visning', category: ActivityCategory.HOUSING, audience: OfferAudience.NETWORK });
    await makeActivity(em, sagene, { title: 'Hjelpevenn', category: ActivityCategory.MENTORING, status: OfferStatus.DRAFT });
    await makeActivity(em, sagene, { title: 'Strikkekafé', category: ActivityCategory.SOCIAL });
    await makeActivity(em, grorud, { title: 'Grorud flyttehjelp', category: ActivityCategory.PRACTICAL_HELP });
    await makeActivity(em, other, { title: 'Turhjelp', category: ActivityCategory.PRACTICAL_HELP });
  });
  afterAll(() => app.close());

  it("returns the bydel's frivilligsentral, its helper offers the caller may see, and the cooperation contact", async () => {
    const set = await app.query(SET, {
      as: admin,
      variables: {
        input: {
          bydel: SAGENE,
          role: 'Koordinator for samarbeid med krisesenteret',
          office: 'Bydel Sagene, Barne- og familietjenesten',
          phone: '23 47 00 00',
          email: 'postmottak@bsa.oslo.kommune.no',
        },
      },
    });
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data.setBydelCooperationContact.phone).toBe('+4723470000');

    const res = await app.query(HANDOVER, { as: staff, variables: { bydel: SAGENE } });
    expect(res.body.errors).toBeUndefined();
    const answer = res.body.data.helpAfterMoving;
    expect(answer.bydel).toEqual({ code: SAGENE, name: 'Sagene' });
    expect(answer.cooperationContact).toEqual({
      role: 'Koordinator for samarbeid med krisesenteret',
      office: 'Bydel Sagene, Barne- og familietjenesten',
      phone: '+4723470000',
      email: 'postmottak@bsa.oslo.kommune.no',
    });
    expect(answer.volunteerCentres).toEqual([{ name: 'Sagene frivilligsentral', kind: 'VOLUNTEER_CENTRE' }]);
    // Helper offers of Sagene's frivilligsentral only: no draft, no social activity, none of Grorud's or of other organisations.
    expect(answer.helperOffers.map((o: { title: string }) => o.title)).toEqual(['Flyttehjelp', 'Følge til visning']);

    // Anonymous callers get the same answer within the offers' rule: no network-only offer.
    const anonymous = await app.query(HANDOVER, { variables: { bydel: SAGENE } });
    expect(anonymous.body.data.helpAfterMoving.helperOffers.map((o: { title: string }) => o.title)).toEqual(['Flyttehjelp']);
  });

  it('is part of Bydel in the directory, and null where none is recorded', async () => {
    const res = await app.query(
      `{ sagene: bydel(code: "${SAGENE}") { shelterCooperationContact { office } } grorud: bydel(code: "${GRORUD}") { shelterCooperationContact { office } } }`,
    );
    expect(res.body.data).toEqual({
      sagene: { shelterCooperationContact: { office: 'Bydel Sagene, Barne- og familietjenesten' } },
      grorud: { shelterCooperationContact: null },
    });
  });

  it('refuses an unknown bydel, and a contact recorded by anyone but an admin', async () => {
    const bad = await app.query(HANDOVER, { as: staff, variables: { bydel: '030199' } });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bydel' });
    const forbidden = await app.query(SET, { as: staff, variables: { input: { bydel: GRORUD, role: 'Koordinator', office: 'Bydel Grorud' } } });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
