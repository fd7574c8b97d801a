import { randomUUID } from 'node:crypto';

import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { BydelEntity } from './bydel.entity.js';

/**
 * A bydel's contact for cooperation with the shelters: a role or function and the office's phone
 * and e-mail, never a person's own. Kept apart from the bydel itself, which is reference data
 * read once per server; this changes when the bydel reorganises.
 */
@Entity({ tableName: 'bydel_cooperation_contact' })
export class BydelCooperationContactEntity {
  [OptionalProps]?: 'version' | 'updatedAt' | 'lastVerifiedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => BydelEntity, { deleteRule: 'cascade', unique: true })
  bydel!: BydelEntity;

  /** The role or function, e.g. "Koordinator for samarbeid med krisesenteret". */
  @Property({ type: 'string', length: 200 })
  role!: string;

  /** The office it belongs to, e.g. "NAV Grünerløkka" or "Bydel Sagene, Barne- og familietjenesten". */
  @Property({ type: 'string', length: 200 })
  office!: string;

  /** The office's phone, E.164. */
  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  /** The office's (function) e-mail address. */
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @Property({ type: 'datetime' })
  lastVerifiedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
