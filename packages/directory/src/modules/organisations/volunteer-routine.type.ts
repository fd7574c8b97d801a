import { VisibleField } from '@samspill/core';
import { ObjectType } from 'type-graphql';

import { Organisation } from './organisation.type.js';
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

  @VisibleField(() => String, {
    description: 'The last day the confirmation holds, YYYY-MM-DD; after it, meetsVolunteerRequirements turns false until it is confirmed again.',
  })
  validUntil!: string;

  @VisibleField(() => String, { description: 'Who confirmed it.' })
  confirmedBy!: string;

  @VisibleField(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType('ExpiringVolunteerRoutine', { description: 'A volunteer-routine confirmation that lapses soon, or has lapsed: for admins to renew.' })
export class ExpiringVolunteerRoutine extends VolunteerRoutine {
  @VisibleField(() => Organisation)
  organisation!: Organisation;

  @VisibleField(() => Boolean, { description: 'True once validUntil has passed: the organisation no longer meets the volunteer requirements.' })
  lapsed!: boolean;
}
