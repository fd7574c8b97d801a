import { seedDemoData } from '../index.js';
import { ActivityEntity } from '../modules/activities/activity.entity.js';
import { isoWeekdayOfDate, weekdaysOf } from '../modules/activities/schedule.js';
import { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { VolunteerRoutineEntity } from '../modules/organisations/volunteer-routine.entity.js';
import { DirectoryTestApp } from './support/test-app.js';

/*
 * The demo data's dates are written for one day; seeded on any other, nothing in it may be over
 * or confirmed in the future. Seeded here with the clock years away from today, either way.
 */
describe.each([
  ['five years ahead', 5 * 365 + 2],
  ['a year back', -365],
])('the demo data, seeded with the clock %s', (_label, days) => {
  let app: DirectoryTestApp;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    app.clock.advanceDays(days);
    expect(await seedDemoData(app.em(), app.now)).toBe(true);
  });
  afterAll(() => app.close());

  it('has no activity date, validity or holiday exception that is over', async () => {
    const today = app.clock.osloDate();
    const activities = await app.em().find(ActivityEntity, {});
    expect(activities.length).toBeGreaterThan(20);
    const over: string[] = [];
    for (const { title, schedule } of activities) {
      for (const { date } of schedule.dates) if (date <= today) over.push(`${title}: ${date}`);
      if (schedule.validUntil && schedule.validUntil <= today) over.push(`${title}: valid until ${schedule.validUntil}`);
      for (const { date } of schedule.exceptions) if (date < today) over.push(`${title}: exception ${date}`);
    }
    expect(over).toEqual([]);
    expect(activities.some((a) => a.schedule.dates.length > 0)).toBe(true);
  });

  it('takes the holidays of the coming year on the weekdays an activity is on, and none other', async () => {
    const activities = await app.em().find(ActivityEntity, {});
    const exceptions = activities.flatMap((a) => a.schedule.exceptions.map((e) => ({ ...e, weekdays: weekdaysOf(a.schedule) })));
    expect(exceptions.filter((e) => !e.weekdays.includes(isoWeekdayOfDate(e.date)))).toEqual([]);
    const notes = new Set(exceptions.map((e) => e.note));
    expect(notes.size).toBeGreaterThan(3);
    for (const note of notes) expect(note).toMatch(/dag|aften|fredag/);
  });

  it('confirms no volunteer routine, and meets no requirement, after today', async () => {
    const today = app.clock.osloDate();
    const routines = await app.em().find(VolunteerRoutineEntity, {});
    expect(routines.length).toBeGreaterThan(10);
    expect(routines.filter((r) => r.confirmedOn > today).map((r) => r.confirmedOn)).toEqual([]);
    const met = await app.em().find(OrganisationEntity, { volunteerRequirementsMetAt: { $ne: null } });
    expect(met.length).toBeGreaterThan(0);
    expect(met.filter((o) => o.volunteerRequirementsMetAt! > app.now())).toEqual([]);
  });

  it('has a cooperation contact (a role and its office) in several bydeler, each with their frivilligsentral', async () => {
    const res = await app.query(`{ bydeler { code shelterCooperationContact { role office } organisations { kind } } }`);
    const withContact = res.body.data.bydeler.filter((b: { shelterCooperationContact: unknown }) => b.shelterCooperationContact);
    expect(withContact.length).toBeGreaterThanOrEqual(3);
    for (const bydel of withContact) expect(bydel.organisations.map((o: { kind: string }) => o.kind)).toContain('VOLUNTEER_CENTRE');
  });
});
