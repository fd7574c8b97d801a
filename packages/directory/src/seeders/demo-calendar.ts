import { DateTime } from 'luxon';

import type { ScheduleData, ScheduleExceptionData } from '../modules/activities/schedule.js';
import { isoWeekdayOfDate } from '../modules/activities/schedule.js';

const ZONE = 'Europe/Oslo';
const WEEKDAY_NUMBER: Record<string, number> = { MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6, SUNDAY: 7 };

/**
 * The day the demo data's dates are written for (single dates, validity ranges, confirmations).
 * The seeder moves every one of them by whole weeks to the day it runs, so that the demo looks
 * the same on any day: nothing is over, and nothing confirmed lies in the future.
 */
export const DEMO_WRITTEN_FOR = '2026-12-01';

/**
 * Whole weeks, in days, from DEMO_WRITTEN_FOR to `now` in Oslo (rounded up): moved by this, a date
 * keeps its weekday and lies at least as far ahead of today as it was written ahead of that day.
 */
export function demoShiftDays(now: Date): number {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const written = DateTime.fromISO(DEMO_WRITTEN_FOR, { zone: ZONE });
  return Math.ceil(Math.round(today.diff(written, 'days').days) / 7) * 7 + 0; // + 0: never -0
}

/** An ISO date moved by `days`. */
export function shiftDate(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, as in Meeus, "Astronomical
 * Algorithms"), as an ISO date.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Norway's public holidays of a year, with Christmas Eve and New Year's Eve (most activities close then too). */
export function norwegianHolidays(year: number): ScheduleExceptionData[] {
  const easter = easterSunday(year);
  const days: Array<[string, string]> = [
    [`${year}-01-01`, 'Første nyttårsdag'],
    [shiftDate(easter, -3), 'Skjærtorsdag'],
    [shiftDate(easter, -2), 'Langfredag'],
    [easter, 'Første påskedag'],
    [shiftDate(easter, 1), 'Andre påskedag'],
    [`${year}-05-01`, 'Offentlig høytidsdag'],
    [`${year}-05-17`, 'Grunnlovsdag'],
    [shiftDate(easter, 39), 'Kristi himmelfartsdag'],
    [shiftDate(easter, 49), 'Første pinsedag'],
    [shiftDate(easter, 50), 'Andre pinsedag'],
    [`${year}-12-24`, 'Julaften'],
    [`${year}-12-25`, 'Første juledag'],
    [`${year}-12-26`, 'Andre juledag'],
    [`${year}-12-31`, 'Nyttårsaften'],
  ];
  // Two on one day (17 May can be Whit Monday, 1 May Ascension Day) make one exception.
  const byDate = new Map<string, string>();
  for (const [date, note] of days) byDate.set(date, byDate.has(date) ? `${byDate.get(date)} og ${note.toLowerCase()}` : note);
  return [...byDate].map(([date, note]) => ({ date, note })).sort((x, y) => x.date.localeCompare(y.date));
}

/**
 * A demo schedule as of `today` (Oslo, YYYY-MM-DD): its dates moved by `shiftDays`, and the
 * holidays of the coming year that fall on its weekly slots (within its validity) as exceptions.
 */
export function demoSchedule(schedule: ScheduleData, shiftDays: number, today: string): ScheduleData {
  const move = (date: string | null | undefined) => (date ? shiftDate(date, shiftDays) : null);
  const validFrom = move(schedule.validFrom);
  const validUntil = move(schedule.validUntil);
  const yearAhead = shiftDate(today, 365);
  const weekdays = new Set([...schedule.weekly, ...(schedule.monthly ?? [])].map((slot) => WEEKDAY_NUMBER[slot.weekday]));
  const year = Number(today.slice(0, 4));
  const holidays = [...norwegianHolidays(year), ...norwegianHolidays(year + 1)].filter(
    (h) =>
      h.date >= today &&
      h.date <= yearAhead &&
      weekdays.has(isoWeekdayOfDate(h.date)) &&
      (!validFrom || h.date >= validFrom) &&
      (!validUntil || h.date <= validUntil),
  );
  return {
    weekly: schedule.weekly,
    ...(schedule.monthly ? { monthly: schedule.monthly } : {}),
    exceptions: [...schedule.exceptions.map((e) => ({ ...e, date: shiftDate(e.date, shiftDays) })), ...holidays],
    dates: schedule.dates.map((d) => ({ ...d, date: shiftDate(d.date, shiftDays) })),
    validFrom,
    validUntil,
  };
}
