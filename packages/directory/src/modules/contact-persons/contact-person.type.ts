import { VisibleField } from '@samspill/core';
import { Directive, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('ContactPerson', { description: 'A person to contact at an organisation. Only signed-in users see contact persons.' })
export class ContactPerson {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => String)
  name!: string;

  @VisibleField(() => String, { nullable: true, description: 'Role or title, e.g. "Koordinator".' })
  title?: string | null;

  @VisibleField(() => String, { nullable: true, description: 'E.164, e.g. +4790000000.' })
  phone?: string | null;

  @VisibleField(() => String, { nullable: true })
  email?: string | null;

  @VisibleField(() => [String], { description: 'Languages spoken, ISO 639-1 codes.' })
  languages!: string[];

  @VisibleField(() => Date, { description: 'When the organisation last confirmed the contact is still right (confirmContactPersonStillValid).' })
  lastVerifiedAt!: Date;

  @VisibleField(() => Int)
  version!: number;
}
