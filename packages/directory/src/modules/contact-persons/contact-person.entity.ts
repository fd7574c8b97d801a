import { randomUUID } from 'node:crypto';

import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { OrganisationEntity } from '../organisations/organisation.entity.js';

/** A person to call at an organisation. Never visible to anonymous callers. */
@Entity({ tableName: 'contact_person' })
export class ContactPersonEntity {
  [OptionalProps]?: 'version' | 'createdAt' | 'languages' | 'lastVerifiedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'OrganisationEntity', deleteRule: 'cascade' })
  @Index()
  organisation!: OrganisationEntity;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  title?: string | null;

  /** E.164, e.g. +4722000000. */
  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  /** ISO 639-1 codes. */
  @Property({ type: 'array', columnType: 'text[]' })
  languages: string[] = [];

  /** When the organisation last confirmed the contact is still right. */
  // Migration20261201123000_verified_dates: a writer that names no verified date (a bulk load) counts it as verified when written.
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  lastVerifiedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
