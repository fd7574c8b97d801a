import { Entity, Index, ManyToOne } from '@mikro-orm/core';

import { BydelEntity } from '../bydeler/bydel.entity.js';
import type { OrganisationEntity } from './organisation.entity.js';

/**
 * The bydeler an organisation serves (`OrganisationEntity.bydeler`'s pivot table), declared so that
 * its index on the bydel (organisations serving a bydel) is the entity's as well as the migration's.
 */
@Entity({ tableName: 'organisation_bydel' })
@Index({ properties: ['bydel'] })
export class OrganisationBydelEntity {
  @ManyToOne({ entity: 'OrganisationEntity', primary: true, deleteRule: 'cascade', updateRule: 'cascade' })
  organisation!: OrganisationEntity;

  @ManyToOne({ entity: () => BydelEntity, primary: true, fieldName: 'bydel_code', deleteRule: 'cascade', updateRule: 'cascade' })
  bydel!: BydelEntity;
}
