import { VisibleField } from '@samspill/core';
import { Float, ID, Int, ObjectType } from 'type-graphql';

import { LocationVisibility } from './location-visibility.enum.js';

@ObjectType('Location', {
  description:
    'A place where something happens. A location is only ever returned to callers its visibility allows; otherwise the field that points at it is null.',
})
export class Location {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => String)
  name!: string;

  @VisibleField(() => String, { nullable: true })
  streetAddress?: string | null;

  @VisibleField(() => String, { nullable: true, description: 'Postnummer, 4 digits.' })
  postalCode?: string | null;

  @VisibleField(() => String, { nullable: true })
  postalTown?: string | null;

  @VisibleField(() => Float, { nullable: true })
  latitude?: number | null;

  @VisibleField(() => Float, { nullable: true })
  longitude?: number | null;

  @VisibleField(() => LocationVisibility)
  visibility!: LocationVisibility;

  @VisibleField(() => Int)
  version!: number;
}
