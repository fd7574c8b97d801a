import { IsHumanText } from '@samspill/core';
import { IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

import { IsIsoDate } from '../../common/validators.js';
import { VolunteerRequirement, VolunteerRoutineStatus } from './volunteer-requirement.enum.js';

@InputType('RecordVolunteerRoutineInput', { description: 'Record that an organisation has (or need not have) one volunteer routine. No documents are stored.' })
export class RecordVolunteerRoutineInput {
  @Field(() => ID)
  @IsUUID('all')
  organisationId!: string;

  @Field(() => VolunteerRequirement)
  requirement!: VolunteerRequirement;

  @Field(() => VolunteerRoutineStatus, { defaultValue: VolunteerRoutineStatus.CONFIRMED })
  status: VolunteerRoutineStatus = VolunteerRoutineStatus.CONFIRMED;

  @Field(() => String, { description: 'Date it was confirmed, YYYY-MM-DD.' })
  @IsIsoDate()
  confirmedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The last day the confirmation holds, YYYY-MM-DD, after confirmedOn. Default: VOLUNTEER_ROUTINE_VALID_DAYS after confirmedOn.',
  })
  @IsIsoDate()
  validUntil?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  @IsHumanText({ multiline: true })
  note?: string | null;
}
