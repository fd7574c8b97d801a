import { VisibleField } from '@samspill/core';
import { Directive, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType('Bydel', { description: "One of Oslo's districts (bydeler), keyed by its SSB code (KLASS 103)." })
export class Bydel {
  @VisibleField(() => String, { description: 'Kommunenummer 0301 followed by the two-digit bydel number, e.g. 030102.' })
  code!: string;

  @VisibleField(() => String, { description: 'The official name, e.g. Grünerløkka.' })
  name!: string;

  @VisibleField(() => Boolean, { description: 'False for 16 Sentrum and 17 Marka, which are statistical units only.' })
  administrative!: boolean;
}
