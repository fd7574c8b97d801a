import { VisibleField } from '@samspill/core';
import { ObjectType } from 'type-graphql';

import { VolunteerRequirement, VolunteerRoutineStatus } from './volunteer-requirement.enum.js';

@ObjectType('VolunteerRoutine', {
  description: 'The latest confirmation that an organisation has one of the routines shelters require of volunteers. No documents are stored.',
})
export class VolunteerRoutine {
  @VisibleField(() => VolunteerRequirement)
  requirement!: VolunteerRequirement;

  @VisibleField(() => VolunteerRoutineStatus)
  status!: VolunteerRoutineStatus;

  @VisibleField(() => String, { description: 'Date of confirmation, YYYY-MM-DD.' })
  confirmedOn!: string;

  @VisibleField(() => String, { description: 'Who confirmed it.' })
  confirmedBy!: string;

  @VisibleField(() => String, { nullable: true })
  note?: string | null;
}
