import { VisibleField } from '@samspill/core';
import { ObjectType } from 'type-graphql';

import { Activity } from '../activities/activity.type.js';
import { Bydel } from '../bydeler/bydel.type.js';
import { BydelCooperationContact } from '../bydeler/bydel-cooperation.type.js';
import { Organisation } from '../organisations/organisation.type.js';

@ObjectType('BydelHandover', {
  description:
    'Help after moving to a bydel, in one answer: its frivilligsentral(er), their helper offers you may see, and the bydel’s contact for cooperation with the shelters.',
})
export class BydelHandover {
  @VisibleField(() => Bydel)
  bydel!: Bydel;

  @VisibleField(() => BydelCooperationContact, {
    nullable: true,
    description: "The bydel's contact for cooperation with the shelters (a role and its office).",
  })
  cooperationContact?: BydelCooperationContact | null;

  @VisibleField(() => [Organisation], { description: 'The frivilligsentraler (VOLUNTEER_CENTRE) that serve the bydel, by name.' })
  volunteerCentres!: Organisation[];

  @VisibleField(() => [Activity], { description: 'Their published helper offers in the asked categories that you may see, by title (at most 100).' })
  helperOffers!: Activity[];
}
