import type { EntityManager } from '@mikro-orm/postgresql';
import { StatisticsSnapshots } from '@samspill/referrals';

import { makeActivity, makeLocation, makeOrganisation, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { ActivityCategory } from '../../../directory/src/modules/activities/activity-enums.js';
import { OrganisationKind } from '../../../directory/src/modules/organisations/organisation-kind.enum.js';
import { type Caller, PlatformTestApp, type Response } from './support/platform.js';

/*
 * Referral statistics through the gateway, as a bydel integrator would try to read one referral
 * out of them: closed months only, frozen once final, no cell under 5, secondary suppression.
 * The clock is moved to a month of the test's own, so nothing depends on today's date.
 */

const STATS =
  'query($from: String!, $to: String!) { referralStatistics(fromMonth: $from, toMonth: $to) { bydelCode month category outcome count suppressed } }';

interface Ref {
  id: string;
  version: number;
}
interface Cell {
  bydelCode: string | null;
  month: string;
  category: string;
  outcome: string;
  count: number;
  suppressed: boolean;
}

const errorOf = (res: Response) => {
  const e = res.body.errors?.[0];
  return e && { code: e.extensions?.code, field: e.extensions?.field };
};

describe('referral statistics', () => {
  let app: PlatformTestApp;
  let staff: Caller;
  let socialAlna: string;
  let cultureAlna: string;
  let sportOstensjo: string;
  let socialOstensjo: string;
  let cultureOstensjo: string;
  let sportAlna: string;
  /** The month the test fills, and its year and month number. */
  let month: string;
  let year: number;
  let monthNumber: number;
  let finalAfterDays: number;

  const grunerlokka: Caller = { role: 'BYDEL_INTEGRATOR', bydelCode: '030102', subject: 'bydel-grunerlokka' };
  const alna: Caller = { role: 'BYDEL_INTEGRATOR', bydelCode: '030112', subject: 'bydel-alna' };
  const ostensjo: Caller = { role: 'BYDEL_INTEGRATOR', bydelCode: '030113', subject: 'bydel-ostensjo' };
  const frogner: Caller = { role: 'BYDEL_INTEGRATOR', bydelCode: '030105', subject: 'bydel-frogner' };
  const city: Caller = { role: 'BYDEL_INTEGRATOR', subject: 'oslo-kommune' };
  const admin: Caller = { role: 'PLATFORM_ADMIN', subject: 'admin-1' };

  const moveTo = (at: Date) => app.clock.moveTo(at);
  /** A UTC instant in the test's month (`offset` 0) or a later one. */
  const utc = (offset: number, day: number, hour: number, minute = 0) => new Date(Date.UTC(year, monthNumber - 1 + offset, day, hour, minute));
  // The test's month is a June: final at 00:00 Oslo summer time (UTC+2) `finalAfterDays` days
  // after it ends, 22:00 UTC the day before; its snapshot is taken 15 minutes later at the earliest.
  const finalAt = (offset = 0) => utc(offset + 1, finalAfterDays, 22);
  const minutesFrom = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
  const monthOf = (offset: number) => `${year}-${String(monthNumber + offset).padStart(2, '0')}`;

  const create = async (activityId: string): Promise<Ref> =>
    (
      await app.ok('mutation($input: CreateReferralInput!) { createReferral(input: $input) { id version } }', {
        as: staff,
        variables: {
          input: {
            activityId,
            pseudonymousReference: 'OK-2026-001',
            consent: { scope: ['PSEUDONYMOUS_REFERENCE'], expiresOn: app.clock.osloDate(200) },
          },
        },
      })
    ).createReferral;
  const step = async (ref: Ref, action: string, as: Caller, reason?: string): Promise<Ref> =>
    (
      await app.ok(
        'mutation($id: ID!, $v: Int!, $a: ReferralAction!, $r: ReasonCode) { transitionReferral(id: $id, version: $v, action: $a, reason: $r) { id version } }',
        {
          as,
          variables: { id: ref.id, v: ref.version, a: action, r: reason ?? null },
        },
      )
    ).transitionReferral;
  const send = async (activityId: string) => step(await create(activityId), 'SEND', staff);

  const stats = async (as: Caller, from = month, to = month): Promise<Cell[]> => (await app.ok(STATS, { as, variables: { from, to } })).referralStatistics;
  const callers = () => [grunerlokka, alna, ostensjo, frogner, city, admin];
  /** Everything the integrators (and an admin) can ask: each of them, for the month alone and for all time. */
  const everyAnswer = async (of = month) => {
    const answers: Record<string, Cell[]> = {};
    for (const as of callers()) {
      answers[`${as.subject} month`] = await stats(as, of, of);
      answers[`${as.subject} all time`] = (await stats(as, '2000-01', '2099-12')).filter((c) => c.month === of);
    }
    return answers;
  };
  const withoutMonth = (answers: Record<string, Cell[]>) =>
    Object.fromEntries(Object.entries(answers).map(([key, cells]) => [key, cells.map(({ month: _month, ...rest }) => rest)]));

  /**
   * One month's referrals: Alna SOCIAL 6 open and 1 cancelled; the other corners of a box (Alna and
   * Østensjø × SOCIAL and CULTURE × OPEN and CANCELLED) 5 each; PHYSICAL_ACTIVITY 5 open in each bydel.
   * Returns Østensjø's PHYSICAL_ACTIVITY ones.
   */
  const fill = async (): Promise<Ref[]> => {
    for (let i = 0; i < 7; i++) {
      const ref = await send(socialAlna);
      if (i < 1) await step(ref, 'CANCEL', staff, 'NO_LONGER_INTERESTED');
    }
    for (const activity of [cultureAlna, socialOstensjo, cultureOstensjo])
      for (let i = 0; i < 10; i++) {
        const ref = await send(activity);
        if (i < 5) await step(ref, 'CANCEL', staff, 'NO_LONGER_INTERESTED');
      }
    for (let i = 0; i < 5; i++) await send(sportAlna);
    const sport: Ref[] = [];
    for (let i = 0; i < 5; i++) sport.push(await send(sportOstensjo));
    await create(socialAlna); // a draft: never sent, never counted
    return sport;
  };

  let ostensjoReferrals: Ref[] = [];
  let twinOstensjo: Ref[] = [];
  beforeAll(async () => {
    app = await PlatformTestApp.start();
    finalAfterDays = app.config.referrals.statisticsFinalAfterDays;
    const em = app.directoryEm();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { name: 'Oslo Krisesenter', kind: OrganisationKind.SHELTER });
    const centre = await makeOrganisation(em, { name: 'Alna frivilligsentral', kind: OrganisationKind.VOLUNTEER_CENTRE, bydeler: ['030112'] });
    const at = (place: Awaited<ReturnType<typeof makeLocation>>) => ({ venueKind: 'LOCATION' as never, location: place, bydel: place.bydel });
    const furuset = await makeLocation(em, centre, { name: 'Furuset forum', bydel: '030112' });
    const boler = await makeLocation(em, centre, { name: 'Bøler idrettshall', bydel: '030113' });
    socialAlna = (await makeActivity(em, centre, { title: 'Kvinnetreff', category: ActivityCategory.SOCIAL, ...at(furuset) })).id;
    cultureAlna = (await makeActivity(em, centre, { title: 'Kor', category: ActivityCategory.CULTURE, ...at(furuset) })).id;
    sportOstensjo = (await makeActivity(em, centre, { title: 'Trim for kvinner', category: ActivityCategory.PHYSICAL_ACTIVITY, ...at(boler) })).id;
    socialOstensjo = (await makeActivity(em, centre, { title: 'Kaffetreff', category: ActivityCategory.SOCIAL, ...at(boler) })).id;
    cultureOstensjo = (await makeActivity(em, centre, { title: 'Teater', category: ActivityCategory.CULTURE, ...at(boler) })).id;
    sportAlna = (await makeActivity(em, centre, { title: 'Svømming', category: ActivityCategory.PHYSICAL_ACTIVITY, ...at(furuset) })).id;
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id, subject: 'staff-s' };

    // The test's month: the next June after the clock's month (summer time), entered on its 5th.
    const [y, m] = app.clock.osloDate().split('-').map(Number) as [number, number];
    year = m >= 6 ? y + 1 : y;
    monthNumber = 6;
    month = `${year}-${String(monthNumber).padStart(2, '0')}`;
    moveTo(utc(0, 5, 10));
  });
  afterAll(() => app.close());

  it('a month is not published, not even in part, until it is final and its snapshot taken', async () => {
    // The test's month: a referral is sent and then cancelled (the attack), among the others.
    ostensjoReferrals = await fill();
    const attack = await send(socialAlna);
    expect(Object.values(await everyAnswer()).flat()).toEqual([]);
    await step(attack, 'CANCEL', staff, 'GOT_HELP');
    expect(Object.values(await everyAnswer()).flat()).toEqual([]);

    // The twin month, the next one: the same referrals without the attack's.
    moveTo(utc(1, 3, 10));
    twinOstensjo = await fill();

    moveTo(minutesFrom(finalAt(), -1)); // 23:59 Oslo time on the month's last open day
    expect(Object.values(await everyAnswer()).flat()).toEqual([]);
    moveTo(minutesFrom(finalAt(), 1));
    // Final, but its snapshot waits out the grace period for late commits: still nothing. A cancel
    // stamped now is after the month became final and does not count (Østensjø stays at 5 below).
    await step(ostensjoReferrals[1]!, 'CANCEL', staff, 'GOT_HELP');
    expect(Object.values(await everyAnswer()).flat()).toEqual([]);
  });

  it('once final: cells of 5 or more are published, cells under 5 are not, nor what would give them away', async () => {
    moveTo(minutesFrom(finalAt(), 15));
    const ostensjoCells = [{ bydelCode: '030113', month, category: 'PHYSICAL_ACTIVITY', outcome: 'OPEN', count: 5, suppressed: false }];
    // Alna SOCIAL CANCELLED (2) is withheld, and with it the box of cells around it: Alna SOCIAL
    // OPEN alone would be given away by Alna's OPEN total minus the published cells, and the 2 by
    // SOCIAL's total minus that (the review's attack). Every cell of the box can move by 2 with
    // every margin and published cell unchanged.
    const alnaCells = [{ bydelCode: '030112', month, category: 'PHYSICAL_ACTIVITY', outcome: 'OPEN', count: 5, suppressed: false }];
    expect(await stats(ostensjo)).toEqual(ostensjoCells);
    expect(await stats(alna)).toEqual(alnaCells);
    expect(await stats(grunerlokka)).toEqual([]);
    expect(await stats(frogner)).toEqual([]);
    // The city sees exactly the sum of the bydeler's views, so nothing can be had by subtracting one from the other.
    for (const as of [city, admin]) expect(await stats(as)).toEqual([...alnaCells, ...ostensjoCells]);
    // The range asked for changes nothing either; the twin month is not final yet.
    for (const as of [alna, ostensjo, city]) expect(await stats(as, '2000-01', '2099-12')).toEqual(await stats(as));
  });

  it('the attack: one referral sent, then cancelled, changes no integrator’s answer, once the month is final', async () => {
    moveTo(minutesFrom(finalAt(1), 1));
    await step(twinOstensjo[1]!, 'CANCEL', staff, 'GOT_HELP'); // as in the attacked month
    moveTo(minutesFrom(finalAt(1), 15));
    const attacked = await everyAnswer(month);
    expect(Object.values(attacked).flat().length).toBeGreaterThan(0);
    expect(withoutMonth(attacked)).toEqual(withoutMonth(await everyAnswer(monthOf(1))));
  });

  it('a published month never changes: not by a later outcome, nor by the jobs, nor by a new REFERRAL_STATISTICS_FINAL_AFTER_DAYS', async () => {
    const published = await everyAnswer();
    expect(published['bydel-ostensjo month']).toHaveLength(1);
    // One of Østensjø's five is cancelled: a live count would drop to 4 (and out), showing that one.
    await step(ostensjoReferrals[0]!, 'CANCEL', staff, 'GOT_HELP');
    expect(await everyAnswer()).toEqual(published);
    moveTo(utc(3, 1, 10));
    expect((await app.runJobs()).snapshots).toEqual([]); // both months were taken by the reads
    expect(await everyAnswer()).toEqual(published);
    const settings = app.config.referrals as { statisticsFinalAfterDays: number };
    try {
      // Final later (the later cancels would count, the twin month would not be final yet) or sooner: neither moves a published month.
      for (const days of [60, 3]) {
        settings.statisticsFinalAfterDays = days;
        expect(await everyAnswer()).toEqual(published);
      }
    } finally {
      settings.statisticsFinalAfterDays = finalAfterDays;
    }
  });

  it('the jobs take each month’s snapshot once, when it is final', async () => {
    moveTo(minutesFrom(finalAt(2), 15));
    expect((await app.runJobs()).snapshots).toEqual([monthOf(2)]);
    expect((await app.runJobs()).snapshots).toEqual([]);
    expect(await stats(admin, monthOf(2), monthOf(2))).toEqual([]);
  });

  it('two instances taking the same month’s snapshot at once: one writes it, the other waits and writes nothing', async () => {
    const next = monthOf(3);
    await send(socialAlna); // in the month after the jobs' one, so that it has a referral to count
    moveTo(minutesFrom(finalAt(3), 15));
    const first = app.referralsOrm.em.fork() as EntityManager;
    const second = app.referralsOrm.em.fork() as EntityManager;
    await first.begin();
    try {
      expect(await new StatisticsSnapshots(first, app.now, finalAfterDays).takeMissing(next, next)).toEqual([next]);
      // The second neither sees the first's uncommitted snapshot nor may write its own: it waits on the month's key.
      const racing = new StatisticsSnapshots(second, app.now, finalAfterDays).takeMissing(next, next);
      for (let waiting = false; !waiting;) {
        const [row] = await app.referralsOrm.em.fork().execute<Array<{ waiting: number }>>('select count(*)::int as waiting from pg_locks where not granted');
        waiting = row!.waiting > 0;
      }
      await first.commit();
      expect(await racing).toEqual([]);
    } finally {
      if (first.isInTransaction()) await first.rollback();
    }
    const [{ months }] = await app.referralsOrm.em
      .fork()
      .execute<Array<{ months: number }>>('select count(*)::int as months from referrals.statistics_month where month = ?', [next]);
    expect(months).toBe(1);
  });

  it('no cell under 5, none flagged as suppressed', async () => {
    const cells = await stats(admin, '2000-01', '2099-12');
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.count < 5 || c.suppressed)).toEqual([]);
  });

  it.each([
    ['2026-13', '2026-12', 'fromMonth'],
    ['2026-1', '2026-12', 'fromMonth'],
    ["2026-01' or '1'='1", '2026-12', 'fromMonth'],
    ['2026-01', 'mars', 'toMonth'],
    ['2026-01', '2026-00', 'toMonth'],
    ['2026-05', '2026-04', 'toMonth'],
  ])('bad months (%j to %j) are BAD_USER_INPUT on %s', async (from, to, field) => {
    const res = await app.query(STATS, { as: admin, variables: { from, to } });
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(res.body.data).toBeNull();
  });
});
