import { DateTime } from 'luxon';

import type { ScheduleData } from './schedule.js';
import { dateOfFloating, floatingDate, osloTime, recurringSeries, SCHEDULE_ZONE } from './schedule-rules.js';

/** How far ahead occurrences are looked for. */
const HORIZON_DAYS = 120;

export interface OccurrenceData {
  startsAt: Date;
  endsAt: Date;
}

/**
 * The next `count` times an activity takes place after `now`: weekly (every week or every
 * `interval`th) and monthly slots expanded with rrule over calendar dates, then placed in Oslo
 * time so summer time is right, minus exceptions, plus single dates.
 */
export function nextOccurrences(schedule: ScheduleData, now: Date, count: number): OccurrenceData[] {
  if (count <= 0) return [];
  const today = DateTime.fromJSDate(now, { zone: SCHEDULE_ZONE }).startOf('day');
  const from = today.toISODate()!;
  const horizon = floatingDate(today.plus({ days: HORIZON_DAYS }).toISODate()!);
  const skipped = new Set(schedule.exceptions.map((e) => e.date));
  const found: OccurrenceData[] = [];

  for (const series of recurringSeries(schedule, from)) {
    // Dates come in order: stop at the `count`th that is still to come (Oslo times are costly).
    let taken = 0;
    series.rule.between(floatingDate(from), horizon, true, (day) => {
      const date = dateOfFloating(day);
      if (!skipped.has(date)) {
        const occurrence = { startsAt: osloTime(date, series.startTime).toJSDate(), endsAt: osloTime(date, series.endTime).toJSDate() };
        if (occurrence.endsAt > now) {
          found.push(occurrence);
          taken++;
        }
      }
      return taken < count;
    });
  }
  for (const single of schedule.dates) {
    found.push({ startsAt: osloTime(single.date, single.startTime).toJSDate(), endsAt: osloTime(single.date, single.endTime).toJSDate() });
  }
  return found
    .filter((o) => o.endsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, count);
}
