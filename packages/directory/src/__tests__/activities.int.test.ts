import { Cursor } from '@mikro-orm/core';
import type { GraphQLResponse } from '@samspill/core/testkit';
import { DateTime } from 'luxon';

import { columnOrder } from '../common/ranked-search.js';
import { ActivityEntity } from '../modules/activities/activity.entity.js';
import { ActivityCategory, JoinMode, TargetGroup, VenueKind, Weekday } from '../modules/activities/activity-enums.js';
import type { ScheduleData } from '../modules/activities/schedule.js';
import { BydelEntity } from '../modules/bydeler/bydel.entity.js';
import type { ContactPersonEntity } from '../modules/contact-persons/contact-person.entity.js';
import type { LocationEntity } from '../modules/locations/location.entity.js';
import { LocationVisibility } from '../modules/locations/location-visibility.enum.js';
import { CostKind, OfferAudience, OfferStatus } from '../modules/offers/offer-enums.js';
import { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { makeActivity, makeContact, makeLocation, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

const weekly = (...days: Weekday[]): ScheduleData => ({
  weekly: days.map((weekday) => ({ weekday, startTime: '17:00', endTime: '19:00' })),
  exceptions: [],
  dates: [],
});

const ACTIVITY_FIELDS = `id title status venueKind audience costKind priceNok capacity placesAvailable capacityUpdatedAt
  publishedAt lastVerifiedAt version ageMin ageMax languages bydel { code } location { id }
  schedule { weekly { weekday startTime endTime } exceptions { date } dates { date } }`;
const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateActivityInput!) { updateActivity(id: $id, input: $input) { ${ACTIVITY_FIELDS} } }`;

describe('activities: creating and changing', () => {
  let app: DirectoryTestApp;
  let orgA: OrganisationEntity;
  let orgB: OrganisationEntity;
  let editorA: TestUser;
  let locA: LocationEntity;
  let confidentialA: LocationEntity;
  let publicB: LocationEntity;
  let confidentialB: LocationEntity;
  let contactA: ContactPersonEntity;
  let contactB: ContactPersonEntity;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    orgA = await makeOrganisation(em, { name: 'Oslo Røde Kors' });
    orgB = await makeOrganisation(em, { name: 'Krisesenteret B', kind: OrganisationKind.SHELTER });
    locA = await makeLocation(em, orgA, { name: 'Frivillighetshuset', bydel: '030104' });
    confidentialA = await makeLocation(em, orgA, { name: 'Egen skjult adresse', bydel: '030105', visibility: LocationVisibility.CONFIDENTIAL });
    publicB = await makeLocation(em, orgB, { name: 'Bibliotek', bydel: '030112' });
    confidentialB = await makeLocation(em, orgB, { name: 'Krisesenteret', bydel: '030101', visibility: LocationVisibility.CONFIDENTIAL });
    contactA = await makeContact(em, orgA, 'Kari A');
    contactB = await makeContact(em, orgB, 'Kari B');
    editorA = { role: 'ORG_EDITOR', organisationId: orgA.id };
  });
  afterAll(() => app.close());

  const base = () => ({
    organisationId: orgA.id,
    title: 'Strikkekafé',
    description: 'Vi strikker og prater sammen.',
    category: 'SOCIAL',
    venueKind: 'ONLINE',
    joinMode: 'OPEN',
  });
  const create = (input: Record<string, unknown>, as: TestUser = editorA) => app.query(CREATE, { variables: { input: { ...base(), ...input } }, as });
  const stored = (id: string) => app.em().findOneOrFail(ActivityEntity, { id }, { populate: ['location', 'bydel'] as never });
  const countOfA = () => app.em().count(ActivityEntity, { organisation: orgA.id });

  it('creates a DRAFT with defaults and derives the weekdays from the schedule', async () => {
    const schedule = {
      weekly: [
        { weekday: 'THURSDAY', startTime: '17:00', endTime: '19:00' },
        { weekday: 'MONDAY', startTime: '10:00', endTime: '12:00' },
      ],
      dates: [{ date: app.clock.osloDateOnWeekday(6), startTime: '12:00', endTime: '14:00' }], // a Saturday
    };
    const res = await create({ schedule, languages: ['no', 'ar'] });
    expect(res.body.errors).toBeUndefined();
    const created = res.body.data.createActivity;
    expect(created).toMatchObject({
      status: 'DRAFT',
      venueKind: 'ONLINE',
      audience: 'PUBLIC',
      costKind: 'FREE',
      languages: ['no', 'ar'],
      publishedAt: null,
      capacityUpdatedAt: null,
      version: 1,
      bydel: null,
      location: null,
    });
    const row = await stored(created.id);
    expect(row.weekdays).toEqual([1, 4, 6]);
    expect(row.status).toBe(OfferStatus.DRAFT);
    expect(row.organisation.id).toBe(orgA.id);
  });

  it('a LOCATION activity takes the bydel of its location', async () => {
    const res = await create({ venueKind: 'LOCATION', locationId: locA.id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createActivity).toMatchObject({ venueKind: 'LOCATION', bydel: { code: '030104' }, location: { id: locA.id } });
    const row = await stored(res.body.data.createActivity.id);
    expect([row.location?.id, row.bydel?.code]).toEqual([locA.id, '030104']);
  });

  it("an update that leaves the place alone keeps the location's rules: bydel kept, a NETWORK place stays NETWORK, a shelter's place stays AT_SHELTER", async () => {
    const em = app.em();
    const networkA = await makeLocation(em, orgA, { name: 'Møterom', bydel: '030106', visibility: LocationVisibility.NETWORK });
    const update = async (id: string, version: number, input: Record<string, unknown>) =>
      (await app.query(UPDATE, { variables: { id, input: { ...input, version } }, as: editorA })).body;

    const atLocation = (await create({ venueKind: 'LOCATION', locationId: locA.id })).body.data.createActivity;
    const renamed = await update(atLocation.id, atLocation.version, { title: 'Nytt navn' });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data.updateActivity).toMatchObject({ title: 'Nytt navn', bydel: { code: '030104' } });

    const atNetwork = (await create({ venueKind: 'LOCATION', locationId: networkA.id })).body.data.createActivity;
    expect(atNetwork.audience).toBe('NETWORK');
    const madePublic = await update(atNetwork.id, atNetwork.version, { audience: 'PUBLIC' });
    expect(madePublic.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.audience' });

    const atShelter = (await create({ venueKind: 'AT_SHELTER', locationId: confidentialA.id })).body.data.createActivity;
    const moved = await update(atShelter.id, atShelter.version, { venueKind: 'LOCATION' });
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.locationId' });
    expect((await stored(atShelter.id)).venueKind).toBe(VenueKind.AT_SHELTER);
  });

  it("may use another organisation's public location, and then takes that location's bydel", async () => {
    const res = await create({ venueKind: 'LOCATION', locationId: publicB.id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createActivity.bydel).toEqual({ code: '030112' });
  });

  it('AT_SHELTER forces audience NETWORK and bydel null, even with a confidential location that has a bydel', async () => {
    const res = await create({ venueKind: 'AT_SHELTER', locationId: confidentialA.id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createActivity).toMatchObject({ venueKind: 'AT_SHELTER', audience: 'NETWORK', bydel: null });
    const row = await stored(res.body.data.createActivity.id);
    expect({ audience: row.audience, bydel: row.bydel ?? null, location: row.location?.id }).toEqual({
      audience: OfferAudience.NETWORK,
      bydel: null,
      location: confidentialA.id,
    });
  });

  it('ONLINE clears a location that was sent', async () => {
    const res = await create({ venueKind: 'ONLINE', locationId: locA.id });
    expect(res.body.errors).toBeUndefined();
    const row = await stored(res.body.data.createActivity.id);
    expect({ location: row.location ?? null, bydel: row.bydel ?? null }).toEqual({ location: null, bydel: null });
  });

  it('moving an activity from a location to online clears its location and bydel', async () => {
    const created = (await create({ venueKind: 'LOCATION', locationId: locA.id })).body.data.createActivity;
    const res = await app.query(UPDATE, { variables: { id: created.id, input: { version: created.version, venueKind: 'ONLINE' } }, as: editorA });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateActivity).toMatchObject({ venueKind: 'ONLINE', bydel: null, location: null, version: 2 });
    const row = await stored(created.id);
    expect({ location: row.location ?? null, bydel: row.bydel ?? null }).toEqual({ location: null, bydel: null });
  });

  const invalid: Array<[string, string, () => Record<string, unknown>]> = [
    ['a title that is too short', 'input.title', () => ({ title: 'ab' })],
    ['an unknown language code', 'input.languages', () => ({ languages: ['no', 'xx'] })],
    ['ageMin greater than ageMax', 'input.ageMin', () => ({ ageMin: 12, ageMax: 6 })],
    ['an age over 120', 'input.ageMax', () => ({ ageMax: 121 })],
    ['LOCATION without a location', 'input.locationId', () => ({ venueKind: 'LOCATION' })],
    ['a confidential location of another organisation', 'input.locationId', () => ({ venueKind: 'LOCATION', locationId: confidentialB.id })],
    ['AT_SHELTER at a confidential location of another organisation', 'input.locationId', () => ({ venueKind: 'AT_SHELTER', locationId: confidentialB.id })],
    ['its own confidential location for a LOCATION activity', 'input.locationId', () => ({ venueKind: 'LOCATION', locationId: confidentialA.id })],
    ['AT_SHELTER at a public location', 'input.locationId', () => ({ venueKind: 'AT_SHELTER', locationId: locA.id })],
    ['AT_SHELTER listed for the PUBLIC', 'input.audience', () => ({ venueKind: 'AT_SHELTER', audience: 'PUBLIC' })],
    ['a location that does not exist', 'input.locationId', () => ({ venueKind: 'LOCATION', locationId: '00000000-0000-4000-8000-000000000000' })],
    ['a contact person of another organisation', 'input.contactPersonId', () => ({ contactPersonId: contactB.id })],
    ['a price for a FREE activity', 'input.priceNok', () => ({ costKind: 'FREE', priceNok: 50 })],
    ['a price for a SPONSORED activity', 'input.priceNok', () => ({ costKind: 'SPONSORED', priceNok: 50 })],
    ['more places available than capacity', 'input.placesAvailable', () => ({ capacity: 5, placesAvailable: 6 })],
    ['a negative capacity', 'input.capacity', () => ({ capacity: -1 })],
    [
      'a schedule slot that ends before it starts',
      'input.schedule.weekly.0.endTime',
      () => ({ schedule: { weekly: [{ weekday: 'TUESDAY', startTime: '19:00', endTime: '17:00' }] } }),
    ],
    [
      'a single date that ends when it starts',
      'input.schedule.dates.0.endTime',
      () => ({ schedule: { dates: [{ date: app.clock.osloDate(7), startTime: '12:00', endTime: '12:00' }] } }),
    ],
    [
      'validUntil before validFrom',
      'input.schedule.validUntil',
      () => ({
        schedule: {
          weekly: [{ weekday: 'TUESDAY', startTime: '17:00', endTime: '19:00' }],
          validFrom: app.clock.osloDate(60),
          validUntil: app.clock.osloDate(30),
        },
      }),
    ],
    [
      'every other week without validFrom to count the weeks from',
      'input.schedule.validFrom',
      () => ({ schedule: { weekly: [{ weekday: 'TUESDAY', startTime: '17:00', endTime: '19:00', interval: 2 }] } }),
    ],
    [
      'a weekly interval of 0',
      'input.schedule.weekly.0.interval',
      () => ({ schedule: { weekly: [{ weekday: 'TUESDAY', startTime: '17:00', endTime: '19:00', interval: 0 }], validFrom: app.clock.osloDate(0) } }),
    ],
    [
      'a monthly rule for a 5th weekday',
      'input.schedule.monthly.0.week',
      () => ({ schedule: { monthly: [{ weekday: 'TUESDAY', week: 5, startTime: '17:00', endTime: '19:00' }] } }),
    ],
    [
      'a monthly slot that ends before it starts',
      'input.schedule.monthly.0.endTime',
      () => ({ schedule: { monthly: [{ weekday: 'THURSDAY', week: -1, startTime: '19:00', endTime: '18:00' }] } }),
    ],
    [
      'a time that is not HH:MM',
      'input.schedule.weekly.0.startTime',
      () => ({ schedule: { weekly: [{ weekday: 'TUESDAY', startTime: '25:00', endTime: '26:00' }] } }),
    ],
    [
      'a date that does not exist',
      'input.schedule.dates.0.date',
      () => ({ schedule: { dates: [{ date: `${app.clock.osloDate(365).slice(0, 4)}-02-30`, startTime: '12:00', endTime: '13:00' }] } }),
    ],
  ];

  it.each(invalid)('refuses %s with BAD_USER_INPUT on %s and stores nothing', async (_label, field, input) => {
    const before = await countOfA();
    const res = await create(input());
    expect(res.body.data?.createActivity ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await countOfA()).toBe(before);
  });

  it('accepts a contact person of its own organisation', async () => {
    const res = await app.query(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { id contactPerson { id } } }`, {
      variables: { input: { ...base(), contactPersonId: contactA.id } },
      as: editorA,
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createActivity.contactPerson).toEqual({ id: contactA.id });
  });

  it('refuses an invalid update with BAD_USER_INPUT and changes nothing', async () => {
    const created = (await create({ costKind: 'PAID', priceNok: 100, ageMin: 6, ageMax: 12 })).body.data.createActivity;
    for (const [input, field] of [
      [{ costKind: 'FREE' }, 'input.priceNok'],
      [{ ageMin: 13 }, 'input.ageMin'],
      [{ title: null }, 'input.title'],
      [{ venueKind: 'LOCATION', locationId: confidentialB.id }, 'input.locationId'],
    ] as const) {
      const res = await app.query(UPDATE, { variables: { id: created.id, input: { version: 1, ...input } }, as: editorA });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const row = await stored(created.id);
    expect({ version: row.version, title: row.title, costKind: row.costKind, priceNok: row.priceNok, ageMin: row.ageMin, venueKind: row.venueKind }).toEqual({
      version: 1,
      title: 'Strikkekafé',
      costKind: CostKind.PAID,
      priceNok: 100,
      ageMin: 6,
      venueKind: VenueKind.ONLINE,
    });
  });

  it('updateActivity with a stale version gets CONFLICT and changes nothing', async () => {
    const created = (await create({})).body.data.createActivity;
    const first = await app.query(UPDATE, { variables: { id: created.id, input: { version: 1, title: 'Strikkekafé hver tirsdag' } }, as: editorA });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.updateActivity).toMatchObject({ title: 'Strikkekafé hver tirsdag', version: 2 });

    const stale = await app.query(UPDATE, { variables: { id: created.id, input: { version: 1, title: 'Overskrevet' } }, as: editorA });
    expect(stale.body.errors).toHaveLength(1);
    expect(stale.body.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(stale.body.data?.updateActivity ?? null).toBeNull();

    const row = await stored(created.id);
    expect({ title: row.title, version: row.version }).toEqual({ title: 'Strikkekafé hver tirsdag', version: 2 });
  });

  it('a schedule change recomputes the stored weekdays', async () => {
    const created = (await create({ schedule: { weekly: [{ weekday: 'TUESDAY', startTime: '17:00', endTime: '19:00' }] } })).body.data.createActivity;
    expect((await stored(created.id)).weekdays).toEqual([2]);
    const sunday = app.clock.osloDateOnWeekday(7);
    const res = await app.query(UPDATE, {
      variables: {
        id: created.id,
        input: { version: 1, schedule: { weekly: [{ weekday: 'SUNDAY', startTime: '12:00', endTime: '13:00' }], exceptions: [{ date: sunday }] } },
      },
      as: editorA,
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateActivity.schedule).toEqual({
      weekly: [{ weekday: 'SUNDAY', startTime: '12:00', endTime: '13:00' }],
      exceptions: [{ date: sunday }],
      dates: [],
    });
    expect((await stored(created.id)).weekdays).toEqual([7]);
  });

  it('stores every-other-week and monthly slots, counts their weekdays, and lists their next times in Oslo time', async () => {
    const tuesday = app.clock.osloDateOnWeekday(2, 1);
    const res = await app.query(
      `mutation($input: CreateActivityInput!) { createActivity(input: $input) {
        id schedule { weekly { weekday interval } monthly { weekday week startTime endTime } validFrom } nextOccurrences(first: 4) { startsAt } } }`,
      {
        variables: {
          input: {
            ...base(),
            schedule: {
              weekly: [{ weekday: 'TUESDAY', startTime: '17:00', endTime: '19:00', interval: 2 }],
              monthly: [{ weekday: 'THURSDAY', week: -1, startTime: '18:00', endTime: '20:00' }],
              validFrom: tuesday,
            },
          },
        },
        as: editorA,
      },
    );
    expect(res.body.errors).toBeUndefined();
    const created = res.body.data.createActivity;
    expect(created.schedule).toEqual({
      weekly: [{ weekday: 'TUESDAY', interval: 2 }],
      monthly: [{ weekday: 'THURSDAY', week: -1, startTime: '18:00', endTime: '20:00' }],
      validFrom: tuesday,
    });
    expect((await stored(created.id)).weekdays).toEqual([2, 4]);
    // Oslo wall-clock days and times of what comes next: Tuesdays two weeks apart from validFrom, and last Thursdays.
    // (At most two last Thursdays fall within four occurrences, so at least two are Tuesdays.)
    const oslo: string[] = created.nextOccurrences.map((o: { startsAt: string }) =>
      DateTime.fromISO(o.startsAt, { zone: 'Europe/Oslo' }).setLocale('en').toFormat('ccc yyyy-MM-dd HH:mm'),
    );
    expect(oslo.filter((s) => s.startsWith('Tue')).slice(0, 2)).toEqual([`Tue ${tuesday} 17:00`, `Tue ${app.clock.osloDateOnWeekday(2, 15)} 17:00`]);
    for (const s of oslo.filter((s) => !s.startsWith('Tue'))) expect(s).toMatch(/^Thu \d{4}-\d{2}-(2[5-9]|3[01]) 18:00$/);
  });

  it('publish sets status, publishedAt and lastVerifiedAt to now', async () => {
    const draft = await makeActivity(app.em(), await app.em().findOneOrFail(OrganisationEntity, { id: orgA.id }), {
      status: OfferStatus.DRAFT,
      lastVerifiedAt: app.clock.daysAgo(90),
    });
    const before = app.now().getTime();
    const res = await app.query(`mutation($id: ID!) { publishActivity(id: $id) { status publishedAt lastVerifiedAt daysSinceVerified } }`, {
      variables: { id: draft.id },
      as: editorA,
    });
    const after = app.now().getTime();
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.publishActivity).toMatchObject({ status: 'PUBLISHED', daysSinceVerified: 0 });
    const row = await stored(draft.id);
    expect(row.status).toBe(OfferStatus.PUBLISHED);
    expect(row.publishedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.publishedAt!.getTime()).toBeLessThanOrEqual(after + 1000);
    expect(row.lastVerifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(res.body.data.publishActivity.publishedAt).getTime()).toBe(row.publishedAt!.getTime());
  });

  it('each mutation of one operation answers with the row as that mutation left it (read back afresh, not from the cache)', async () => {
    const draft = await makeActivity(app.em(), await app.em().findOneOrFail(OrganisationEntity, { id: orgA.id }), { status: OfferStatus.DRAFT });
    const res = await app.query(
      `mutation($id: ID!) {
        published: publishActivity(id: $id) { status version }
        archived: archiveActivity(id: $id) { status version }
        confirmed: confirmActivityStillValid(id: $id) { status version }
      }`,
      { variables: { id: draft.id }, as: editorA },
    );
    expect(res.body.errors).toBeUndefined();
    const { published, archived, confirmed } = res.body.data;
    expect(published.status).toBe('PUBLISHED');
    expect(archived).toMatchObject({ status: 'ARCHIVED', version: published.version + 1 });
    expect(confirmed).toMatchObject({ status: 'ARCHIVED', version: archived.version + 1 });
  });

  it('confirmActivityStillValid moves lastVerifiedAt forward to now', async () => {
    const activity = await makeActivity(app.em(), await app.em().findOneOrFail(OrganisationEntity, { id: orgA.id }), {
      lastVerifiedAt: app.clock.daysAgo(120),
    });
    const daysBefore = await app.query(`query($id: ID!) { activity(id: $id) { daysSinceVerified } }`, { variables: { id: activity.id } });
    expect(daysBefore.body.data.activity.daysSinceVerified).toBe(120);
    const before = app.now().getTime();
    const res = await app.query(`mutation($id: ID!) { confirmActivityStillValid(id: $id) { lastVerifiedAt daysSinceVerified } }`, {
      variables: { id: activity.id },
      as: editorA,
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.confirmActivityStillValid.daysSinceVerified).toBe(0);
    const row = await stored(activity.id);
    expect(row.lastVerifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.lastVerifiedAt.getTime()).toBeLessThanOrEqual(app.now().getTime() + 1000);
  });

  it("daysSinceVerified, nextOccurrences and a confirmation follow the server's clock, not the wall clock", async () => {
    const saturday = app.clock.osloDateOnWeekday(6, 1);
    const activity = await makeActivity(app.em(), await app.em().findOneOrFail(OrganisationEntity, { id: orgA.id }), {
      lastVerifiedAt: app.clock.daysAgo(2),
      schedule: { weekly: [], exceptions: [], dates: [{ date: saturday, startTime: '12:00', endTime: '14:00' }] },
    });
    const read = async () =>
      (await app.query(`query($id: ID!) { activity(id: $id) { daysSinceVerified nextOccurrences { startsAt } } }`, { variables: { id: activity.id } })).body
        .data.activity;
    expect(await read()).toEqual({ daysSinceVerified: 2, nextOccurrences: [{ startsAt: expect.stringContaining(saturday) }] });
    app.clock.advanceDays(10);
    try {
      expect(await read()).toEqual({ daysSinceVerified: 12, nextOccurrences: [] });
      const res = await app.query(`mutation($id: ID!) { confirmActivityStillValid(id: $id) { lastVerifiedAt daysSinceVerified } }`, {
        variables: { id: activity.id },
        as: editorA,
      });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.confirmActivityStillValid.daysSinceVerified).toBe(0);
      expect(Math.abs(Date.parse(res.body.data.confirmActivityStillValid.lastVerifiedAt) - app.now().getTime())).toBeLessThan(60_000);
    } finally {
      app.clock.advanceDays(-10);
    }
  });

  it('capacityUpdatedAt is set when capacity or placesAvailable change, and not otherwise', async () => {
    const created = (await create({})).body.data.createActivity;
    expect(created.capacityUpdatedAt).toBeNull();
    const update = async (input: Record<string, unknown>) => {
      const { version } = await stored(created.id);
      const res = await app.query(UPDATE, { variables: { id: created.id, input: { version, ...input } }, as: editorA });
      expect(res.body.errors).toBeUndefined();
      return (await stored(created.id)).capacityUpdatedAt ?? null;
    };
    const sleep = () => new Promise((resolve) => setTimeout(resolve, 15));

    expect(await update({ title: 'Strikkekafé for alle' })).toBeNull();
    const t1 = await update({ capacity: 10 });
    expect(t1).toBeInstanceOf(Date);
    await sleep();
    expect(await update({ title: 'Strikkekafé og prat' })).toEqual(t1);
    expect(await update({ capacity: 10 })).toEqual(t1); // same value: not a change
    await sleep();
    const t2 = await update({ placesAvailable: 4 });
    expect(t2!.getTime()).toBeGreaterThan(t1!.getTime());
    await sleep();
    const t3 = await update({ capacity: null });
    expect(t3!.getTime()).toBeGreaterThan(t2!.getTime());
    const row = await stored(created.id);
    expect([row.capacity ?? null, row.placesAvailable]).toEqual([null, 4]);
  });

  it('sets capacityUpdatedAt when an activity is created with capacity', async () => {
    const res = await create({ capacity: 12, placesAvailable: 12 });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createActivity.capacityUpdatedAt).not.toBeNull();
  });

  describe('text that people read', () => {
    const badTitles: Array<[string, string, RegExp]> = [
      ['spaces only', '     ', /empty or only spaces/],
      ['NBSP only', '\u00A0\u00A0\u00A0', /empty or only spaces/],
      ['zero-width characters only', '\u200B\u200C\u200D\u2060\uFEFF', /empty or only spaces/],
      ['a control character', 'Strikke\u0007kafé', /control characters/],
      ['an ESC sequence', 'Strikkekafé \u001B[31mGRATIS\u001B[0m', /control characters/],
      ['a line break', 'Strikke\nkafé', /control characters or line breaks/],
      ['a bidi override', 'Strikkekafé \u202Eeidnøs', /bidirectional/],
      ['a lone surrogate', 'Strikkekafé \uD83D', /lone surrogate/],
    ];

    it.each(badTitles)('createActivity refuses a title with %s: BAD_USER_INPUT naming input.title, nothing stored', async (_what, title, message) => {
      const before = await countOfA();
      const res = await create({ title });
      expect(res.body.data).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
      expect(res.body.errors?.[0]?.message).toMatch(message);
      expect(await countOfA()).toBe(before);
    });

    it('updateActivity refuses a blank title and a description with an ESC sequence, and changes nothing', async () => {
      const created = (await create({})).body.data.createActivity;
      for (const [input, field] of [
        [{ title: '\u00A0 \u200B' }, 'input.title'],
        [{ description: 'Vi strikker \u001B[2J og prater.' }, 'input.description'],
        [{ accessibilityNote: 'Rullestol\u001Bc' }, 'input.accessibilityNote'],
      ] as const) {
        const res = await app.query(UPDATE, { variables: { id: created.id, input: { version: created.version, ...input } }, as: editorA });
        expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect(await stored(created.id)).toMatchObject({ version: 1, title: 'Strikkekafé', description: 'Vi strikker og prater sammen.' });
    });

    it('a description may hold line breaks and tabs; a title with letters from any script is fine', async () => {
      const res = await create({ title: 'مساعدة في الواجبات – Leksehjelp', description: 'Vi strikker.\n\tTa med garn og pinner.\r\nVelkommen!' });
      expect(res.body.errors).toBeUndefined();
      expect((await stored(res.body.data.createActivity.id)).description).toBe('Vi strikker.\n\tTa med garn og pinner.\r\nVelkommen!');
    });

    it('the other names and titles are checked the same way: contact person, location, schedule note', async () => {
      const addContact = await app.query('mutation($input: AddContactPersonInput!) { addContactPerson(input: $input) { id } }', {
        variables: { input: { organisationId: orgA.id, name: '\u200B\u200B' } },
        as: editorA,
      });
      expect(addContact.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      const addLocation = await app.query('mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
        variables: { input: { organisationId: orgA.id, name: 'Huset\u001B]8;;https://evil.example\u0007', visibility: 'PUBLIC' } },
        as: editorA,
      });
      expect(addLocation.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      const withNote = await create({ schedule: { weekly: [], exceptions: [{ date: app.clock.osloDate(30), note: '\u00A0' }], dates: [] } });
      expect(withNote.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.schedule.exceptions.0.note' });
    });
  });

  describe('arguments of nested lists and of locations are validated like the root lists', () => {
    beforeAll(() => makeActivity(app.em(), orgA, { title: 'Publisert', status: OfferStatus.PUBLISHED }));

    it.each([
      ['organisation.activities(first: -5)', (id: string) => `{ organisation(id: "${id}") { activities(first: -5) { id } } }`],
      ['organisation.activities(first: 101)', (id: string) => `{ organisation(id: "${id}") { activities(first: 101) { id } } }`],
      ['bydel.organisations(first: 0)', () => '{ bydel(code: "030104") { organisations(first: 0) { id } } }'],
      ['activities.nodes.nextOccurrences(first: -1)', () => '{ activities { nodes { nextOccurrences(first: -1) { startsAt } } } }'],
      ['activities.nodes.nextOccurrences(first: 51)', () => '{ activities { nodes { nextOccurrences(first: 51) { startsAt } } } }'],
    ])('%s is BAD_USER_INPUT naming first', async (_what, query) => {
      const res = await app.query(query(orgA.id));
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(res.body.errors?.[0]?.message).toMatch(/first: must be between 1 and (100|50)/);
    });

    it('in range they answer as before', async () => {
      const res = await app.query(
        `{ organisation(id: "${orgA.id}") { activities(first: 1) { id } } bydel(code: "030104") { organisations(first: 1) { id } } activities(first: 1) { nodes { nextOccurrences(first: 1) { startsAt } } } }`,
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.organisation.activities).toHaveLength(1);
    });

    it('locations(organisationId: "x") and contactPersons(organisationId: "x") are BAD_USER_INPUT, not an empty list', async () => {
      let locations!: GraphQLResponse;
      const statements = await app.countStatements(async () => {
        locations = await app.query('{ locations(organisationId: "x") { id } }');
      });
      expect(statements).toEqual([]);
      expect(locations.body.data).toBeNull();
      expect(locations.body.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'organisationId',
        fields: [{ field: 'organisationId', message: 'must be an organisation id (UUID)' }],
      });
      const contacts = await app.query('{ contactPersons(organisationId: "") { id } }', { as: editorA });
      expect(contacts.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
    });
  });

  it('pages through ties in the sort key without gaps or duplicates', async () => {
    const em = app.em();
    const org = await makeOrganisation(em, { name: 'Like titler' });
    const verified = app.clock.daysAgo(3);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await makeActivity(em, org, { title: 'Samme tittel', lastVerifiedAt: verified })).id);
    for (const sort of ['TITLE', 'RECENTLY_VERIFIED']) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page++) {
        const res: GraphQLResponse = await app.query(
          `query($f: ActivityFilter, $after: String, $sort: ActivitySort!) { activities(filter: $f, first: 2, after: $after, sort: $sort) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
          { variables: { f: { organisationId: org.id }, after, sort } },
        );
        const connection = res.body.data.activities;
        expect(connection.totalCount).toBe(5);
        seen.push(...connection.nodes.map((n: { id: string }) => n.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toEqual([...ids].sort());
    }
  });
});

describe('activities: listing, filtering, sorting and paging', () => {
  let app: DirectoryTestApp;
  let editorA: TestUser;
  let editorB: TestUser;
  let staff: TestUser;
  const admin: TestUser = { role: 'PLATFORM_ADMIN' };

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const a = await makeOrganisation(em, { name: 'A' });
    const b = await makeOrganisation(em, { name: 'B' });
    const shelter = await makeOrganisation(em, { name: 'Krisesenteret', kind: OrganisationKind.SHELTER });
    const shelterLoc = await makeLocation(em, shelter, { name: 'Krisesenteret', bydel: '030101', visibility: LocationVisibility.CONFIDENTIAL });
    editorA = { role: 'ORG_EDITOR', organisationId: a.id };
    editorB = { role: 'ORG_EDITOR', organisationId: b.id };
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id };
    const bydel = (code: string) => em.getReference(BydelEntity, code);
    const atLocation = { venueKind: VenueKind.LOCATION };

    await makeActivity(em, a, {
      ...atLocation,
      title: 'Barnekor',
      description: 'Vi synger sammen hver uke.',
      category: ActivityCategory.CHILDREN,
      targetGroups: [TargetGroup.CHILDREN, TargetGroup.FAMILIES],
      ageMin: null,
      ageMax: 12,
      languages: ['no'],
      schedule: weekly(Weekday.TUESDAY),
      joinMode: JoinMode.OPEN,
      costKind: CostKind.FREE,
      bydel: bydel('030101'),
      lastVerifiedAt: app.clock.daysAgo(2),
    });
    await makeActivity(em, a, {
      ...atLocation,
      title: 'Damenes svømmekveld',
      description: 'Svømming i basseng med kvinnelige livreddere.',
      category: ActivityCategory.PHYSICAL_ACTIVITY,
      targetGroups: [TargetGroup.WOMEN_ONLY, TargetGroup.ADULTS],
      ageMin: 18,
      ageMax: null,
      languages: ['no', 'ar'],
      schedule: weekly(Weekday.WEDNESDAY),
      joinMode: JoinMode.SIGN_UP,
      costKind: CostKind.PAID,
      priceNok: 50,
      bydel: bydel('030102'),
      lastVerifiedAt: app.clock.daysAgo(10),
    });
    await makeActivity(em, a, {
      ...atLocation,
      title: 'Foreldrekafé 100% gratis',
      description: 'Kaffe og samtaler for foreldre.',
      category: ActivityCategory.SOCIAL,
      targetGroups: [TargetGroup.FAMILIES],
      ageMin: null,
      ageMax: null,
      languages: ['no', 'so'],
      schedule: { weekly: [], exceptions: [], dates: [{ date: app.clock.osloDateOnWeekday(6), startTime: '11:00', endTime: '14:00' }] }, // a Saturday
      joinMode: JoinMode.OPEN,
      costKind: CostKind.SPONSORED,
      bydel: bydel('030101'),
      lastVerifiedAt: app.clock.daysAgo(40),
    });
    await makeActivity(em, a, {
      venueKind: VenueKind.ONLINE,
      title: 'Jobbsøkerkurs',
      description: 'CV, søknader og intervjutrening.',
      category: ActivityCategory.WORK_AND_EDUCATION,
      targetGroups: [TargetGroup.IMMIGRANT_BACKGROUND, TargetGroup.YOUNG_ADULTS],
      ageMin: 18,
      ageMax: 29,
      languages: ['no', 'en', 'ar'],
      schedule: weekly(Weekday.MONDAY, Weekday.THURSDAY),
      joinMode: JoinMode.REFERRAL_ONLY,
      costKind: CostKind.FREE,
      bydel: null,
      lastVerifiedAt: app.clock.daysAgo(1),
    });
    await makeActivity(em, a, {
      ...atLocation,
      title: 'Leksehjelp 8_10',
      description: 'Hjelp med lekser på ungdomsskolen.',
      category: ActivityCategory.CHILDREN,
      targetGroups: [TargetGroup.YOUTH],
      ageMin: 13,
      ageMax: 16,
      languages: ['no', 'en'],
      schedule: weekly(Weekday.MONDAY),
      joinMode: JoinMode.OPEN,
      costKind: CostKind.FREE,
      bydel: bydel('030103'),
      lastVerifiedAt: app.clock.daysAgo(5),
    });
    await makeActivity(em, a, {
      ...atLocation,
      title: 'Seniortreff',
      description: 'Bingo for 100 deltakere, 8-10 ganger i halvåret.',
      category: ActivityCategory.SOCIAL,
      targetGroups: [TargetGroup.SENIORS],
      ageMin: 60,
      ageMax: null,
      languages: ['no'],
      schedule: weekly(Weekday.THURSDAY),
      joinMode: JoinMode.OPEN,
      costKind: CostKind.FREE,
      bydel: bydel('030102'),
      lastVerifiedAt: app.clock.daysAgo(170), // DUE for re-verification, not yet STALE (180 days)
    });
    await makeActivity(em, a, {
      venueKind: VenueKind.AT_SHELTER,
      location: shelterLoc,
      audience: OfferAudience.NETWORK,
      title: 'Strikkekafé på senteret',
      description: 'Strikking og prat for beboere.',
      category: ActivityCategory.SOCIAL,
      targetGroups: [TargetGroup.WOMEN_ONLY],
      ageMin: null,
      ageMax: null,
      languages: ['no', 'en'],
      schedule: weekly(Weekday.FRIDAY),
      joinMode: JoinMode.REFERRAL_ONLY,
      costKind: CostKind.FREE,
      bydel: null,
      lastVerifiedAt: app.clock.daysAgo(3),
    });
    await makeActivity(em, a, {
      ...atLocation,
      title: 'Utkast: Sommerleir',
      status: OfferStatus.DRAFT,
      bydel: bydel('030101'),
      lastVerifiedAt: app.clock.daysAgo(1),
    });
    await makeActivity(em, a, {
      ...atLocation,
      title: 'Arkivert turgruppe',
      status: OfferStatus.ARCHIVED,
      bydel: bydel('030101'),
      lastVerifiedAt: app.clock.daysAgo(1),
    });
    await makeActivity(em, b, {
      ...atLocation,
      title: 'Zumba for alle',
      description: 'Dans og trening til musikk.',
      category: ActivityCategory.PHYSICAL_ACTIVITY,
      targetGroups: [TargetGroup.ADULTS],
      ageMin: null,
      ageMax: null,
      languages: ['no', 'pl'],
      schedule: weekly(Weekday.SATURDAY),
      joinMode: JoinMode.SIGN_UP,
      costKind: CostKind.PAID,
      priceNok: 100,
      bydel: bydel('030101'),
      lastVerifiedAt: app.clock.daysAgo(20),
    });
    await makeActivity(em, b, {
      ...atLocation,
      title: 'Utkast fra B',
      status: OfferStatus.DRAFT,
      bydel: bydel('030101'),
      lastVerifiedAt: app.clock.daysAgo(1),
    });
  });
  afterAll(() => app.close());

  const LIST = `query($filter: ActivityFilter, $sort: ActivitySort, $first: Int, $after: String) {
    activities(filter: $filter, sort: $sort, first: $first, after: $after) { totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage endCursor } }
  }`;
  async function titles(filter: Record<string, unknown> | undefined, as?: TestUser, sort?: string): Promise<string[]> {
    const res = await app.query(LIST, { variables: { filter, sort, first: 100 }, as });
    expect(res.body.errors).toBeUndefined();
    const { nodes, totalCount } = res.body.data.activities;
    expect(totalCount).toBe(nodes.length);
    return nodes.map((n: { title: string }) => n.title);
  }

  const PUBLIC_PUBLISHED = ['Barnekor', 'Damenes svømmekveld', 'Foreldrekafé 100% gratis', 'Jobbsøkerkurs', 'Leksehjelp 8_10', 'Seniortreff', 'Zumba for alle'];
  const ALL_PUBLISHED = [
    'Barnekor',
    'Damenes svømmekveld',
    'Foreldrekafé 100% gratis',
    'Jobbsøkerkurs',
    'Leksehjelp 8_10',
    'Seniortreff',
    'Strikkekafé på senteret',
    'Zumba for alle',
  ];

  it('anonymous callers see only published public activities', async () => {
    expect(await titles(undefined)).toEqual(PUBLIC_PUBLISHED);
  });

  it('signed-in callers also see activities for the network', async () => {
    expect(await titles(undefined, staff)).toEqual(ALL_PUBLISHED);
    expect(await titles(undefined, { role: 'BYDEL_INTEGRATOR', bydelCode: '030101' })).toEqual(ALL_PUBLISHED);
    expect(await titles(undefined, editorB)).toEqual(ALL_PUBLISHED);
  });

  it('anonymous callers cannot read a network activity by id either', async () => {
    const id = (await app.em().findOneOrFail(ActivityEntity, { title: 'Strikkekafé på senteret' })).id;
    const anonymous = await app.query(`query($id: ID!) { activity(id: $id) { title } }`, { variables: { id } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const signedIn = await app.query(`query($id: ID!) { activity(id: $id) { title venueLabel location { name } } }`, { variables: { id }, as: editorA });
    expect(signedIn.body.data.activity).toEqual({ title: 'Strikkekafé på senteret', venueLabel: 'På krisesenteret', location: null });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['bydeler: one', { bydeler: ['030101'] }, ['Barnekor', 'Foreldrekafé 100% gratis', 'Zumba for alle']],
    ['bydeler: any of two', { bydeler: ['030102', '030103'] }, ['Damenes svømmekveld', 'Leksehjelp 8_10', 'Seniortreff']],
    ['bydeler: none there', { bydeler: ['030117'] }, []],
    ['categories: one', { categories: ['SOCIAL'] }, ['Foreldrekafé 100% gratis', 'Seniortreff', 'Strikkekafé på senteret']],
    ['categories: any of two', { categories: ['CHILDREN', 'WORK_AND_EDUCATION'] }, ['Barnekor', 'Jobbsøkerkurs', 'Leksehjelp 8_10']],
    ['targetGroups: one', { targetGroups: ['WOMEN_ONLY'] }, ['Damenes svømmekveld', 'Strikkekafé på senteret']],
    ['targetGroups: any of two', { targetGroups: ['FAMILIES', 'SENIORS'] }, ['Barnekor', 'Foreldrekafé 100% gratis', 'Seniortreff']],
    ['age 0: open lower bound and open ranges', { age: 0 }, ['Barnekor', 'Foreldrekafé 100% gratis', 'Strikkekafé på senteret', 'Zumba for alle']],
    ['age 12: upper bound inclusive', { age: 12 }, ['Barnekor', 'Foreldrekafé 100% gratis', 'Strikkekafé på senteret', 'Zumba for alle']],
    ['age 13: lower bound inclusive, 12 is out', { age: 13 }, ['Foreldrekafé 100% gratis', 'Leksehjelp 8_10', 'Strikkekafé på senteret', 'Zumba for alle']],
    ['age 17: between ranges', { age: 17 }, ['Foreldrekafé 100% gratis', 'Strikkekafé på senteret', 'Zumba for alle']],
    ['age 29', { age: 29 }, ['Damenes svømmekveld', 'Foreldrekafé 100% gratis', 'Jobbsøkerkurs', 'Strikkekafé på senteret', 'Zumba for alle']],
    ['age 70: open upper bounds', { age: 70 }, ['Damenes svømmekveld', 'Foreldrekafé 100% gratis', 'Seniortreff', 'Strikkekafé på senteret', 'Zumba for alle']],
    ['languages: one', { languages: ['ar'] }, ['Damenes svømmekveld', 'Jobbsøkerkurs']],
    ['languages: any of two', { languages: ['so', 'pl'] }, ['Foreldrekafé 100% gratis', 'Zumba for alle']],
    ['languages: english', { languages: ['en'] }, ['Jobbsøkerkurs', 'Leksehjelp 8_10', 'Strikkekafé på senteret']],
    ['weekdays: tuesday', { weekdays: ['TUESDAY'] }, ['Barnekor']],
    ['weekdays: thursday', { weekdays: ['THURSDAY'] }, ['Jobbsøkerkurs', 'Seniortreff']],
    ['weekdays: saturday, incl. a single date', { weekdays: ['SATURDAY'] }, ['Foreldrekafé 100% gratis', 'Zumba for alle']],
    ['weekdays: any of two', { weekdays: ['MONDAY', 'FRIDAY'] }, ['Jobbsøkerkurs', 'Leksehjelp 8_10', 'Strikkekafé på senteret']],
    ['weekdays: sunday', { weekdays: ['SUNDAY'] }, []],
    ['joinModes: referral only', { joinModes: ['REFERRAL_ONLY'] }, ['Jobbsøkerkurs', 'Strikkekafé på senteret']],
    [
      'joinModes: any of two',
      { joinModes: ['SIGN_UP', 'REFERRAL_ONLY'] },
      ['Damenes svømmekveld', 'Jobbsøkerkurs', 'Strikkekafé på senteret', 'Zumba for alle'],
    ],
    ['venueKinds', { venueKinds: ['ONLINE', 'AT_SHELTER'] }, ['Jobbsøkerkurs', 'Strikkekafé på senteret']],
    [
      'freeOnly: FREE and SPONSORED in, PAID out',
      { freeOnly: true },
      ['Barnekor', 'Foreldrekafé 100% gratis', 'Jobbsøkerkurs', 'Leksehjelp 8_10', 'Seniortreff', 'Strikkekafé på senteret'],
    ],
    ['freeOnly false: no condition', { freeOnly: false }, ALL_PUBLISHED],
    ['verifiedWithinDays 7', { verifiedWithinDays: 7 }, ['Barnekor', 'Jobbsøkerkurs', 'Leksehjelp 8_10', 'Strikkekafé på senteret']],
    [
      'verifiedWithinDays 30',
      { verifiedWithinDays: 30 },
      ['Barnekor', 'Damenes svømmekveld', 'Jobbsøkerkurs', 'Leksehjelp 8_10', 'Strikkekafé på senteret', 'Zumba for alle'],
    ],
    ['text in the title, case-insensitive', { text: 'JOBBS' }, ['Jobbsøkerkurs']],
    ['text in title, lower case for upper', { text: 'barnekor' }, ['Barnekor']],
    ['text in the description', { text: 'bingo' }, ['Seniortreff']],
    ['text in titles', { text: 'kafé' }, ['Foreldrekafé 100% gratis', 'Strikkekafé på senteret']],
    ['text: surrounding blanks ignored', { text: '  zumba ' }, ['Zumba for alle']],
    ['text: a number is a word', { text: '8_10' }, ['Leksehjelp 8_10']],
    ['text: signs alone match nothing', { text: '%' }, []],
    ['text: an underscore alone matches nothing', { text: '_' }, []],
    ['text: a backslash matches literally', { text: '\\' }, []],
    ['combined: bydel and freeOnly', { bydeler: ['030101'], freeOnly: true }, ['Barnekor', 'Foreldrekafé 100% gratis']],
    ['combined: category, age and weekday', { categories: ['SOCIAL'], age: 70, weekdays: ['THURSDAY'] }, ['Seniortreff']],
    ['combined: language, join mode and freshness', { languages: ['no'], joinModes: ['OPEN'], verifiedWithinDays: 7 }, ['Barnekor', 'Leksehjelp 8_10']],
    ['combined: conditions that exclude each other', { bydeler: ['030101'], venueKinds: ['ONLINE'] }, []],
  ])('filter %s', async (_label, filter, expected) => {
    // Sorted by title so that this table is about which activities match; the order of a text
    // search by relevance has its own tests (search.int.test.ts).
    expect(await titles(filter, staff, 'TITLE')).toEqual(expected);
  });

  it('anonymous filtering never reaches network activities', async () => {
    expect(await titles({ categories: ['SOCIAL'] })).toEqual(['Foreldrekafé 100% gratis', 'Seniortreff']);
    expect(await titles({ venueKinds: ['AT_SHELTER'] })).toEqual([]);
  });

  it('filters by organisation', async () => {
    const b = await app.em().findOneOrFail(OrganisationEntity, { name: 'B' });
    expect(await titles({ organisationId: b.id }, staff)).toEqual(['Zumba for alle']);
    expect(await titles({ organisationId: b.id, statuses: ['PUBLISHED', 'DRAFT'] }, editorB)).toEqual(['Utkast fra B', 'Zumba for alle']);
  });

  type Caller = 'anonymous' | 'staff' | 'editorA' | 'editorB' | 'admin';
  const caller = (name: Caller): TestUser | undefined => ({ anonymous: undefined, staff, editorA, editorB, admin })[name];

  it.each<[Caller, string[], string[]]>([
    ['editorA', ['DRAFT'], ['Utkast: Sommerleir']],
    ['editorB', ['DRAFT'], ['Utkast fra B']],
    ['admin', ['DRAFT'], ['Utkast fra B', 'Utkast: Sommerleir']],
    ['anonymous', ['DRAFT', 'ARCHIVED'], []],
    ['staff', ['DRAFT', 'ARCHIVED'], []],
    ['editorA', ['DRAFT', 'ARCHIVED'], ['Arkivert turgruppe', 'Utkast: Sommerleir']],
    ['admin', ['ARCHIVED'], ['Arkivert turgruppe']],
    ['editorA', ['PUBLISHED', 'DRAFT'], [...ALL_PUBLISHED.slice(0, 7), 'Utkast: Sommerleir', 'Zumba for alle']],
  ])('statuses as %s: %j', async (who, statuses, expected) => {
    expect(await titles({ statuses }, caller(who))).toEqual(expected);
  });

  it('sorts by title by default and explicitly', async () => {
    expect(await titles(undefined, staff, 'TITLE')).toEqual(ALL_PUBLISHED);
  });

  it('sorts RECENTLY_VERIFIED freshest first', async () => {
    expect(await titles(undefined, staff, 'RECENTLY_VERIFIED')).toEqual([
      'Jobbsøkerkurs',
      'Barnekor',
      'Strikkekafé på senteret',
      'Leksehjelp 8_10',
      'Damenes svømmekveld',
      'Zumba for alle',
      'Foreldrekafé 100% gratis',
      'Seniortreff',
    ]);
    expect(await titles({ freeOnly: true }, undefined, 'RECENTLY_VERIFIED')).toEqual([
      'Jobbsøkerkurs',
      'Barnekor',
      'Leksehjelp 8_10',
      'Foreldrekafé 100% gratis',
      'Seniortreff',
    ]);
  });

  async function pageThrough(sort: string, size: number, as?: TestUser, filter?: Record<string, unknown>) {
    const pages: string[][] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: GraphQLResponse = await app.query(LIST, { variables: { sort, first: size, after, filter }, as });
      expect(res.body.errors).toBeUndefined();
      const { nodes, totalCount, pageInfo } = res.body.data.activities;
      pages.push(nodes.map((n: { title: string }) => n.title));
      expect({ totalCount, hasPreviousPage: pageInfo.hasPreviousPage }).toEqual({ totalCount: expect.any(Number), hasPreviousPage: i > 0 });
      if (!pageInfo.hasNextPage) return { pages, totalCount };
      after = pageInfo.endCursor;
    }
    throw new Error('never reached the last page');
  }

  it('pages through with first: 2 and after: endCursor without duplicates or gaps', async () => {
    const { pages, totalCount } = await pageThrough('TITLE', 2, staff);
    expect(totalCount).toBe(8);
    expect(pages).toEqual([
      ['Barnekor', 'Damenes svømmekveld'],
      ['Foreldrekafé 100% gratis', 'Jobbsøkerkurs'],
      ['Leksehjelp 8_10', 'Seniortreff'],
      ['Strikkekafé på senteret', 'Zumba for alle'],
    ]);
  });

  it('keeps totalCount constant over all pages', async () => {
    const counts: number[] = [];
    let after: string | null = null;
    do {
      const res: GraphQLResponse = await app.query(LIST, { variables: { sort: 'RECENTLY_VERIFIED', first: 3, after } });
      counts.push(res.body.data.activities.totalCount);
      after = res.body.data.activities.pageInfo.hasNextPage ? res.body.data.activities.pageInfo.endCursor : null;
    } while (after);
    expect(counts).toEqual([7, 7, 7]);
  });

  it('pages through RECENTLY_VERIFIED with a filter', async () => {
    const { pages, totalCount } = await pageThrough('RECENTLY_VERIFIED', 3, staff, { freeOnly: true });
    expect(totalCount).toBe(6);
    expect(pages).toEqual([
      ['Jobbsøkerkurs', 'Barnekor', 'Strikkekafé på senteret'],
      ['Leksehjelp 8_10', 'Foreldrekafé 100% gratis', 'Seniortreff'],
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a garbage after', { after: 'not-a-cursor' }, 'after'],
    ['an after that is valid base64 but not a cursor', { after: Buffer.from('{"a":1}').toString('base64url') }, 'after'],
    ['an after with the wrong number of keys', { after: Cursor.encode(['Barnekor']) }, 'after'],
    ['first: 0', { first: 0 }, 'first'],
    ['first: 101', { first: 101 }, 'first'],
    ['first: -1', { first: -1 }, 'first'],
    ['an invalid bydel code', { filter: { bydeler: ['030118'] } }, 'filter.bydeler'],
    ['an invalid language code', { filter: { languages: ['xx'] } }, 'filter.languages'],
    ['a negative age', { filter: { age: -1 } }, 'filter.age'],
    ['verifiedWithinDays 0', { filter: { verifiedWithinDays: 0 } }, 'filter.verifiedWithinDays'],
  ])('refuses %s with BAD_USER_INPUT', async (_label, variables, field) => {
    const res = await app.query(LIST, { variables });
    expect(res.body.data?.activities ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('pages only by a column that is never null, then id', () => {
    expect(columnOrder(app.em(), ActivityEntity, 'a', { lastVerifiedAt: 'desc', id: 'asc' })).toMatchObject({ type: 'timestamptz', direction: 'desc' });
    // A null would have no place in the keyset; nor may id be anything but the last key, ascending.
    expect(() => columnOrder(app.em(), ActivityEntity, 'a', { publishedAt: 'desc', id: 'asc' })).toThrow(/non-null/);
    expect(() => columnOrder(app.em(), ActivityEntity, 'a', { title: 'asc', id: 'desc' })).toThrow(/then id ascending/);
  });

  it('refuses a cursor that does not fit this list (another sort order, or values of the wrong type) with BAD_USER_INPUT, not a server error', async () => {
    const first = await app.query(LIST, { variables: { sort: 'TITLE', first: 2 } });
    const titleCursor = first.body.data.activities.pageInfo.endCursor;
    const otherSort = await app.query(LIST, { variables: { sort: 'RECENTLY_VERIFIED', first: 2, after: titleCursor } });
    const wrongType = await app.query(LIST, { variables: { sort: 'TITLE', first: 2, after: Cursor.encode(['Barnekor', 'not-a-uuid']) } });
    // The signature part is computable, so a forged cursor with missing values must be refused too.
    const signature = titleCursor.split('.')[0];
    const missingValues = await app.query(LIST, { variables: { sort: 'TITLE', first: 2, after: `${signature}.${Cursor.encode([null, null])}` } });
    // A timestamp that looks like one, but that PostgreSQL cannot read (a 13th month).
    const verifiedCursor = (await app.query(LIST, { variables: { sort: 'RECENTLY_VERIFIED', first: 2 } })).body.data.activities.pageInfo.endCursor as string;
    const [verifiedSignature, , id] = verifiedCursor.split('~');
    const badTimestamp = `${verifiedSignature}~${Buffer.from('2026-13-45 10:00:00+00').toString('base64url')}~${id}`;
    const impossibleDate = await app.query(LIST, { variables: { sort: 'RECENTLY_VERIFIED', first: 2, after: badTimestamp } });
    // A title that is a NUL character, which PostgreSQL cannot take in a statement.
    const [titleSignature, , titleId] = (titleCursor as string).split('~');
    const nul = await app.query(LIST, { variables: { sort: 'TITLE', first: 2, after: `${titleSignature}~AA~${titleId}` } });
    expect([otherSort, wrongType, missingValues, impossibleDate, nul].map((res) => res.body.errors?.[0]?.extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
    ]);
  });
});
