import type { Weekday } from './activity-enums.js';

/** Stored as JSON on the activity: a weekly pattern with exceptions, or single dates. */
export interface WeeklySlotData {
  weekday: Weekday;
  /** Local Oslo time, HH:MM. */
  startTime: string;
  endTime: string;
  /** Every `interval`th week (1 = every week, 2 = every other week), counted from the week of `validFrom`. Absent: 1. */
  interval?: number;
}

/** A monthly rule: "the 2nd Tuesday" (`week` 2), "the last Thursday" (`week` -1). */
export interface MonthlySlotData {
  weekday: Weekday;
  /** 1–4: the first to fourth such weekday of the month; -1: the last. */
  week: number;
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
  /** Absent in schedules stored before monthly rules existed (Migration20261201125000_schedule_rules fills it in). */
  monthly?: MonthlySlotData[];
  exceptions: ScheduleExceptionData[];
  dates: ScheduledDateData[];
  /** First and last date the weekly and monthly rules apply (inclusive, optional); every-other-week counts from validFrom. */
  validFrom?: string | null;
  validUntil?: string | null;
}

export const WEEKDAY_NUMBERS: Record<Weekday, number> = {
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
  for (const slot of schedule.monthly ?? []) days.add(WEEKDAY_NUMBERS[slot.weekday]);
  for (const date of schedule.dates) days.add(isoWeekdayOfDate(date.date));
  return [...days].sort((a, b) => a - b);
}

/** A stored schedule with today's shape: schedules stored before monthly rules and intervals get their defaults. */
export function normalizedSchedule(schedule: ScheduleData): Required<Pick<ScheduleData, 'monthly'>> & ScheduleData {
  return {
    ...schedule,
    weekly: schedule.weekly.map((slot) => ({ ...slot, interval: slot.interval ?? 1 })),
    monthly: schedule.monthly ?? [],
    validFrom: schedule.validFrom ?? null,
    validUntil: schedule.validUntil ?? null,
  };
}
