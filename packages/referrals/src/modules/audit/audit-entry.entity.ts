import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One read or write of a referral. Append-only: a database trigger refuses UPDATE, DELETE and
 * TRUNCATE. Never holds field values, only who did what to which referral when.
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

  @Property({ type: 'uuid', nullable: true })
  @Index()
  referralId?: string | null;
}
