import { randomUUID } from 'node:crypto';

import { Check, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { SearchColumns } from '../../common/search-columns.js';
import { BydelEntity } from '../bydeler/bydel.entity.js';
import { LocationEntity } from '../locations/location.entity.js';
import { OrganisationBydelEntity } from './organisation-bydel.entity.js';
import { OrganisationKind } from './organisation-kind.enum.js';
import { VolunteerRoutineEntity } from './volunteer-routine.entity.js';

@Entity({ tableName: 'organisation' })
@SearchColumns('organisation', 'name', 'description')
@Check({ name: 'organisation_number_check', expression: "organisation_number ~ '^[0-9]{9}$'" })
export class OrganisationEntity {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'lastVerifiedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => OrganisationKind })
  @Index()
  kind!: OrganisationKind;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** Organisasjonsnummer from Brønnøysundregistrene: 9 digits with a valid mod-11 check digit. */
  @Property({ type: 'string', length: 9, nullable: true, unique: true })
  organisationNumber?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  website?: string | null;

  /** Public switchboard number, E.164. */
  @Property({ type: 'string', length: 20, nullable: true })
  publicPhone?: string | null;

  @Property({ type: 'string', length: 254, nullable: true })
  publicEmail?: string | null;

  /** The national organisation a local branch belongs to. */
  @ManyToOne(() => OrganisationEntity, { nullable: true, deleteRule: 'set null' })
  parent?: OrganisationEntity | null;

  @ManyToMany({ entity: () => BydelEntity, pivotEntity: () => OrganisationBydelEntity, joinColumn: 'organisation_id', inverseJoinColumn: 'bydel_code' })
  bydeler = new Collection<BydelEntity>(this);

  /** Main address. For a shelter it is a CONFIDENTIAL location. */
  @ManyToOne(() => LocationEntity, { nullable: true, deleteRule: 'set null' })
  mainLocation?: LocationEntity | null;

  @OneToMany(() => VolunteerRoutineEntity, (routine) => routine.organisation)
  volunteerRoutines = new Collection<VolunteerRoutineEntity>(this);

  /**
   * When the last of the shelter volunteer requirements was confirmed; null while any is missing.
   * Kept by VolunteerRoutineService, the only writer of routines, so the directory filter is a
   * plain column test.
   */
  @Property({ type: 'datetime', nullable: true })
  volunteerRequirementsMetAt?: Date | null;

  /**
   * The last day all of them hold: the earliest validUntil of the routines that meet them (kept
   * with volunteerRequirementsMetAt). After it the requirements are no longer met, on the clock.
   */
  @Property({ type: 'date', nullable: true })
  volunteerRequirementsValidUntil?: string | null;

  /** When the organisation's own facts (name, numbers, addresses) were last confirmed as still true. */
  // Migration20261201123000_verified_dates: a writer that names no verified date (a bulk load) counts it as verified when written.
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  lastVerifiedAt: Date = new Date();

  /** Where notifications of referrals to it go (organisation-notifications/); seen only by its editors and platform admins. */
  @Property({ type: 'string', length: 254, nullable: true })
  referralEmail?: string | null;

  /** Its own system's endpoint for signed notification webhooks (organisation-notifications/). */
  @Property({ type: 'string', length: 500, nullable: true })
  webhookUrl?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
