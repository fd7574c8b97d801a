import { TestClock } from '@samspill/core/testkit';
import { DateTime } from 'luxon';

import { Weekday } from '../../modules/activities/activity-enums.js';
import { nextOccurrences } from '../../modules/activities/occurrences.js';
import { isoWeekdayOfDate, type ScheduleData, weekdaysOf } from '../../modules/activities/schedule.js';

const schedule = (overrides: Partial<ScheduleData> = {}): ScheduleData => ({ weekly: [], exceptions: [], dates: [], ...overrides });
const tuesdayEvening = { weekday: Weekday.TUESDAY, startTime: '17:00', endTime: '19:00' };
const iso = (occurrences: Array<{ startsAt: Date; endsAt: Date }>) => occurrences.map((o) => [o.startsAt.toISOString(), o.endsAt.toISOString()]);

describe('weekdaysOf', () => {
  it('is empty for an empty schedule', () => {
    expect(weekdaysOf(schedule())).toEqual([]);
  });

  it('gives ISO weekday numbers of the weekly slots, sorted and without duplicates', () => {
    const weekly = [
      { weekday: Weekday.SUNDAY, startTime: '12:00', endTime: '14:00' },
      tuesdayEvening,
      { weekday: Weekday.TUESDAY, startTime: '10:00', endTime: '11:00' },
      { weekday: Weekday.MONDAY, startTime: '10:00', endTime: '11:00' },
    ];
    expect(weekdaysOf(schedule({ weekly }))).toEqual([1, 2, 7]);
  });

  it('adds the weekdays of single dates (2025-01-16 is a Thursday, 2025-01-18 a Saturday)', () => {
    const dates = [
      { date: '2025-01-18', startTime: '12:00', endTime: '14:00' },
      { date: '2025-01-16', startTime: '12:00', endTime: '14:00' },
    ];
    expect(weekdaysOf(schedule({ weekly: [tuesdayEvening], dates }))).toEqual([2, 4, 6]);
  });

  it('does not count exception dates as days it takes place', () => {
    expect(weekdaysOf(schedule({ weekly: [tuesdayEvening], exceptions: [{ date: '2025-01-16' }] }))).toEqual([2]);
  });

  it('reads a date as a calendar day, not shifted by time zone', () => {
    expect(isoWeekdayOfDate('2025-01-12')).toBe(7);
    expect(isoWeekdayOfDate('2025-01-13')).toBe(1);
  });
});

describe('nextOccurrences (Europe/Oslo)', () => {
  it('merges several weekly slots in time order, however few are asked for, and gives none for 0', () => {
    const now = new Date('2027-01-10T12:00:00Z'); // a Sunday
    const weekly = [
      { weekday: Weekday.THURSDAY, startTime: '10:00', endTime: '11:00' },
      { weekday: Weekday.MONDAY, startTime: '18:00', endTime: '20:00' },
    ];
    expect(nextOccurrences(schedule({ weekly }), now, 3).map((o) => o.startsAt.toISOString())).toEqual([
      '2027-01-11T17:00:00.000Z',
      '2027-01-14T09:00:00.000Z',
      '2027-01-18T17:00:00.000Z',
    ]);
    expect(nextOccurrences(schedule({ weekly }), now, 0)).toEqual([]);
  });

  it('gives the next Tuesdays 17:00–19:00 Oslo time as 16:00Z in winter', () => {
    const now = new Date('2027-01-10T12:00:00Z'); // a Sunday
    expect(iso(nextOccurrences(schedule({ weekly: [tuesdayEvening] }), now, 3))).toEqual([
      ['2027-01-12T16:00:00.000Z', '2027-01-12T18:00:00.000Z'],
      ['2027-01-19T16:00:00.000Z', '2027-01-19T18:00:00.000Z'],
      ['2027-01-26T16:00:00.000Z', '2027-01-26T18:00:00.000Z'],
    ]);
  });

  it('gives 15:00Z in summer', () => {
    const now = new Date('2027-06-06T12:00:00Z'); // a Sunday
    expect(iso(nextOccurrences(schedule({ weekly: [tuesdayEvening] }), now, 2))).toEqual([
      ['2027-06-08T15:00:00.000Z', '2027-06-08T17:00:00.000Z'],
      ['2027-06-15T15:00:00.000Z', '2027-06-15T17:00:00.000Z'],
    ]);
  });

  it('follows the switch to summer time (2027-03-28) within one series', () => {
    const now = new Date('2027-03-21T12:00:00Z');
    expect(nextOccurrences(schedule({ weekly: [tuesdayEvening] }), now, 2).map((o) => o.startsAt.toISOString())).toEqual([
      '2027-03-23T16:00:00.000Z',
      '2027-03-30T15:00:00.000Z',
    ]);
  });

  it('includes today when the slot has not ended yet, and leaves it out once it has', () => {
    const weekly = [tuesdayEvening];
    const during = new Date('2027-01-12T17:30:00Z'); // 18:30 Oslo, during the slot
    expect(nextOccurrences(schedule({ weekly }), during, 1).map((o) => o.startsAt.toISOString())).toEqual(['2027-01-12T16:00:00.000Z']);
    const after = new Date('2027-01-12T18:00:00Z'); // 19:00 Oslo, the slot just ended
    expect(nextOccurrences(schedule({ weekly }), after, 1).map((o) => o.startsAt.toISOString())).toEqual(['2027-01-19T16:00:00.000Z']);
  });

  it('skips an exception date', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    const result = nextOccurrences(schedule({ weekly: [tuesdayEvening], exceptions: [{ date: '2027-01-19', note: 'Vinterferie' }] }), now, 3);
    expect(result.map((o) => o.startsAt.toISOString())).toEqual(['2027-01-12T16:00:00.000Z', '2027-01-26T16:00:00.000Z', '2027-02-02T16:00:00.000Z']);
  });

  it('merges single dates into the weekly series in time order', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    const dates = [
      { date: '2027-01-23', startTime: '11:00', endTime: '15:00' }, // Saturday
      { date: '2027-01-14', startTime: '09:30', endTime: '10:30' }, // Thursday
    ];
    expect(iso(nextOccurrences(schedule({ weekly: [tuesdayEvening], dates }), now, 5))).toEqual([
      ['2027-01-12T16:00:00.000Z', '2027-01-12T18:00:00.000Z'],
      ['2027-01-14T08:30:00.000Z', '2027-01-14T09:30:00.000Z'],
      ['2027-01-19T16:00:00.000Z', '2027-01-19T18:00:00.000Z'],
      ['2027-01-23T10:00:00.000Z', '2027-01-23T14:00:00.000Z'],
      ['2027-01-26T16:00:00.000Z', '2027-01-26T18:00:00.000Z'],
    ]);
  });

  it('leaves out single dates that are over', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    const dates = [
      { date: '2027-01-09', startTime: '11:00', endTime: '15:00' },
      { date: '2027-02-01', startTime: '11:00', endTime: '12:00' },
    ];
    expect(nextOccurrences(schedule({ dates }), now, 5).map((o) => o.startsAt.toISOString())).toEqual(['2027-02-01T10:00:00.000Z']);
  });

  it('stops the weekly series at validUntil (inclusive)', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    const result = nextOccurrences(schedule({ weekly: [tuesdayEvening], validUntil: '2027-01-19' }), now, 10);
    expect(result.map((o) => o.startsAt.toISOString())).toEqual(['2027-01-12T16:00:00.000Z', '2027-01-19T16:00:00.000Z']);
  });

  it('starts the weekly series at validFrom', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    const result = nextOccurrences(schedule({ weekly: [tuesdayEvening], validFrom: '2027-02-01' }), now, 2);
    expect(result.map((o) => o.startsAt.toISOString())).toEqual(['2027-02-02T16:00:00.000Z', '2027-02-09T16:00:00.000Z']);
  });

  it('returns at most `count` and nothing for an empty schedule', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    expect(nextOccurrences(schedule({ weekly: [tuesdayEvening] }), now, 0)).toEqual([]);
    expect(nextOccurrences(schedule(), now, 5)).toEqual([]);
  });

  it('looks no further than 120 days ahead', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    const result = nextOccurrences(schedule({ weekly: [tuesdayEvening] }), now, 50);
    expect(result).toHaveLength(17); // Tuesdays from 2027-01-12 to 2027-05-04; 2027-05-10 is the horizon
    expect(result.at(-1)!.startsAt.toISOString()).toBe('2027-05-04T15:00:00.000Z');
  });
});

describe('nextOccurrences: every other week and monthly rules (Europe/Oslo)', () => {
  const oslo = (occurrences: Array<{ startsAt: Date }>) =>
    occurrences.map((o) => DateTime.fromJSDate(o.startsAt, { zone: 'Europe/Oslo' }).setLocale('en').toFormat('ccc yyyy-MM-dd HH:mm'));

  it('every other Tuesday, counted from the week of validFrom (a Monday), whatever day it is asked', () => {
    const everyOther = schedule({ weekly: [{ ...tuesdayEvening, interval: 2 }], validFrom: '2027-01-04' });
    expect(oslo(nextOccurrences(everyOther, new Date('2027-01-03T12:00:00Z'), 3))).toEqual([
      'Tue 2027-01-05 17:00',
      'Tue 2027-01-19 17:00',
      'Tue 2027-02-02 17:00',
    ]);
    // Asked in an "off" week, the phase holds: 2027-01-12 is not a day it takes place.
    expect(oslo(nextOccurrences(everyOther, new Date('2027-01-11T12:00:00Z'), 2))).toEqual(['Tue 2027-01-19 17:00', 'Tue 2027-02-02 17:00']);
  });

  it('the 2nd Tuesday and the last Thursday of each month, minus exceptions', () => {
    const monthly = schedule({
      monthly: [
        { weekday: Weekday.TUESDAY, week: 2, startTime: '17:00', endTime: '19:00' },
        { weekday: Weekday.THURSDAY, week: -1, startTime: '18:00', endTime: '20:00' },
      ],
      exceptions: [{ date: '2027-02-25' }],
    });
    expect(oslo(nextOccurrences(monthly, new Date('2027-01-01T12:00:00Z'), 5))).toEqual([
      'Tue 2027-01-12 17:00',
      'Thu 2027-01-28 18:00',
      'Tue 2027-02-09 17:00',
      'Tue 2027-03-09 17:00',
      'Thu 2027-03-25 18:00',
    ]);
  });

  it('counts monthly weekdays among the weekdays it takes place on', () => {
    expect(weekdaysOf(schedule({ weekly: [tuesdayEvening], monthly: [{ weekday: Weekday.FRIDAY, week: 1, startTime: '12:00', endTime: '13:00' }] }))).toEqual([
      2, 5,
    ]);
  });

  /** The next change between winter and summer time in Oslo after `now` (late March or late October), found with luxon's zone data. */
  function nextOffsetChange(now: Date): DateTime {
    let day = DateTime.fromJSDate(now, { zone: 'Europe/Oslo' }).startOf('day');
    while (day.plus({ days: 1 }).offset === day.offset) day = day.plus({ days: 1 });
    // The day whose midnight still had the old offset: the Sunday the clocks moved (at noon, the new one).
    return day.set({ hour: 12 });
  }

  it.each([
    ['the next change of summer time', 0],
    ['the change after it', 200],
  ])('keeps 17:00 Oslo wall-clock time across %s after the test clock’s now, every week and every other week', (_label, daysOn) => {
    const clock = new TestClock();
    clock.advanceDays(daysOn);
    const change = nextOffsetChange(clock.now());
    expect([3, 10]).toContain(change.month);
    // The Monday 13 days before the change (a Sunday): every-other-week counts from there, so both series cross it.
    const start = change.minus({ days: 8 }).startOf('week');
    clock.moveTo(start.toJSDate());
    const weekly = schedule({ weekly: [tuesdayEvening] });
    const fortnightly = schedule({ weekly: [{ ...tuesdayEvening, interval: 2 }], validFrom: start.toISODate()! });
    for (const s of [weekly, fortnightly]) {
      const next = nextOccurrences(s, clock.now(), 3);
      expect(oslo(next).every((t) => t.startsWith('Tue') && t.endsWith(' 17:00'))).toBe(true);
      const offsets = next.map((o) => DateTime.fromJSDate(o.startsAt, { zone: 'Europe/Oslo' }).offset);
      // Before the change and after it: one hour apart in UTC (+60 → +120 in March, the reverse in October).
      expect(new Set(offsets).size).toBe(2);
      expect(offsets[0]).toBe(start.offset);
      expect(offsets.at(-1)).toBe(change.offset);
    }
    const gaps = nextOccurrences(fortnightly, clock.now(), 3).map((o, i, all) => (i ? (o.startsAt.getTime() - all[i - 1]!.startsAt.getTime()) / 3_600_000 : 0));
    // 14 days, give or take the hour the clocks moved.
    expect(gaps.slice(1).sort()).toEqual(change.month === 3 ? [335, 336] : [336, 337]);
  });
});
