import { IsHumanText } from '@samspill/core';
import { ArrayMaxSize, IsIn, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

import { IsIsoDate, IsLocalTime } from '../../common/validators.js';
import { Weekday } from './activity-enums.js';

@InputType('WeeklySlotInput')
export class WeeklySlotInput {
  @Field(() => Weekday)
  weekday!: Weekday;

  @Field(() => String, { description: 'HH:MM, local Oslo time.' })
  @IsLocalTime()
  startTime!: string;

  @Field(() => String, { description: 'HH:MM, after startTime.' })
  @IsLocalTime()
  endTime!: string;

  @Field(() => Int, {
    defaultValue: 1,
    description:
      'Every this many weeks: 1 every week, 2 every other week (up to 8). Above 1, weeks are counted from schedule.validFrom, which is then required.',
  })
  @Min(1)
  @Max(8)
  interval!: number;
}

@InputType('MonthlySlotInput', { description: 'A monthly rule: "the 2nd Tuesday" is weekday TUESDAY, week 2; "the last Thursday" is THURSDAY, -1.' })
export class MonthlySlotInput {
  @Field(() => Weekday)
  weekday!: Weekday;

  @Field(() => Int, { description: '1, 2, 3 or 4: the first to fourth such weekday of the month; -1: the last.' })
  @IsIn([1, 2, 3, 4, -1], { message: 'must be 1, 2, 3, 4 or -1 (the last)' })
  week!: number;

  @Field(() => String, { description: 'HH:MM, local Oslo time.' })
  @IsLocalTime()
  startTime!: string;

  @Field(() => String, { description: 'HH:MM, after startTime.' })
  @IsLocalTime()
  endTime!: string;
}

@InputType('ScheduleExceptionInput')
export class ScheduleExceptionInput {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsIsoDate()
  date!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  @IsHumanText()
  note?: string | null;
}

@InputType('ScheduledDateInput')
export class ScheduledDateInput {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsIsoDate()
  date!: string;

  @Field(() => String)
  @IsLocalTime()
  startTime!: string;

  @Field(() => String)
  @IsLocalTime()
  endTime!: string;
}

@InputType('ScheduleInput', { description: 'Weekly and monthly slots with exceptions, and/or single dates.' })
export class ScheduleInput {
  @Field(() => [WeeklySlotInput], { defaultValue: [] })
  @ArrayMaxSize(21)
  @ValidateNested()
  weekly!: WeeklySlotInput[];

  @Field(() => [MonthlySlotInput], { defaultValue: [] })
  @ArrayMaxSize(12)
  @ValidateNested()
  monthly!: MonthlySlotInput[];

  @Field(() => [ScheduleExceptionInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested()
  exceptions!: ScheduleExceptionInput[];

  @Field(() => [ScheduledDateInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested()
  dates!: ScheduledDateInput[];

  @Field(() => String, { nullable: true, description: 'First date the weekly and monthly slots apply, YYYY-MM-DD; every-other-week counts weeks from it.' })
  @IsIsoDate()
  validFrom?: string | null;

  @Field(() => String, { nullable: true })
  @IsIsoDate()
  validUntil?: string | null;
}
