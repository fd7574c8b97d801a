import { ActivityCategory, VenueKind } from '../modules/activities/activity-enums.js';
import { OfferStatus } from '../modules/offers/offer-enums.js';
import type { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { makeActivity, makeContact, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

const DUE_DAYS = 30;
const STALE_DAYS = 60;
const ROUTINE_DAYS = 100;

const RECORD = `mutation($input: RecordVolunteerRoutineInput!) { recordVolunteerRoutine(input: $input) { meetsVolunteerRequirements volunteerRoutines { requirement validUntil } } }`;
const REQUIREMENTS = ['BASIC_TRAINING', 'CONFIDENTIALITY_DECLARATION', 'POLICE_CERTIFICATE'];

/** Offers, organisations, contacts and volunteer routines that stay true: their age is on the server's clock. */
describe('freshness', () => {
  let app: DirectoryTestApp;
  let org: OrganisationEntity;
  let staff: TestUser;
  let editor: TestUser;
  const admin: TestUser = { role: 'PLATFORM_ADMIN' };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await DirectoryTestApp.start({
      OFFER_DUE_AFTER_DAYS: String(DUE_DAYS),
      OFFER_STALE_AFTER_DAYS: String(STALE_DAYS),
      VOLUNTEER_ROUTINE_VALID_DAYS: String(ROUTINE_DAYS),
    });
    const em = app.em();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { kind: OrganisationKind.SHELTER, name: 'Krisesenteret' });
    org = await makeOrganisation(em, { kind: OrganisationKind.VOLUNTEER_CENTRE, name: 'Sagene frivilligsentral', bydeler: ['030103'] });
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id };
    editor = { role: 'ORG_EDITOR', organisationId: org.id };
    const at = (days: number) => app.clock.daysAgo(days);
    ids.fresh = (await makeActivity(em, org, { title: 'Flyttehjelp fersk', category: ActivityCategory.PRACTICAL_HELP, lastVerifiedAt: at(1) })).id;
    ids.due = (await makeActivity(em, org, { title: 'Flyttehjelp forfalt', category: ActivityCategory.PRACTICAL_HELP, lastVerifiedAt: at(DUE_DAYS + 1) })).id;
    ids.stale = (
      await makeActivity(em, org, { title: 'Flyttehjelp gammel', category: ActivityCategory.PRACTICAL_HELP, lastVerifiedAt: at(STALE_DAYS + 1) })
    ).id;
    ids.contact = (await makeContact(em, org)).id;
  });
  afterAll(() => app.close());

  const titlesFor = async (as?: TestUser) => {
    const res = await app.query(`{ activities(filter: { text: "flyttehjelp" }) { nodes { title verificationState } } }`, { as });
    expect(res.body.errors).toBeUndefined();
    return Object.fromEntries(res.body.data.activities.nodes.map((n: { title: string; verificationState: string }) => [n.title, n.verificationState]));
  };

  describe('offers: FRESH, DUE, STALE', () => {
    it('states each offer’s verification state, and signed-in callers see stale ones flagged', async () => {
      expect(await titlesFor(staff)).toEqual({ 'Flyttehjelp fersk': 'FRESH', 'Flyttehjelp forfalt': 'DUE', 'Flyttehjelp gammel': 'STALE' });
    });

    it('leaves stale offers out of every anonymous way to them: lists, search, reads, nested lists, the handover and _entities', async () => {
      expect(await titlesFor()).toEqual({ 'Flyttehjelp fersk': 'FRESH', 'Flyttehjelp forfalt': 'DUE' });
      const list = await app.query(`{ activities { nodes { id } } }`);
      expect(list.body.data.activities.nodes.map((n: { id: string }) => n.id)).not.toContain(ids.stale);
      const read = await app.query(`query($id: ID!) { activity(id: $id) { title } }`, { variables: { id: ids.stale } });
      expect(read.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const nested = await app.query(`query($id: ID!) { organisation(id: $id) { activities { title } offers { title } } }`, { variables: { id: org.id } });
      expect(nested.body.data.organisation.activities.map((a: { title: string }) => a.title).sort()).toEqual(['Flyttehjelp fersk', 'Flyttehjelp forfalt']);
      expect(nested.body.data.organisation.offers).toHaveLength(2);
      const handover = await app.query(`{ helpAfterMoving(bydel: "030103") { helperOffers { title } } }`);
      expect(handover.body.data.helpAfterMoving.helperOffers).toHaveLength(2);
      const entities = await app.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { title } } }`, {
        variables: {
          r: [
            { __typename: 'Activity', id: ids.stale },
            { __typename: 'Activity', id: ids.fresh },
          ],
        },
      });
      expect(entities.body.data._entities).toEqual([null, { title: 'Flyttehjelp fersk' }]);
      // Signed in, the same ways find it.
      const signedIn = await app.query(`query($id: ID!) { activity(id: $id) { verificationState } }`, { as: staff, variables: { id: ids.stale } });
      expect(signedIn.body.data.activity).toEqual({ verificationState: 'STALE' });
    });

    it('turns stale on the server’s clock, and a confirmation brings it back', async () => {
      app.clock.advanceDays(STALE_DAYS - DUE_DAYS); // the DUE one is now past the stale threshold, the fresh one due
      expect(await titlesFor()).toEqual({ 'Flyttehjelp fersk': 'DUE' });
      const confirmed = await app.query(`mutation($id: ID!) { confirmActivityStillValid(id: $id) { verificationState daysSinceVerified } }`, {
        as: editor,
        variables: { id: ids.stale },
      });
      expect(confirmed.body.data.confirmActivityStillValid).toEqual({ verificationState: 'FRESH', daysSinceVerified: 0 });
      expect(await titlesFor()).toEqual({ 'Flyttehjelp fersk': 'DUE', 'Flyttehjelp gammel': 'FRESH' });
    });
  });

  describe('organisations and contact persons have a verified date like offers', () => {
    it('confirms them, on the clock, by the organisation’s own editors and admins only', async () => {
      app.clock.advanceDays(5);
      const before = await app.query(`query($id: ID!) { organisation(id: $id) { daysSinceVerified contactPersons { daysSinceVerified } } }`, {
        as: staff,
        variables: { id: org.id },
      });
      expect(before.body.data.organisation.daysSinceVerified).toBeGreaterThanOrEqual(5);
      expect(before.body.data.organisation.contactPersons[0].daysSinceVerified).toBeGreaterThanOrEqual(5);

      const o = await app.query(`mutation($id: ID!) { confirmOrganisationStillValid(id: $id) { daysSinceVerified lastVerifiedAt } }`, {
        as: editor,
        variables: { id: org.id },
      });
      expect(o.body.errors).toBeUndefined();
      expect(o.body.data.confirmOrganisationStillValid.daysSinceVerified).toBe(0);
      expect(Math.abs(Date.parse(o.body.data.confirmOrganisationStillValid.lastVerifiedAt) - app.now().getTime())).toBeLessThan(60_000);
      const c = await app.query(`mutation($id: ID!) { confirmContactPersonStillValid(id: $id) { daysSinceVerified } }`, {
        as: editor,
        variables: { id: ids.contact },
      });
      expect(c.body.data.confirmContactPersonStillValid.daysSinceVerified).toBe(0);

      const otherEditor: TestUser = { role: 'ORG_EDITOR', organisationId: staff.organisationId };
      const refused = await app.query(`mutation($id: ID!) { confirmOrganisationStillValid(id: $id) { id } }`, { as: otherEditor, variables: { id: org.id } });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('volunteer routines expire', () => {
    let vetted: OrganisationEntity;
    let atShelter: string;

    beforeAll(async () => {
      const em = app.em();
      vetted = await makeOrganisation(em, { name: 'Leksehjelpen' });
      atShelter = (
        await makeActivity(em, vetted, {
          title: 'Leksehjelp på senteret',
          venueKind: VenueKind.AT_SHELTER,
          status: OfferStatus.DRAFT,
          audience: 'NETWORK' as never,
        })
      ).id;
    });

    const meets = async () => {
      const res = await app.query(`query($id: ID!) { organisation(id: $id) { meetsVolunteerRequirements } }`, { variables: { id: vetted.id } });
      const listed = await app.query(`{ organisations(filter: { meetsVolunteerRequirements: true }) { nodes { id } } }`);
      const inList = listed.body.data.organisations.nodes.some((n: { id: string }) => n.id === vetted.id);
      expect(inList).toBe(res.body.data.organisation.meetsVolunteerRequirements);
      return res.body.data.organisation.meetsVolunteerRequirements as boolean;
    };
    const publish = () =>
      app.query(`mutation($id: ID!) { publishActivity(id: $id) { status } }`, {
        as: { role: 'ORG_EDITOR', organisationId: vetted.id },
        variables: { id: atShelter },
      });

    it('refuses to publish an activity at a shelter for an organisation that does not meet the requirements', async () => {
      const res = await publish();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      const stored = await app.query(`query($id: ID!) { activity(id: $id) { status } }`, { as: admin, variables: { id: atShelter } });
      expect(stored.body.data.activity.status).toBe('DRAFT');
    });

    it('holds each confirmation until validUntil (by default VOLUNTEER_ROUTINE_VALID_DAYS), then meetsVolunteerRequirements turns false', async () => {
      const confirmedOn = app.clock.osloDate(-10);
      let last: any;
      for (const requirement of REQUIREMENTS) {
        const input = {
          organisationId: vetted.id,
          requirement,
          confirmedOn,
          ...(requirement === 'BASIC_TRAINING' ? { validUntil: app.clock.osloDate(20) } : {}),
        };
        last = await app.query(RECORD, { as: admin, variables: { input } });
        expect(last.body.errors).toBeUndefined();
      }
      expect(last.body.data.recordVolunteerRoutine.meetsVolunteerRequirements).toBe(true);
      const byRequirement = Object.fromEntries(
        last.body.data.recordVolunteerRoutine.volunteerRoutines.map((r: { requirement: string; validUntil: string }) => [r.requirement, r.validUntil]),
      );
      expect(byRequirement).toEqual({
        BASIC_TRAINING: app.clock.osloDate(20),
        CONFIDENTIALITY_DECLARATION: app.clock.osloDate(ROUTINE_DAYS - 10),
        POLICE_CERTIFICATE: app.clock.osloDate(ROUTINE_DAYS - 10),
      });
      expect(await meets()).toBe(true);
      expect((await publish()).body.data.publishActivity.status).toBe('PUBLISHED');

      // Admins see what lapses soon: the training within 30 days, not the others.
      const expiring = await app.query(`{ volunteerRoutinesExpiring(withinDays: 30) { requirement validUntil lapsed organisation { name } } }`, { as: admin });
      expect(expiring.body.data.volunteerRoutinesExpiring).toEqual([
        { requirement: 'BASIC_TRAINING', validUntil: app.clock.osloDate(20), lapsed: false, organisation: { name: 'Leksehjelpen' } },
      ]);

      app.clock.advanceDays(20);
      expect(await meets()).toBe(true); // the last day it holds
      app.clock.advanceDays(1);
      expect(await meets()).toBe(false);
      const lapsed = await app.query(`{ volunteerRoutinesExpiring(withinDays: 0) { requirement lapsed } }`, { as: admin });
      expect(lapsed.body.data.volunteerRoutinesExpiring).toEqual([{ requirement: 'BASIC_TRAINING', lapsed: true }]);

      // Archived and published again, the activity at the shelter is refused while the training has lapsed.
      await app.query(`mutation($id: ID!) { archiveActivity(id: $id) { status } }`, {
        as: { role: 'ORG_EDITOR', organisationId: vetted.id },
        variables: { id: atShelter },
      });
      expect((await publish()).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

      // Renewed, it holds again.
      await app.query(RECORD, {
        as: admin,
        variables: { input: { organisationId: vetted.id, requirement: 'BASIC_TRAINING', confirmedOn: app.clock.osloDate() } },
      });
      expect(await meets()).toBe(true);
    });

    it('refuses a validUntil not after confirmedOn, and a query of expiries for a bad number of days or by anyone but admins', async () => {
      const bad = await app.query(RECORD, {
        as: admin,
        variables: {
          input: { organisationId: vetted.id, requirement: 'BASIC_TRAINING', confirmedOn: app.clock.osloDate(-1), validUntil: app.clock.osloDate(-1) },
        },
      });
      expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
      const days = await app.query(`{ volunteerRoutinesExpiring(withinDays: -1) { requirement } }`, { as: admin });
      expect(days.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'withinDays' });
      const notAdmin = await app.query(`{ volunteerRoutinesExpiring(withinDays: 30) { requirement } }`, { as: staff });
      expect(notAdmin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
