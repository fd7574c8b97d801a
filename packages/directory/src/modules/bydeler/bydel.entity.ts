import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/** One of Oslo's districts, keyed by its SSB code (KLASS 103): 0301 + two digits. */
@Entity({ tableName: 'bydel' })
export class BydelEntity {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 6 })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** 01–15 are administrative bydeler; 16 Sentrum and 17 Marka are statistical units only. */
  @Property({ type: 'boolean' })
  administrative!: boolean;
}
