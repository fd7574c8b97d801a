import { DAY_MS } from '@samspill/core';

import { makeActivity, makeOrganisation, makePetCareOffer, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { OrganisationKind } from '../../../directory/src/modules/organisations/organisation-kind.enum.js';
import { type Caller, PlatformTestApp } from './support/platform.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * What a referral takes from the offer it looks up: a pet-care referral's deadline (the offer's
 * answerWithinHours, 24 by default, not the 14 days of activities), and a warning for the staff
 * member when the organisation does not meet the shelters' volunteer requirements.
 */
describe('referrals: what the offer look-up brings', () => {
  let app: PlatformTestApp;
  let staff: Caller;
  let editor: Caller;
  const admin: Caller = { role: 'PLATFORM_ADMIN', subject: 'admin-1' };
  let vetted: string;
  let unvetted: string;
  const offers: Record<string, string> = {};

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    const em = app.directoryEm();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { name: 'Oslo Krisesenter', kind: OrganisationKind.SHELTER });
    const vettedOrg = await makeOrganisation(em, { name: 'Dyrevernet', kind: OrganisationKind.ANIMAL_WELFARE });
    const unvettedOrg = await makeOrganisation(em, { name: 'Nystartet forening' });
    vetted = vettedOrg.id;
    unvetted = unvettedOrg.id;
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id, subject: 'staff-1' };
    editor = { role: 'ORG_EDITOR', organisationId: unvetted, subject: 'editor-1' };
    offers.urgent = (await makePetCareOffer(em, vettedOrg, { title: 'Akutt hundeplass', answerWithinHours: 6 })).id;
    offers.petCareDefault = (await makePetCareOffer(em, vettedOrg, { title: 'Fosterhjem' })).id;
    offers.activity = (await makeActivity(em, vettedOrg, { title: 'Turgruppe' })).id;
    offers.unvettedActivity = (await makeActivity(em, unvettedOrg, { title: 'Kaffetreff' })).id;
    for (const requirement of ['BASIC_TRAINING', 'CONFIDENTIALITY_DECLARATION', 'POLICE_CERTIFICATE']) {
      await app.ok(`mutation($input: RecordVolunteerRoutineInput!) { recordVolunteerRoutine(input: $input) { id } }`, {
        as: admin,
        variables: { input: { organisationId: vetted, requirement, confirmedOn: app.clock.osloDate(-1) } },
      });
    }
  });
  afterAll(() => app.close());

  const referAndSend = async (target: Record<string, string>) => {
    const created = await app.ok(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { id version volunteerRequirementsWarning } }`, {
      as: staff,
      variables: { input: { ...target, pseudonymousReference: 'OK-1', consent: { scope: ['PSEUDONYMOUS_REFERENCE'], expiresOn: app.clock.osloDate(30) } } },
    });
    const { id, version, volunteerRequirementsWarning } = created.createReferral;
    const sent = await app.ok(
      `mutation($id: ID!, $v: Int!) { transitionReferral(id: $id, version: $v, action: SEND) { sentAt answerDeadline volunteerRequirementsWarning } }`,
      { as: staff, variables: { id, v: version } },
    );
    const { sentAt, answerDeadline } = sent.transitionReferral;
    return { id, warning: volunteerRequirementsWarning as string | null, hours: (Date.parse(answerDeadline) - Date.parse(sentAt)) / HOUR_MS };
  };

  it("takes a pet-care referral's deadline from the offer (24 hours by default), an activity's from the referrals' days", async () => {
    expect((await referAndSend({ petCareOfferId: offers.urgent! })).hours).toBe(6);
    expect((await referAndSend({ petCareOfferId: offers.petCareDefault! })).hours).toBe(24);
    expect((await referAndSend({ activityId: offers.activity! })).hours).toBe((app.config.referrals.answerDays * DAY_MS) / HOUR_MS);
  });

  it('expires an unanswered pet-care referral after its hours, not after days', async () => {
    const { id } = await referAndSend({ petCareOfferId: offers.urgent! });
    app.clock.moveTo(new Date(app.now().getTime() + 7 * HOUR_MS));
    await app.runJobs();
    const res = await app.ok(`query($id: ID!) { referral(id: $id) { status } }`, { as: staff, variables: { id } });
    expect(res.referral.status).toBe('EXPIRED');
  });

  it('warns the staff member when the organisation does not meet the volunteer requirements, and only them', async () => {
    expect((await referAndSend({ activityId: offers.activity! })).warning).toBeNull();
    const { id, warning } = await referAndSend({ activityId: offers.unvettedActivity! });
    expect(warning).toMatch(/volunteer requirements/);
    const seenByOrganisation = await app.ok(`query($id: ID!) { referral(id: $id) { volunteerRequirementsWarning } }`, { as: editor, variables: { id } });
    expect(seenByOrganisation.referral.volunteerRequirementsWarning).toBeNull();
  });

  it('warns too once a confirmation of the organisation has lapsed (on the clock)', async () => {
    // The routines were confirmed yesterday and hold VOLUNTEER_ROUTINE_VALID_DAYS.
    app.advanceDays(app.config.freshness.volunteerRoutineValidDays);
    expect((await referAndSend({ activityId: offers.activity! })).warning).toMatch(/lapsed/);
  });
});
