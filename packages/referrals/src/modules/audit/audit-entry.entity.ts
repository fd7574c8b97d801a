import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

import { AuditOutcome } from './audit-outcome.enum.js';

/**
 * One read or write of a referral, or an attempt at one that was refused. Append-only: a database
 * trigger refuses UPDATE, DELETE and TRUNCATE. Never holds field values, only who did (or tried)
 * what to which referral when.
 */
@Entity({ tableName: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'datetime' })
  @Index()
  at!: Date;

  @Property({ type: 'string', length: 200 })
  actorSubject!: string;

  @Property({ type: 'string', length: 40 })
  actorRole!: string;

  @Property({ type: 'uuid', nullable: true })
  actorOrganisationId?: string | null;

  /** E.g. READ, LIST, CREATE, UPDATE_DRAFT, RECORD_CONSENT, WITHDRAW_CONSENT, SEND, ACCEPT, EXPIRE, ERASE_PERSONAL_DATA. */
  @Property({ type: 'string', length: 40 })
  operation!: string;

  /** The referral acted on, or asked for (a refused attempt may name one that does not exist); null when the id asked for was no UUID. */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  referralId?: string | null;

  @Enum({ items: () => AuditOutcome, default: AuditOutcome.ALLOWED })
  outcome: AuditOutcome = AuditOutcome.ALLOWED;
}
