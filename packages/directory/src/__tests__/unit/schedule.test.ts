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

  it('adds the weekdays of single dates (2027-01-14 is a Thursday, 2027-01-16 a Saturday)', () => {
    const dates = [
      { date: '2027-01-16', startTime: '12:00', endTime: '14:00' },
      { date: '2027-01-14', startTime: '12:00', endTime: '14:00' },
    ];
    expect(weekdaysOf(schedule({ weekly: [tuesdayEvening], dates }))).toEqual([2, 4, 6]);
  });

  it('does not count exception dates as days it takes place', () => {
    expect(weekdaysOf(schedule({ weekly: [tuesdayEvening], exceptions: [{ date: '2027-01-14' }] }))).toEqual([2]);
  });

  it('reads a date as a calendar day, not shifted by time zone', () => {
    expect(isoWeekdayOfDate('2027-01-10')).toBe(7);
    expect(isoWeekdayOfDate('2027-01-11')).toBe(1);
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
