import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { type ICalCalendar, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { DateTime } from 'luxon';

import type { ActivityRow } from '../activities/activity.row.js';
import type { Weekday } from '../activities/activity-enums.js';
import { normalizedSchedule } from '../activities/schedule.js';
import { floatingDate, osloTime, recurringSeries, SCHEDULE_ZONE } from '../activities/schedule-rules.js';

const ICAL_DAYS: Record<Weekday, ICalWeekday> = {
  MONDAY: ICalWeekday.MO,
  TUESDAY: ICalWeekday.TU,
  WEDNESDAY: ICalWeekday.WE,
  THURSDAY: ICalWeekday.TH,
  FRIDAY: ICalWeekday.FR,
  SATURDAY: ICalWeekday.SA,
  SUNDAY: ICalWeekday.SU,
};

/** What a feed says about one activity besides the row: what the reader may know of where and who. */
export interface ActivityCalendarEntry {
  readonly activity: ActivityRow;
  /** LOCATION: only what the feed's reader may see (never a shelter's address). */
  readonly location: string;
  readonly organisationName: string;
}

/**
 * An iCalendar (RFC 5545) calendar. Times are Oslo wall-clock times with `TZID=Europe/Oslo` and a
 * VTIMEZONE for it; DTSTAMP and UNTIL are in UTC, as the RFC requires (so the calendar itself has
 * no default zone: ical-generator would then write them as local times).
 */
export function newCalendar(name: string, now: Date): ICalCalendar {
  return ical({
    name,
    prodId: { company: 'Samspill', product: 'Aktiviteter', language: 'NB' },
    timezone: { name: null, generator: getVtimezoneComponent },
    ttl: 60 * 60,
  }).x('X-SAMSPILL-GENERATED', now.toISOString());
}

/**
 * One activity's events: each weekly or monthly slot one VEVENT with an RRULE (every `interval`
 * weeks; "the 2nd Tuesday" as BYDAY=TU;BYSETPOS=2) and the schedule's exceptions on its days as
 * EXDATEs, and each single date one VEVENT. UIDs are stable: the activity's id and the slot.
 */
export function addActivityEvents(calendar: ICalCalendar, entry: ActivityCalendarEntry, now: Date): void {
  const { activity } = entry;
  const schedule = normalizedSchedule(activity.schedule);
  // Slots without a phase start where the activity began (or validFrom): a stable DTSTART.
  const earliest = DateTime.fromJSDate(activity.createdAt, { zone: SCHEDULE_ZONE }).toISODate()!;
  const until = schedule.validUntil ? osloTime(schedule.validUntil, '23:59').toJSDate() : undefined;
  const common = {
    summary: activity.title,
    description: `${activity.description}\n\n${entry.organisationName}`,
    location: entry.location,
    timezone: SCHEDULE_ZONE,
    stamp: now,
    lastModified: activity.updatedAt,
    categories: [{ name: activity.category }],
  };
  for (const series of recurringSeries(schedule, earliest)) {
    const first = series.rule.after(series.rule.options.dtstart, true);
    if (!first) continue;
    const firstDate = first.toISOString().slice(0, 10);
    const exclude = schedule.exceptions
      .filter((e) => series.rule.between(floatingDate(e.date), floatingDate(e.date), true).length > 0)
      .map((e) => osloTime(e.date, series.startTime));
    calendar.createEvent({
      ...common,
      id: `${activity.id}-${series.key}@samspill`,
      start: osloTime(firstDate, series.startTime),
      end: osloTime(firstDate, series.endTime),
      repeating: {
        freq: series.kind === 'weekly' ? ICalEventRepeatingFreq.WEEKLY : ICalEventRepeatingFreq.MONTHLY,
        byDay: [ICAL_DAYS[series.weekday]],
        ...(series.kind === 'weekly' && series.interval > 1 ? { interval: series.interval, startOfWeek: ICalWeekday.MO } : {}),
        ...(series.kind === 'monthly' ? { bySetPos: series.week } : {}),
        ...(until ? { until } : {}),
        ...(exclude.length ? { exclude } : {}),
      },
    });
  }
  for (const single of schedule.dates) {
    calendar.createEvent({
      ...common,
      id: `${activity.id}-date-${single.date}-${single.startTime.replace(':', '')}@samspill`,
      start: osloTime(single.date, single.startTime),
      end: osloTime(single.date, single.endTime),
    });
  }
}
