import { randomUUID } from 'node:crypto';

import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import { REFERRALS_SCHEMA } from '../../referrals-schema.js';
import { ReferralEntity } from '../referrals/referral.entity.js';
import type { FollowUpCheckInEntity } from './follow-up-check-in.entity.js';
import { FollowUpEndReason, FollowUpStage } from './follow-up-enums.js';

/**
 * An accepted referral to a mentoring or practical-help offer, followed up by the receiving
 * organisation: waiting for a volunteer, matched, ended. At most one is open per referral (a
 * partial unique index, Migration20261201121000_follow_ups). Holds no name: the volunteer is a
 * pseudonymous reference of the organisation's own, and notes are the organisation's.
 */
@Entity({ tableName: 'follow_up' })
@Index({ properties: ['receivingOrganisationId', 'stage'] })
// Migration20261201121000_follow_ups: at most one open follow-up per referral.
@Unique({
  name: 'follow_up_one_open_per_referral',
  expression: `create unique index "follow_up_one_open_per_referral" on "${REFERRALS_SCHEMA}"."follow_up" ("referral_id") where "ended_at" is null`,
})
// A follow-up waits for a volunteer exactly while it has no match date (an ended one may have either).
@Check({ name: 'follow_up_volunteer_when_matched', expression: "(stage = 'WAITING_FOR_VOLUNTEER') = (matched_on is null) or stage = 'ENDED'" })
export class FollowUpEntity {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'courseConfirmed' | 'womenOnlyConfirmed';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'integer', version: true })
  version!: number;

  @ManyToOne({ entity: () => ReferralEntity, deleteRule: 'cascade' })
  @Index()
  referral!: ReferralEntity;

  @Enum({ items: () => FollowUpStage })
  stage!: FollowUpStage;

  /** Copied from the referral: who the parties are, and what statistics count it by. */
  @Property({ type: 'uuid' })
  sendingShelterId!: string;

  @Property({ type: 'uuid' })
  receivingOrganisationId!: string;

  @Property({ type: 'string', length: 6, nullable: true })
  bydelCode?: string | null;

  @Property({ type: 'string', length: 40 })
  category!: string;

  /** Whether it goes on after she has left the shelter (then the consent must cover it). */
  @Property({ type: 'boolean' })
  afterLeavingShelter!: boolean;

  // What the offer asks, as it was when the follow-up started.
  @Property({ type: 'smallint', nullable: true })
  commitmentMonths?: number | null;

  @Property({ type: 'boolean' })
  requiresVolunteerCourse!: boolean;

  @Property({ type: 'boolean' })
  womenOnlyVolunteers!: boolean;

  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Property({ type: 'string', length: 200 })
  startedBy!: string;

  /** Calendar date (Oslo) of the match. */
  @Property({ type: 'date', nullable: true })
  matchedOn?: string | null;

  /** The organisation's own pseudonymous reference of the volunteer: never a name, phone number or e-mail address. */
  @Property({ type: 'string', length: 40, nullable: true })
  volunteerReference?: string | null;

  @Property({ type: 'boolean', default: false })
  courseConfirmed: boolean = false;

  @Property({ type: 'boolean', default: false })
  womenOnlyConfirmed: boolean = false;

  /** The last day of the volunteer's commitment: the match date plus the offer's commitment. */
  @Property({ type: 'date', nullable: true })
  commitmentEndsOn?: string | null;

  /** The organisation's notes; the sending shelter never sees them. Erased with the referral's personal fields. */
  @Property({ type: 'string', length: 1000, nullable: true })
  notes?: string | null;

  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  /** When it was ended: retention runs from here. Null while open. */
  @Property({ type: 'datetime', nullable: true })
  @Index()
  endedAt?: Date | null;

  @Enum({ items: () => FollowUpEndReason, nullable: true })
  endReason?: FollowUpEndReason | null;

  /** The follow-up this one continues, when she was re-matched. */
  @Property({ type: 'uuid', nullable: true })
  continuesId?: string | null;

  /** The consent expiry a renewal prompt was last queued for (one prompt per expiry). */
  @Property({ type: 'datetime', nullable: true })
  renewalPromptedFor?: Date | null;

  @OneToMany({ entity: 'FollowUpCheckInEntity', mappedBy: 'followUp', orderBy: { plannedOn: 'asc', id: 'asc' } as never })
  checkIns = new Collection<FollowUpCheckInEntity>(this);

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
