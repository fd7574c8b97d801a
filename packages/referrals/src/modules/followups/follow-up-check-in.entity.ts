import { randomUUID } from 'node:crypto';

import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';

import type { FollowUpEntity } from './follow-up.entity.js';
import { CheckInOutcome } from './follow-up-enums.js';

/** A planned check-in of a follow-up, and once it is due, whether it happened. */
@Entity({ tableName: 'follow_up_check_in' })
export class FollowUpCheckInEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'FollowUpEntity', deleteRule: 'cascade' })
  @Index()
  followUp!: FollowUpEntity;

  @Property({ type: 'date' })
  @Index()
  plannedOn!: string;

  @Enum({ items: () => CheckInOutcome, nullable: true })
  outcome?: CheckInOutcome | null;

  /** When it happened (DONE) or was recorded as missed (MISSED). */
  @Property({ type: 'date', nullable: true })
  recordedOn?: string | null;

  /** The organisation's note; the sending shelter never sees it. Erased with the referral's personal fields. */
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;

  /** When its "check-in due" notification was queued (once). */
  @Property({ type: 'datetime', nullable: true })
  dueNotifiedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
