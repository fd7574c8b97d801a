import type { Weekday } from './activity-enums.js';

/** Stored as JSON on the activity: a weekly pattern with exceptions, or single dates. */
export interface WeeklySlotData {
  weekday: Weekday;
  /** Local Oslo time, HH:MM. */
  startTime: string;
  endTime: string;
}

export interface ScheduleExceptionData {
  /** ISO date (YYYY-MM-DD) on which a weekly slot does not take place. */
  date: string;
  note?: string | null;
}

export interface ScheduledDateData {
  date: string;
  startTime: string;
  endTime: string;
}

export interface ScheduleData {
  weekly: WeeklySlotData[];
  exceptions: ScheduleExceptionData[];
  dates: ScheduledDateData[];
  /** First and last date the weekly pattern applies (inclusive, optional). */
  validFrom?: string | null;
  validUntil?: string | null;
}

const WEEKDAY_NUMBERS: Record<Weekday, number> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

/** ISO weekday of an ISO date string (1 = Monday), read as a calendar date without time zone. */
export function isoWeekdayOfDate(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The weekdays the activity takes place on, for the `weekdays` filter column. */
export function weekdaysOf(schedule: ScheduleData): number[] {
  const days = new Set<number>();
  for (const slot of schedule.weekly) days.add(WEEKDAY_NUMBERS[slot.weekday]);
  for (const date of schedule.dates) days.add(isoWeekdayOfDate(date.date));
  return [...days].sort((a, b) => a - b);
}
