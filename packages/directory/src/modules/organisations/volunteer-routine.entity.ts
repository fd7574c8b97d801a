import { randomUUID } from 'node:crypto';

import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import type { OrganisationEntity } from './organisation.entity.js';
import { VolunteerRequirement, VolunteerRoutineStatus } from './volunteer-requirement.enum.js';

/** The latest confirmation of one volunteer requirement for one organisation. No documents are stored. */
@Entity({ tableName: 'volunteer_routine' })
@Unique({ properties: ['organisation', 'requirement'] })
export class VolunteerRoutineEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'OrganisationEntity', deleteRule: 'cascade' })
  organisation!: OrganisationEntity;

  @Enum({ items: () => VolunteerRequirement })
  requirement!: VolunteerRequirement;

  @Enum({ items: () => VolunteerRoutineStatus })
  status!: VolunteerRoutineStatus;

  @Property({ type: 'date' })
  confirmedOn!: string;

  /** The last day the confirmation holds (by default VOLUNTEER_ROUTINE_VALID_DAYS after confirmedOn); after it, it has lapsed. */
  @Property({ type: 'date' })
  @Index()
  validUntil!: string;

  /** Who confirmed it: the admin's subject id. */
  @Property({ type: 'string', length: 200 })
  confirmedBy!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;
}
