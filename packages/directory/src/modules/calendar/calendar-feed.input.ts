import { IsHumanText } from '@samspill/core';
import { ArrayMaxSize, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

import { IsBydelCodeList } from '../../common/validators.js';
import { ActivityCategory, TargetGroup } from '../activities/activity-enums.js';

@InputType('CreateCalendarFeedInput', { description: 'What the feed shows: the activities you may see, filtered as the activity list is.' })
export class CreateCalendarFeedInput {
  @Field(() => String, { description: 'Your name for the feed, e.g. "Aktiviteter i Gamle Oslo".' })
  @MinLength(1)
  @MaxLength(100)
  @IsHumanText()
  label!: string;

  @Field(() => [String], { defaultValue: [], description: 'Bydel codes where the activity takes place.' })
  @ArrayMaxSize(17)
  @IsBydelCodeList()
  bydeler!: string[];

  @Field(() => [ActivityCategory], { defaultValue: [] })
  @ArrayMaxSize(20)
  categories!: ActivityCategory[];

  @Field(() => [TargetGroup], { defaultValue: [] })
  @ArrayMaxSize(20)
  targetGroups!: TargetGroup[];
}
