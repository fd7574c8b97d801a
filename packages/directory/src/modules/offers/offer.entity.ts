import { randomUUID } from 'node:crypto';

import { Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';

import type { ContactPersonEntity } from '../contact-persons/contact-person.entity.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import { CostKind, OfferStatus } from './offer-enums.js';

/** The base's properties with defaults: each offer's entity lists them among its `[OptionalProps]`. */
export type OfferOptionalProps = 'version' | 'createdAt' | 'updatedAt' | 'costKind' | 'status' | 'lastVerifiedAt';

/**
 * What every offer (activity, pet-care offer) is made of: who offers it, what it is called, its
 * lifecycle (status, publishedAt, lastVerifiedAt) and its bookkeeping. A mapped superclass, not an
 * entity: no table of its own and no single-table inheritance; each offer's table holds these
 * columns itself. The lifecycle that changes them is `offer.lifecycle.ts`.
 */
export abstract class OfferEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'OrganisationEntity', deleteRule: 'cascade' })
  @Index()
  organisation!: OrganisationEntity;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Enum({ items: () => CostKind })
  costKind: CostKind = CostKind.FREE;

  @ManyToOne({ entity: 'ContactPersonEntity', nullable: true, deleteRule: 'set null' })
  @Index()
  contactPerson?: ContactPersonEntity | null;

  @Enum({ items: () => OfferStatus })
  status: OfferStatus = OfferStatus.DRAFT;

  /** When the organisation last confirmed the offer is still as described. */
  @Property({ type: 'datetime' })
  lastVerifiedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
