import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';

import type { ReferralEntity } from './referral.entity.js';
import { ReasonCode, ReferralStatus } from './referral-enums.js';

/** One transition in a referral's history: who, when, from what to what, and why. */
@Entity({ tableName: 'referral_status_change' })
export class ReferralStatusChangeEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne({ entity: 'ReferralEntity', deleteRule: 'cascade' })
  @Index()
  referral!: ReferralEntity;

  @Enum({ items: () => ReferralStatus, nullable: true })
  fromStatus?: ReferralStatus | null;

  @Enum({ items: () => ReferralStatus })
  toStatus!: ReferralStatus;

  @Property({ type: 'datetime' })
  at!: Date;

  /** Token subject of the actor, or `system` for expiry. */
  @Property({ type: 'string', length: 200 })
  actorSubject!: string;

  @Property({ type: 'string', length: 40 })
  actorRole!: string;

  @Enum({ items: () => ReasonCode, nullable: true })
  reason?: ReasonCode | null;
}
