import { IsHumanText } from '@samspill/core';
import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';

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

@InputType('ScheduleInput', { description: 'Weekly slots with exceptions, and/or single dates.' })
export class ScheduleInput {
  @Field(() => [WeeklySlotInput], { defaultValue: [] })
  @ArrayMaxSize(21)
  @ValidateNested()
  weekly!: WeeklySlotInput[];

  @Field(() => [ScheduleExceptionInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested()
  exceptions!: ScheduleExceptionInput[];

  @Field(() => [ScheduledDateInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested()
  dates!: ScheduledDateInput[];

  @Field(() => String, { nullable: true })
  @IsIsoDate()
  validFrom?: string | null;

  @Field(() => String, { nullable: true })
  @IsIsoDate()
  validUntil?: string | null;
}
