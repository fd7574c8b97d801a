import { randomUUID } from 'node:crypto';

import { run } from '../../../client/examples/search-activities.js';
import {
  ActivityById,
  BydelStatistics,
  CreateReferral,
  Inbox,
  OrganisationsOfBydel,
  PetCareOffers,
  SamspillClient,
  SamspillError,
  SearchActivities,
  TransitionReferral,
} from '../../../client/src/index.js';
import { makeActivity, makeLocation, makeOrganisation, makePetCareOffer, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { OrganisationKind } from '../../../directory/src/modules/organisations/organisation-kind.enum.js';
import { type Caller, PlatformTestApp } from './support/platform.js';

/* @samspill/client, the typed integrators' client, against the real gateway and subgraphs. */
describe('@samspill/client through the gateway', () => {
  let app: PlatformTestApp;
  let activityId: string;
  let shelterId: string;
  let orgId: string;
  let staff: Caller;
  let editor: Caller;
  const sent: Array<{ headers: Headers; body: string }> = [];
  /** A client as an integrator makes one, its requests recorded to check what it sends. */
  const clientFor = (caller?: Caller) =>
    new SamspillClient({
      url: app.urls.gateway,
      token: caller ? () => app.token(caller) : undefined,
      fetch: (input, init) => {
        sent.push({ headers: new Headers(init?.headers), body: String(init?.body) });
        return fetch(input, init);
      },
    });

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    const em = app.directoryEm();
    await seedBydeler(em);
    shelterId = (await makeOrganisation(em, { name: 'Oslo Krisesenter', kind: OrganisationKind.SHELTER })).id;
    const org = await makeOrganisation(em, { name: 'Oslo Røde Kors', bydeler: ['030102'] });
    orgId = org.id;
    const place = await makeLocation(em, org, { name: 'Frivillighetshuset', bydel: '030102' });
    activityId = (await makeActivity(em, org, { title: 'Språkkafé', venueKind: 'LOCATION' as never, location: place, bydel: place.bydel })).id;
    await makeActivity(em, org, { title: 'Strikkekafé' });
    await makePetCareOffer(em, org, { title: 'Fosterhjem for katt' });
    staff = { role: 'SHELTER_STAFF', organisationId: shelterId, subject: 'staff-1' };
    editor = { role: 'ORG_EDITOR', organisationId: orgId, subject: 'editor-1' };
  });
  afterAll(() => app.close());

  it('searches activities of a bydel and reads one, typed, as an anonymous caller', async () => {
    const client = clientFor();
    const found = await client.query(SearchActivities, { filter: { bydeler: ['030102'] } });
    expect(found.activities.totalCount).toBe(1);
    expect(found.activities.nodes.map((a) => [a.title, a.organisation.name, a.venueLabel, a.bydel?.code])).toEqual([
      ['Språkkafé', 'Oslo Røde Kors', 'Frivillighetshuset', '030102'],
    ]);
    const { activity } = await client.query(ActivityById, { id: activityId });
    expect(activity).toMatchObject({ id: activityId, title: 'Språkkafé', schedule: { weekly: [{ weekday: 'TUESDAY', interval: 1 }], monthly: [] } });
    // A query carries neither a token nor an Idempotency-Key.
    expect(sent.at(-1)!.headers.get('authorization')).toBeNull();
    expect(sent.at(-1)!.headers.get('idempotency-key')).toBeNull();
  });

  it('the documented example program runs: activities of the bydel, one of them, its organisations and statistics', async () => {
    const integrator: Caller = { role: 'BYDEL_INTEGRATOR', bydelCode: '030102', subject: 'bydel-1' };
    const lines = await run(clientFor(integrator), '030102', true, app.now());
    expect(lines[0]).toBe('1 activities in bydel 030102:');
    expect(lines[1]).toMatch(/^- Språkkafé \(Oslo Røde Kors, Frivillighetshuset\) next /);
    expect(lines).toContain('"Språkkafé": 1 weekly, 0 monthly slots');
    expect(lines).toContain(`calendar: ${clientFor().origin}/calendar/activities/${activityId}.ics`);
    expect(lines).toContain('1 organisations in bydel 030102: Oslo Røde Kors');
    expect(lines.at(-1)).toMatch(/^\d+ statistics cells from \d{4}-\d{2} to \d{4}-\d{2}$/);
  });

  it('the calendar link the example prints answers through the gateway', async () => {
    const res = await fetch(`${clientFor().origin}/calendar/activities/${activityId}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await res.text()).toContain('SUMMARY:Språkkafé');
  });

  it('lists organisations of a bydel, statistics for its integrator, and pet-care offers for signed-in users', async () => {
    const integrator = clientFor({ role: 'BYDEL_INTEGRATOR', bydelCode: '030102', subject: 'bydel-2' });
    expect((await integrator.query(OrganisationsOfBydel, { bydel: '030102' })).organisations.nodes.map((o) => o.name)).toEqual(['Oslo Røde Kors']);
    expect(
      Array.isArray((await integrator.query(BydelStatistics, { fromMonth: app.clock.osloMonth(-60), toMonth: app.clock.osloMonth(-30) })).referralStatistics),
    ).toBe(true);
    expect((await clientFor(staff).query(PetCareOffers, {})).petCareOffers.nodes.map((o) => o.title)).toEqual(['Fosterhjem for katt']);
  });

  it('creates and sends a referral with an Idempotency-Key (a retry with the key creates nothing), and it reaches the organisation’s inbox', async () => {
    const shelter = clientFor(staff);
    const input = {
      activityId,
      ageGroup: 'ADULT' as const,
      needDescription: 'Ønsker å bli kjent med folk i nærmiljøet.',
      consent: { scope: ['AGE_GROUP' as const, 'NEED_DESCRIPTION' as const], expiresOn: app.clock.osloDate(100) },
    };
    const key = randomUUID();
    const created = await shelter.mutate(CreateReferral, { input }, { idempotencyKey: key });
    expect(sent.at(-1)!.headers.get('idempotency-key')).toBe(key);
    expect(sent.at(-1)!.headers.get('authorization')).toMatch(/^Bearer /);
    const again = await shelter.mutate(CreateReferral, { input }, { idempotencyKey: key });
    expect(again.createReferral.id).toBe(created.createReferral.id);
    const [{ count }] = await app.referralsEm().execute(`select count(*)::int as count from referrals.referral`);
    expect(count).toBe(1);
    expect(created.createReferral).toMatchObject({ status: 'DRAFT' });

    const sentReferral = await shelter.mutate(TransitionReferral, { id: created.createReferral.id, version: created.createReferral.version, action: 'SEND' });
    expect(sentReferral.transitionReferral.status).toBe('SENT');
    // Without a key of its own, mutate makes one.
    expect(sent.at(-1)!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);

    const inbox = await clientFor(editor).query(Inbox, {});
    expect(inbox.referrals.nodes.map((r) => [r.id, r.status, r.activity?.title, r.sendingShelter?.name])).toEqual([
      [created.createReferral.id, 'SENT', 'Språkkafé', 'Oslo Krisesenter'],
    ]);
  });

  it('turns GraphQL errors into a SamspillError with the code and the field at fault', async () => {
    const error = await clientFor()
      .query(SearchActivities, { filter: { bydeler: ['0301'] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SamspillError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringContaining('bydeler') });
    const anonymousInbox = await clientFor()
      .query(Inbox, {})
      .catch((e: unknown) => e);
    expect(anonymousInbox).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
