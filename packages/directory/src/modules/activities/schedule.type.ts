import { VisibleField } from '@samspill/core';
import { ObjectType } from 'type-graphql';

import { Weekday } from './activity-enums.js';

@ObjectType('WeeklySlot', { description: 'A weekly time slot, local Oslo time.' })
export class WeeklySlot {
  @VisibleField(() => Weekday)
  weekday!: Weekday;

  @VisibleField(() => String, { description: 'HH:MM' })
  startTime!: string;

  @VisibleField(() => String, { description: 'HH:MM' })
  endTime!: string;
}

@ObjectType('ScheduleException', { description: 'A date on which the weekly slots do not take place.' })
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

@ObjectType('Schedule', { description: 'When an activity takes place: weekly slots with exceptions, and/or single dates.' })
export class Schedule {
  @VisibleField(() => [WeeklySlot])
  weekly!: WeeklySlot[];

  @VisibleField(() => [ScheduleException])
  exceptions!: ScheduleException[];

  @VisibleField(() => [ScheduledDate])
  dates!: ScheduledDate[];

  @VisibleField(() => String, { nullable: true, description: 'First date the weekly slots apply, YYYY-MM-DD.' })
  validFrom?: string | null;

  @VisibleField(() => String, { nullable: true, description: 'Last date the weekly slots apply, YYYY-MM-DD.' })
  validUntil?: string | null;
}

@ObjectType('Occurrence', { description: 'One concrete time an activity takes place.' })
export class Occurrence {
  @VisibleField(() => Date, { description: 'Start, as an instant (Europe/Oslo wall time converted to UTC).' })
  startsAt!: Date;

  @VisibleField(() => Date)
  endsAt!: Date;
}
