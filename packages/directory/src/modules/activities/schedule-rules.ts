import { DateTime } from 'luxon';
import { RRule, type Weekday as RRuleWeekday } from 'rrule';

import type { Weekday } from './activity-enums.js';
import type { ScheduleData } from './schedule.js';

/** Every schedule's wall-clock times are Oslo's. */
export const SCHEDULE_ZONE = 'Europe/Oslo';

const RRULE_DAYS: Record<Weekday, RRuleWeekday> = {
  MONDAY: RRule.MO,
  TUESDAY: RRule.TU,
  WEDNESDAY: RRule.WE,
  THURSDAY: RRule.TH,
  FRIDAY: RRule.FR,
  SATURDAY: RRule.SA,
  SUNDAY: RRule.SU,
};

/** One repeating slot of a schedule: which days (an rrule over calendar dates) and the Oslo wall-clock times. */
export interface RecurringSeries {
  /** Stable within the schedule: `weekly-0`, `monthly-1` (a calendar's UID is made from it). */
  readonly key: string;
  readonly kind: 'weekly' | 'monthly';
  readonly weekday: Weekday;
  /** Every `interval`th week (weekly series; 1 for monthly). */
  readonly interval: number;
  /** For monthly series: 1–4, or -1 for the last such weekday of the month. */
  readonly week?: number;
  readonly startTime: string;
  readonly endTime: string;
  /**
   * The days, over "floating" dates: each Date's UTC calendar day is the Oslo calendar day, so
   * rrule's arithmetic never meets a summer-time change; `at()` then places the wall-clock time.
   */
  readonly rule: RRule;
}

/** A calendar date (YYYY-MM-DD) as rrule's floating Date. */
export function floatingDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function dateOfFloating(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** The instant of `time` (HH:MM, Oslo wall clock) on `date`. */
export function osloTime(date: string, time: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone: SCHEDULE_ZONE });
}

/**
 * The schedule's weekly and monthly slots as rrules. Every-other-week counts weeks from the week
 * of `validFrom` (input validation requires it then); other rules have no phase, so they may start
 * at `earliest` (today, or the first day a feed shows) when no `validFrom` is set, or when it lies
 * before `earliest` (fewer days to step through).
 */
export function recurringSeries(schedule: ScheduleData, earliest: string): RecurringSeries[] {
  const start = (phased: boolean) =>
    floatingDate(phased && schedule.validFrom ? schedule.validFrom : schedule.validFrom && schedule.validFrom > earliest ? schedule.validFrom : earliest);
  const until = schedule.validUntil ? new Date(`${schedule.validUntil}T23:59:59Z`) : null;
  const weekly = schedule.weekly.map((slot, i): RecurringSeries => {
    const interval = slot.interval ?? 1;
    return {
      key: `weekly-${i}`,
      kind: 'weekly',
      weekday: slot.weekday,
      interval,
      startTime: slot.startTime,
      endTime: slot.endTime,
      rule: new RRule({ freq: RRule.WEEKLY, interval, wkst: RRule.MO, byweekday: [RRULE_DAYS[slot.weekday]], dtstart: start(interval > 1), until }),
    };
  });
  const monthly = (schedule.monthly ?? []).map((slot, i): RecurringSeries => ({
    key: `monthly-${i}`,
    kind: 'monthly',
    weekday: slot.weekday,
    interval: 1,
    week: slot.week,
    startTime: slot.startTime,
    endTime: slot.endTime,
    rule: new RRule({ freq: RRule.MONTHLY, byweekday: [RRULE_DAYS[slot.weekday].nth(slot.week)], dtstart: start(false), until }),
  }));
  return [...weekly, ...monthly];
}
