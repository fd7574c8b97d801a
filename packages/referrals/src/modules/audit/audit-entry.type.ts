import { VisibleField } from '@samspill/core';
import { ID, ObjectType } from 'type-graphql';

@ObjectType('AuditEntry', { description: 'One read or write of a referral. Never contains field values.' })
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

  @VisibleField(() => ID, { nullable: true })
  referralId?: string | null;
}
