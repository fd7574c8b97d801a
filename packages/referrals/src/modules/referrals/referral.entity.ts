import { randomUUID } from 'node:crypto';

import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { AgeGroup, ConsentField, ReasonCode, ReferralStatus, TargetKind } from './referral-enums.js';
import type { ReferralStatusChangeEntity } from './referral-status-change.entity.js';

export interface PetNeedData {
  species: string;
  count: number;
}

/**
 * "Shelter S asks organisation O to take resident R into offer X", with the least data that lets
 * O act. Offers and organisations live in the directory subgraph and are referred to by id.
 * The personal fields are erased when consent is withdrawn and some time after closing.
 */
@Entity({ tableName: 'referral' })
@Index({ properties: ['receivingOrganisationId', 'status'] })
@Index({ properties: ['sendingShelterId', 'status'] })
@Check({ name: 'referral_need_description_length', expression: 'char_length(need_description) <= 500' })
export class ReferralEntity {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'consentScope' | 'volunteerRequirementsUnmet' | 'consentFollowUpAfterLeaving';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => ReferralStatus })
  status!: ReferralStatus;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'uuid' })
  sendingShelterId!: string;

  /** The staff member who created it (token subject). */
  @Property({ type: 'string', length: 200 })
  createdBy!: string;

  @Enum({ items: () => TargetKind })
  targetKind!: TargetKind;

  @Property({ type: 'uuid' })
  targetId!: string;

  @Property({ type: 'uuid' })
  receivingOrganisationId!: string;

  /** Where the offer takes place, for statistics; null when it has no single bydel. */
  @Property({ type: 'string', length: 6, nullable: true })
  bydelCode?: string | null;

  /** The activity's category, or PET_CARE, for statistics. */
  @Property({ type: 'string', length: 40 })
  category!: string;

  /** From the offer: a pet-care offer's time to answer, in hours; null for the referrals' answer days (activities). */
  @Property({ type: 'smallint', nullable: true })
  answerWithinHours?: number | null;

  /** From the offer look-up: the receiving organisation did not meet the shelters' volunteer requirements. */
  @Property({ type: 'boolean', default: false })
  volunteerRequirementsUnmet: boolean = false;

  // Personal fields: erased on consent withdrawal and after the retention period.
  @Property({ type: 'string', length: 40, nullable: true })
  pseudonymousReference?: string | null;

  @Enum({ items: () => AgeGroup, nullable: true })
  ageGroup?: AgeGroup | null;

  @Property({ type: 'array', columnType: 'text[]', nullable: true })
  languages?: string[] | null;

  @Property({ type: 'boolean', nullable: true })
  interpreterNeeded?: boolean | null;

  @Property({ type: 'array', columnType: 'smallint[]', nullable: true })
  childrenAges?: number[] | null;

  @Property({ type: 'json', nullable: true })
  pets?: PetNeedData[] | null;

  @Property({ type: 'string', length: 500, nullable: true })
  needDescription?: string | null;

  // Consent.
  @Property({ type: 'datetime', nullable: true })
  consentGivenAt?: Date | null;

  @Property({ type: 'string', length: 200, nullable: true })
  consentRecordedBy?: string | null;

  @Enum({ items: () => ConsentField, array: true })
  consentScope: ConsentField[] = [];

  @Property({ type: 'datetime', nullable: true })
  consentExpiresAt?: Date | null;

  /** The consent covers a follow-up by the organisation after she has left the shelter. */
  @Property({ type: 'boolean', default: false })
  consentFollowUpAfterLeaving: boolean = false;

  @Property({ type: 'datetime', nullable: true })
  consentWithdrawnAt?: Date | null;

  // Workflow.
  @Enum({ items: () => ReferralStatus, nullable: true })
  heldFromStatus?: ReferralStatus | null;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  /**
   * The work e-mail of the staff member who sent it (their token's `email` claim at SEND), where
   * what comes of it is told. Staff data, not the resident's; erased with the personal fields.
   */
  @Property({ type: 'string', length: 320, nullable: true })
  senderEmail?: string | null;

  @Property({ type: 'datetime', nullable: true })
  @Index()
  answerDeadline?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Index()
  closedAt?: Date | null;

  @Enum({ items: () => ReasonCode, nullable: true })
  closeReason?: ReasonCode | null;

  @ManyToOne({ entity: () => ReferralEntity, nullable: true, deleteRule: 'set null' })
  redirectedFrom?: ReferralEntity | null;

  @Property({ type: 'uuid', nullable: true })
  redirectedToId?: string | null;

  @Property({ type: 'datetime', nullable: true })
  personalDataErasedAt?: Date | null;

  @OneToMany({ entity: 'ReferralStatusChangeEntity', mappedBy: 'referral', orderBy: { at: 'asc', id: 'asc' } as never })
  statusChanges = new Collection<ReferralStatusChangeEntity>(this);

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Set by the service from the server's clock (the one retention compares it with), not by the ORM. */
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
