import { VisibleField } from '@samspill/core';
import { Int, ObjectType } from 'type-graphql';

import { Weekday } from './activity-enums.js';

@ObjectType('WeeklySlot', { description: 'A weekly time slot, local Oslo time.' })
export class WeeklySlot {
  @VisibleField(() => Weekday)
  weekday!: Weekday;

  @VisibleField(() => String, { description: 'HH:MM' })
  startTime!: string;

  @VisibleField(() => String, { description: 'HH:MM' })
  endTime!: string;

  @VisibleField(() => Int, { description: 'Every this many weeks: 1 every week, 2 every other week, counted from the week of validFrom.' })
  interval!: number;
}

@ObjectType('MonthlySlot', { description: 'A monthly slot, local Oslo time: "the 2nd Tuesday" (week 2), "the last Thursday" (week -1).' })
export class MonthlySlot {
  @VisibleField(() => Weekday)
  weekday!: Weekday;

  @VisibleField(() => Int, { description: '1–4: the first to fourth such weekday of the month; -1: the last.' })
  week!: number;

  @VisibleField(() => String, { description: 'HH:MM' })
  startTime!: string;

  @VisibleField(() => String, { description: 'HH:MM' })
  endTime!: string;
}

@ObjectType('ScheduleException', { description: 'A date on which the weekly and monthly slots do not take place.' })
export class ScheduleException {
  @VisibleField(() => String, { description: 'YYYY-MM-DD' })
  date!: string;

  @VisibleField(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType('ScheduledDate', { description: 'A single date, local Oslo time.' })
export class ScheduledDate {
  @VisibleField(() => String, { description: 'YYYY-MM-DD' })
  date!: string;

  @VisibleField(() => String, { description: 'HH:MM' })
  startTime!: string;

  @VisibleField(() => String, { description: 'HH:MM' })
  endTime!: string;
}

@ObjectType('Schedule', { description: 'When an activity takes place: weekly and monthly slots with exceptions, and/or single dates.' })
export class Schedule {
  @VisibleField(() => [WeeklySlot])
  weekly!: WeeklySlot[];

  @VisibleField(() => [MonthlySlot])
  monthly!: MonthlySlot[];

  @VisibleField(() => [ScheduleException])
  exceptions!: ScheduleException[];

  @VisibleField(() => [ScheduledDate])
  dates!: ScheduledDate[];

  @VisibleField(() => String, { nullable: true, description: 'First date the weekly and monthly slots apply, YYYY-MM-DD.' })
  validFrom?: string | null;

  @VisibleField(() => String, { nullable: true, description: 'Last date the weekly and monthly slots apply, YYYY-MM-DD.' })
  validUntil?: string | null;
}

@ObjectType('Occurrence', { description: 'One concrete time an activity takes place.' })
export class Occurrence {
  @VisibleField(() => Date, { description: 'Start, as an instant (Europe/Oslo wall time converted to UTC).' })
  startsAt!: Date;

  @VisibleField(() => Date)
  endsAt!: Date;
}
