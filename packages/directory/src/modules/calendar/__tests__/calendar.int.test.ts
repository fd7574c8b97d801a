import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';

import { makeActivity, makeLocation, makeOrganisation, seedBydeler } from '../../../__tests__/support/factories.js';
import { DirectoryTestApp, type TestUser } from '../../../__tests__/support/test-app.js';
import type { ActivityEntity } from '../../activities/activity.entity.js';
import { ActivityCategory, TargetGroup, VenueKind, Weekday } from '../../activities/activity-enums.js';
import { LocationVisibility } from '../../locations/location-visibility.enum.js';
import { OfferAudience } from '../../offers/offer-enums.js';
import { OrganisationKind } from '../../organisations/organisation-kind.enum.js';
import { CalendarFeedEntity } from '../calendar-feed.entity.js';

const ZONE = 'Europe/Oslo';
const SHELTER_STREET = 'Hemmeligveien 13';
const SHELTER_PLACE = 'Skjult sted';

/** The next change between winter and summer time in Oslo after `now`: the Sunday the clocks move (at noon). */
function nextOffsetChange(now: Date): DateTime {
  let day = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  while (day.plus({ days: 1 }).offset === day.offset) day = day.plus({ days: 1 });
  return day.set({ hour: 12 });
}

const events = (text: string): VEvent[] => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
/** A route's JSON error answer. */
const errorsOf = async (res: Response) => ((await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> }).errors;
const wallClock = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).setLocale('en').toFormat('ccc yyyy-MM-dd HH:mm');

describe('calendar feeds (iCalendar)', () => {
  let app: DirectoryTestApp;
  let fortnightly: ActivityEntity;
  let online: ActivityEntity;
  let networkOnly: ActivityEntity;
  let atShelter: ActivityEntity;
  let start: DateTime;
  let change: DateTime;
  let exception: string;
  const otherShelterStaff: TestUser = { role: 'SHELTER_STAFF', organisationId: '00000000-0000-4000-8000-00000000000a' };
  let ownStaff: TestUser;

  const base = () => app.client.url.replace(/\/graphql$/, '');
  const get = (path: string, token?: string) => fetch(`${base()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const uidsOf = (text: string) => [...new Set(events(text).map((e) => e.uid.split('-weekly')[0]!.split('-monthly')[0]!.split('-date')[0]))].sort();

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const org = await makeOrganisation(em, { name: 'Oslo Røde Kors' });
    const shelter = await makeOrganisation(em, { name: 'Krisesenteret S', kind: OrganisationKind.SHELTER });
    ownStaff = { role: 'SHELTER_STAFF', organisationId: shelter.id };
    const house = await makeLocation(em, org, { name: 'Frivillighetshuset', streetAddress: 'Storgata 1', bydel: '030101' });
    const networkPlace = await makeLocation(em, org, {
      name: 'Nettverksrommet',
      streetAddress: 'Nettverksveien 2',
      bydel: '030102',
      visibility: LocationVisibility.NETWORK,
    });
    const hidden = await makeLocation(em, shelter, {
      name: SHELTER_PLACE,
      streetAddress: SHELTER_STREET,
      bydel: '030103',
      visibility: LocationVisibility.CONFIDENTIAL,
    });

    // Every other Tuesday from a Monday 13 days before the next summer-time change after the test clock's now.
    change = nextOffsetChange(app.now());
    start = change.minus({ days: 8 }).startOf('week');
    exception = start.plus({ days: 15 }).toISODate()!; // the second Tuesday it takes place
    fortnightly = await makeActivity(em, org, {
      title: 'Strikkekafé',
      category: ActivityCategory.SOCIAL,
      targetGroups: [TargetGroup.ADULTS],
      venueKind: VenueKind.LOCATION,
      location: house,
      bydel: em.getReference('BydelEntity', '030101') as never,
      schedule: {
        weekly: [{ weekday: Weekday.TUESDAY, startTime: '17:00', endTime: '19:00', interval: 2 }],
        monthly: [{ weekday: Weekday.THURSDAY, week: 2, startTime: '18:00', endTime: '20:00' }],
        exceptions: [{ date: exception, note: 'Vinterferie' }],
        dates: [{ date: start.plus({ days: 5 }).toISODate()!, startTime: '11:00', endTime: '15:00' }],
        validFrom: start.toISODate()!,
        validUntil: start.plus({ weeks: 20 }).toISODate()!,
      },
    });
    online = await makeActivity(em, org, { title: 'Leksehjelp på nett', category: ActivityCategory.CHILDREN, targetGroups: [TargetGroup.CHILDREN] });
    networkOnly = await makeActivity(em, org, {
      title: 'Nettverksmøte',
      audience: OfferAudience.NETWORK,
      venueKind: VenueKind.LOCATION,
      location: networkPlace,
      bydel: em.getReference('BydelEntity', '030102') as never,
    });
    atShelter = await makeActivity(em, shelter, {
      title: 'Kveldskaffe',
      audience: OfferAudience.NETWORK,
      venueKind: VenueKind.AT_SHELTER,
      location: hidden,
      bydel: null,
    });
  });
  afterAll(() => app.close());

  it('the public feed: every other Tuesday as an RRULE with its EXDATE, a monthly rule, a single date, in Europe/Oslo with a VTIMEZONE', async () => {
    const res = await get('/calendar/activities.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const text = await res.text();
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Oslo\r\n/);
    expect(uidsOf(text)).toEqual([fortnightly.id, online.id].sort());

    const parsed = events(text);
    const weekly = parsed.find((e) => e.uid === `${fortnightly.id}-weekly-0@samspill`)!;
    expect(weekly.summary).toBe('Strikkekafé');
    expect(weekly.location).toBe('Frivillighetshuset, Storgata 1, 0550 OSLO');
    expect((weekly.start as Date & { tz?: string }).tz).toBe(ZONE);
    expect(wallClock(weekly.start)).toBe(`Tue ${start.plus({ days: 1 }).toISODate()} 17:00`);
    expect(weekly.rrule!.toString()).toMatch(/FREQ=WEEKLY;INTERVAL=2;.*BYDAY=TU/);
    expect(Object.values(weekly.exdate ?? {}).map((d) => wallClock(d as Date))).toContain(`Tue ${exception} 17:00`);
    expect(text).toContain(`EXDATE;TZID=Europe/Oslo:${exception.replaceAll('-', '')}T170000`);

    const monthly = parsed.find((e) => e.uid === `${fortnightly.id}-monthly-0@samspill`)!;
    // The 2nd Thursday of the month.
    expect(monthly.rrule!.toString()).toMatch(/RRULE:FREQ=MONTHLY;UNTIL=\d{8}T\d{6}Z;BYDAY=TH;BYSETPOS=2$/);
    const single = parsed.filter((e) => e.uid.startsWith(`${fortnightly.id}-date-`));
    expect(single.map((e) => wallClock(e.start))).toEqual([`Sat ${start.plus({ days: 5 }).toISODate()} 11:00`]);
  });

  it('a calendar app expanding the RRULE across the summer-time change gets 17:00 Oslo time on both sides, the exception left out', async () => {
    const weekly = events(await (await get('/calendar/activities.ics')).text()).find((e) => e.uid === `${fortnightly.id}-weekly-0@samspill`)!;
    const times = weekly.rrule!.between(start.toJSDate(), start.plus({ days: 50 }).toJSDate(), true);
    const excluded = new Set(Object.values(weekly.exdate ?? {}).map((d) => (d as Date).getTime()));
    const kept = times.filter((t) => !excluded.has(t.getTime()));
    expect(kept.map(wallClock)).toEqual(
      [1, 29, 43].map((days) => `Tue ${start.plus({ days }).toISODate()} 17:00`), // day 15 is the exception
    );
    const offsets = kept.map((t) => DateTime.fromJSDate(t, { zone: ZONE }).offset);
    expect(offsets[0]).toBe(start.offset);
    expect(offsets.at(-1)).toBe(change.offset);
    expect(offsets[0]).not.toBe(offsets.at(-1));
  });

  it('filters like the list: bydel, category, target group (repeated or comma-separated)', async () => {
    expect(uidsOf(await (await get('/calendar/activities.ics?bydel=030101')).text())).toEqual([fortnightly.id]);
    expect(uidsOf(await (await get('/calendar/activities.ics?category=CHILDREN')).text())).toEqual([online.id]);
    expect(uidsOf(await (await get('/calendar/activities.ics?targetGroup=ADULTS,SENIORS')).text())).toEqual([fortnightly.id]);
    expect(uidsOf(await (await get('/calendar/activities.ics?category=SOCIAL&category=CHILDREN')).text())).toEqual([fortnightly.id, online.id].sort());
  });

  it.each([
    ['?category=COOKING', 'category'],
    ['?bydel=999999', 'bydel'],
    ['?targetGroup=CATS', 'targetGroup'],
    ['?sort=TITLE', 'sort'],
  ])('refuses %s with 400 BAD_USER_INPUT naming %s', async (query, field) => {
    const res = await get(`/calendar/activities.ics${query}`);
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('one activity as .ics; a network-only one is 404 for anonymous callers and shown, privately cached, to a signed-in user', async () => {
    const one = await get(`/calendar/activities/${online.id}.ics`);
    expect(one.status).toBe(200);
    expect(uidsOf(await one.text())).toEqual([online.id]);
    expect((await get(`/calendar/activities/${networkOnly.id}.ics`)).status).toBe(404);
    const signedIn = await get(`/calendar/activities/${networkOnly.id}.ics`, await app.token(otherShelterStaff));
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('private, max-age=300');
    expect(events(await signedIn.text())[0]!.location).toBe('Nettverksrommet, Nettverksveien 2, 0550 OSLO');
  });

  const CREATE = `mutation($input: CreateCalendarFeedInput!) { createCalendarFeed(input: $input) { path feed { id label filter { bydeler categories targetGroups } revokedAt } } }`;

  it('a personal feed: a secret URL that reads as its maker (network-only activities in), stored only as a hash, listed, and revoked to 410', async () => {
    const token = await app.token(otherShelterStaff, 'staff-t');
    const made = await app.query(CREATE, { variables: { input: { label: 'Mine aktiviteter' } }, token });
    expect(made.body.errors).toBeUndefined();
    const { path, feed } = made.body.data.createCalendarFeed;
    expect(path).toMatch(/^\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed).toEqual({ id: expect.any(String), label: 'Mine aktiviteter', filter: { bydeler: [], categories: [], targetGroups: [] }, revokedAt: null });

    // The calendar app sends no token: the URL is the credential.
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    const text = await res.text();
    expect(uidsOf(text)).toEqual([fortnightly.id, online.id, networkOnly.id, atShelter.id].sort());
    expect(events(text).find((e) => e.uid.startsWith(atShelter.id))!.location).toBe('På krisesenteret');

    const stored = await app.em().findOneOrFail(CalendarFeedEntity, { id: feed.id });
    const secret = path.slice('/calendar/feeds/'.length, -'.ics'.length);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.principal).toEqual({ kind: 'user', subject: 'staff-t', role: 'SHELTER_STAFF', organisationId: otherShelterStaff.organisationId });

    const listed = await app.query(`{ myCalendarFeeds { id label revokedAt } }`, { token });
    expect(listed.body.data.myCalendarFeeds).toEqual([{ id: feed.id, label: 'Mine aktiviteter', revokedAt: null }]);
    // Someone else's feeds are not theirs to see or revoke.
    const stranger = await app.token(otherShelterStaff, 'someone-else');
    expect((await app.query(`{ myCalendarFeeds { id } }`, { token: stranger })).body.data.myCalendarFeeds).toEqual([]);
    const foreign = await app.query(`mutation($id: ID!) { revokeCalendarFeed(id: $id) { id } }`, { variables: { id: feed.id }, token: stranger });
    expect(foreign.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await get(path)).status).toBe(200);

    const revoked = await app.query(`mutation($id: ID!) { revokeCalendarFeed(id: $id) { id revokedAt } }`, { variables: { id: feed.id }, token });
    expect(revoked.body.data.revokeCalendarFeed).toEqual({ id: feed.id, revokedAt: expect.any(String) });
    const gone = await get(path);
    expect(gone.status).toBe(410);
    expect((await errorsOf(gone))[0]).toEqual({ message: expect.stringContaining('revoked'), extensions: { code: 'GONE' } });
  });

  it('an unknown or malformed feed address is 404 with a clear message', async () => {
    for (const path of [`/calendar/feeds/${'A'.repeat(43)}.ics`, '/calendar/feeds/short.ics']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect((await errorsOf(res))[0]!.message).toMatch(/No calendar feed has this address/);
    }
  });

  it('a personal feed keeps its filters', async () => {
    const token = await app.token(otherShelterStaff, 'staff-filter');
    const made = await app.query(CREATE, { variables: { input: { label: 'Gamle Oslo', bydeler: ['030101'] } }, token });
    expect(uidsOf(await (await get(made.body.data.createCalendarFeed.path)).text())).toEqual([fortnightly.id]);
  });

  it('refuses a feed without sign-in or with bad filters, and stores nothing', async () => {
    const before = await app.em().count(CalendarFeedEntity, {});
    const anonymous = await app.query(CREATE, { variables: { input: { label: 'x' } } });
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const bad = await app.query(CREATE, { variables: { input: { label: 'x', bydeler: ['0301'] } }, as: otherShelterStaff });
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bydeler' });
    expect(await app.em().count(CalendarFeedEntity, {})).toBe(before);
  });

  it('a shelter’s address never appears in any feed of someone outside it, nor in its own staff’s feeds', async () => {
    const outsider = await app.token(otherShelterStaff, 'outsider');
    const own = await app.token(ownStaff, 'own-staff');
    const admin = await app.token({ role: 'PLATFORM_ADMIN' }, 'admin');
    const personal = async (token: string) =>
      (await app.query(CREATE, { variables: { input: { label: 'Alle' } }, token })).body.data.createCalendarFeed.path as string;
    const feeds: Array<[string, Promise<Response>]> = [
      ['anonymous list', get('/calendar/activities.ics')],
      ['anonymous single', get(`/calendar/activities/${atShelter.id}.ics`)],
      ['outsider list', get('/calendar/activities.ics', outsider)],
      ['outsider single', get(`/calendar/activities/${atShelter.id}.ics`, outsider)],
      ['outsider personal', get(await personal(outsider))],
      ['own staff list', get('/calendar/activities.ics', own)],
      ['own staff personal', get(await personal(own))],
      ['admin personal', get(await personal(admin))],
    ];
    for (const [label, response] of feeds) {
      const text = await (await response).text();
      expect({ label, street: text.includes(SHELTER_STREET), place: text.includes(SHELTER_PLACE) }).toEqual({ label, street: false, place: false });
    }
    // And the activity is there for those who may see it, as "at the shelter".
    const outsiderText = await (await get(`/calendar/activities/${atShelter.id}.ics`, outsider)).text();
    expect(events(outsiderText).map((e) => e.location)).toEqual(['På krisesenteret']);
  });

  it('a personal feed expires after 90 days (it reads as its maker was): its URL then answers 410', async () => {
    const token = await app.token(otherShelterStaff, 'staff-expiry');
    const made = await app.query(`mutation($input: CreateCalendarFeedInput!) { createCalendarFeed(input: $input) { path feed { createdAt expiresAt } } }`, {
      variables: { input: { label: 'Kort liv' } },
      token,
    });
    const { path, feed } = made.body.data.createCalendarFeed;
    expect(new Date(feed.expiresAt).getTime() - new Date(feed.createdAt).getTime()).toBe(90 * 24 * 60 * 60 * 1000);
    // The clock only goes forward: this is the file's last test.
    app.clock.advanceDays(89);
    expect((await get(path)).status).toBe(200);
    app.clock.advanceDays(1);
    const expired = await get(path);
    expect(expired.status).toBe(410);
    expect((await errorsOf(expired))[0]).toEqual({ message: expect.stringContaining('expired'), extensions: { code: 'GONE' } });
  });
});
