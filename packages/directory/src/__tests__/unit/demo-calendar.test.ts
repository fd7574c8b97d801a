import { Weekday } from '../../modules/activities/activity-enums.js';
import { isoWeekdayOfDate } from '../../modules/activities/schedule.js';
import { DEMO_WRITTEN_FOR, demoSchedule, demoShiftDays, easterSunday, norwegianHolidays, shiftDate } from '../../seeders/demo-calendar.js';

// Pure functions of the dates they are given: none of these reads the clock.
describe('the demo calendar', () => {
  it('finds Easter Sunday', () => {
    const known = {
      2000: '2000-04-23',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });

  it('lists the Norwegian holidays of 2027, two on one day as one', () => {
    expect(norwegianHolidays(2027)).toEqual([
      { date: '2027-01-01', note: 'Første nyttårsdag' },
      { date: '2027-03-25', note: 'Skjærtorsdag' },
      { date: '2027-03-26', note: 'Langfredag' },
      { date: '2027-03-28', note: 'Første påskedag' },
      { date: '2027-03-29', note: 'Andre påskedag' },
      { date: '2027-05-01', note: 'Offentlig høytidsdag' },
      { date: '2027-05-06', note: 'Kristi himmelfartsdag' },
      { date: '2027-05-16', note: 'Første pinsedag' },
      { date: '2027-05-17', note: 'Grunnlovsdag og andre pinsedag' },
      { date: '2027-12-24', note: 'Julaften' },
      { date: '2027-12-25', note: 'Første juledag' },
      { date: '2027-12-26', note: 'Andre juledag' },
      { date: '2027-12-31', note: 'Nyttårsaften' },
    ]);
  });

  it('moves by whole weeks, rounded up, so that a date keeps its weekday and stays ahead', () => {
    expect(demoShiftDays(new Date(`${DEMO_WRITTEN_FOR}T12:00:00Z`))).toBe(0);
    expect(demoShiftDays(new Date(`${shiftDate(DEMO_WRITTEN_FOR, 1)}T12:00:00Z`))).toBe(7);
    expect(demoShiftDays(new Date(`${shiftDate(DEMO_WRITTEN_FOR, -6)}T12:00:00Z`))).toBe(0);
    expect(demoShiftDays(new Date(`${shiftDate(DEMO_WRITTEN_FOR, -7)}T12:00:00Z`))).toBe(-7);
    expect(demoShiftDays(new Date('2031-11-30T09:00:00Z')) % 7).toBe(0);
    // 23:30 UTC on 30 November is 1 December in Oslo.
    expect(demoShiftDays(new Date(`${shiftDate(DEMO_WRITTEN_FOR, -1)}T23:30:00Z`))).toBe(0);
  });

  it('moves a schedule and takes the holidays of the coming year on its weekdays, within its validity', () => {
    const schedule = {
      weekly: [{ weekday: Weekday.FRIDAY, startTime: '17:00', endTime: '19:00' }],
      exceptions: [],
      dates: [{ date: '2026-12-05', startTime: '12:00', endTime: '14:00' }],
      validFrom: '2026-12-04',
      validUntil: '2027-04-30',
    };
    // Seeded on 2027-12-01, 365 days later: moved by 53 weeks.
    const moved = demoSchedule(schedule, demoShiftDays(new Date('2027-12-01T12:00:00Z')), '2027-12-01');
    expect(moved).toEqual({
      weekly: schedule.weekly,
      dates: [{ date: '2027-12-11', startTime: '12:00', endTime: '14:00' }],
      validFrom: '2027-12-10',
      validUntil: '2028-05-05',
      exceptions: [
        { date: '2027-12-24', note: 'Julaften' },
        { date: '2027-12-31', note: 'Nyttårsaften' },
        { date: '2028-04-14', note: 'Langfredag' },
      ],
    });
    expect(isoWeekdayOfDate(moved.dates[0]!.date)).toBe(isoWeekdayOfDate('2026-12-05'));
  });
});
