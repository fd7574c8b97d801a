import { DateTime } from 'luxon';
import { RRule, type Weekday as RRuleWeekday } from 'rrule';

import type { Weekday } from './activity-enums.js';
import type { ScheduleData } from './schedule.js';

const ZONE = 'Europe/Oslo';
const RRULE_DAYS: Record<Weekday, RRuleWeekday> = {
  MONDAY: RRule.MO,
  TUESDAY: RRule.TU,
  WEDNESDAY: RRule.WE,
  THURSDAY: RRule.TH,
  FRIDAY: RRule.FR,
  SATURDAY: RRule.SA,
  SUNDAY: RRule.SU,
};
/** How far ahead occurrences are looked for. */
const HORIZON_DAYS = 120;

export interface OccurrenceData {
  startsAt: Date;
  endsAt: Date;
}

function at(date: string, time: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
}

/**
 * The next `count` times an activity takes place after `now`: weekly slots expanded with rrule
 * (in floating dates, then placed in Oslo time so summer time is right), minus exceptions, plus
 * single dates.
 */
export function nextOccurrences(schedule: ScheduleData, now: Date, count: number): OccurrenceData[] {
  if (count <= 0) return [];
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const horizon = today.plus({ days: HORIZON_DAYS });
  const skipped = new Set(schedule.exceptions.map((e) => e.date));
  const from = schedule.validFrom && schedule.validFrom > today.toISODate()! ? DateTime.fromISO(schedule.validFrom) : today;
  const until = schedule.validUntil && schedule.validUntil < horizon.toISODate()! ? DateTime.fromISO(schedule.validUntil) : horizon;
  const found: OccurrenceData[] = [];

  for (const slot of schedule.weekly) {
    const rule = new RRule({
      freq: RRule.WEEKLY,
      byweekday: [RRULE_DAYS[slot.weekday]],
      dtstart: new Date(Date.UTC(from.year, from.month - 1, from.day)),
      until: new Date(Date.UTC(until.year, until.month - 1, until.day, 23, 59)),
    });
    // Dates come in order: stop at the `count`th that is still to come (Oslo times are costly).
    let taken = 0;
    rule.all((day) => {
      const date = day.toISOString().slice(0, 10);
      if (!skipped.has(date)) {
        const occurrence = { startsAt: at(date, slot.startTime).toJSDate(), endsAt: at(date, slot.endTime).toJSDate() };
        if (occurrence.endsAt > now) {
          found.push(occurrence);
          taken++;
        }
      }
      return taken < count;
    });
  }
  for (const single of schedule.dates) {
    found.push({ startsAt: at(single.date, single.startTime).toJSDate(), endsAt: at(single.date, single.endTime).toJSDate() });
  }
  return found
    .filter((o) => o.endsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, count);
}
