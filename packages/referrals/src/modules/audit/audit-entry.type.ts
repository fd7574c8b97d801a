import { VisibleField } from '@samspill/core';
import { ID, ObjectType } from 'type-graphql';

import { AuditOutcome } from './audit-outcome.enum.js';

@ObjectType('AuditEntry', {
  description:
    'One read or write of a referral, or a refused attempt at one (outcome DENIED: the referral does not exist, or the caller may not see it or do this to it). Never contains field values.',
})
export class AuditEntry {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => Date)
  at!: Date;

  @VisibleField(() => String)
  actorSubject!: string;

  @VisibleField(() => String)
  actorRole!: string;

  @VisibleField(() => ID, { nullable: true })
  actorOrganisationId?: string | null;

  @VisibleField(() => String)
  operation!: string;

  @VisibleField(() => ID, { nullable: true, description: 'The referral acted on or asked for; null when the id asked for was not a UUID.' })
  referralId?: string | null;

  @VisibleField(() => AuditOutcome)
  outcome!: AuditOutcome;
}
