import { VisibleField } from '@samspill/core';
import { Directive, ID, Int, ObjectType } from 'type-graphql';

import { Offer } from '../offers/offer.interface.js';
import { CostKind, OfferAudience, OfferStatus } from '../offers/offer-enums.js';
import { Accessibility, ActivityCategory, JoinMode, TargetGroup, VenueKind } from './activity-enums.js';
import { Schedule } from './schedule.type.js';

/**
 * An activity (an HSDS service). Relations (organisation, location, bydel, contact person) and
 * derived fields are resolved in `activity.resolver.ts`.
 */
@Directive('@key(fields: "id")')
@ObjectType('Activity', { implements: Offer, description: 'An activity an organisation offers (an HSDS service).' })
export class Activity {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => String)
  title!: string;

  @VisibleField(() => String)
  description!: string;

  @VisibleField(() => ActivityCategory)
  category!: ActivityCategory;

  @VisibleField(() => [TargetGroup])
  targetGroups!: TargetGroup[];

  @VisibleField(() => Int, { nullable: true, description: 'Youngest age the activity is for.' })
  ageMin?: number | null;

  @VisibleField(() => Int, { nullable: true, description: 'Oldest age the activity is for.' })
  ageMax?: number | null;

  @VisibleField(() => [String], { description: 'Languages it is held in, ISO 639-1 codes.' })
  languages!: string[];

  @VisibleField(() => VenueKind)
  venueKind!: VenueKind;

  @VisibleField(() => Schedule)
  schedule!: Schedule;

  @VisibleField(() => CostKind)
  costKind!: CostKind;

  @VisibleField(() => Int, { nullable: true, description: 'Price in NOK when costKind is PAID.' })
  priceNok?: number | null;

  @VisibleField(() => Int, { nullable: true, description: 'Places in total.' })
  capacity?: number | null;

  @VisibleField(() => Int, { nullable: true, description: 'Places free right now (see capacityUpdatedAt).' })
  placesAvailable?: number | null;

  @VisibleField(() => Date, { nullable: true, description: 'When capacity or placesAvailable was last updated.' })
  capacityUpdatedAt?: Date | null;

  @VisibleField(() => JoinMode)
  joinMode!: JoinMode;

  @VisibleField(() => [Accessibility])
  accessibility!: Accessibility[];

  @VisibleField(() => String, { nullable: true })
  accessibilityNote?: string | null;

  @VisibleField(() => Int, {
    nullable: true,
    description:
      'For mentoring and practical help with volunteers: how many months a volunteer commits to one woman (a Ressursvenn: 12). A follow-up started from a referral to this activity runs this long. Null when the offer has no commitment.',
  })
  commitmentMonths?: number | null;

  @VisibleField(() => Boolean, {
    description: 'Volunteers must have completed the offer’s course (on violence and on the role); the organisation confirms it for each match.',
  })
  requiresVolunteerCourse!: boolean;

  @VisibleField(() => Boolean, { description: 'Only women may be volunteers for this offer; the organisation confirms it for each match.' })
  womenOnlyVolunteers!: boolean;

  @VisibleField(() => OfferStatus)
  status!: OfferStatus;

  @VisibleField(() => OfferAudience)
  audience!: OfferAudience;

  @VisibleField(() => Date, { description: 'When the organisation last confirmed the activity is still as described.' })
  lastVerifiedAt!: Date;

  @VisibleField(() => Date, { nullable: true })
  publishedAt?: Date | null;

  @VisibleField(() => Date)
  updatedAt!: Date;

  @VisibleField(() => Int, { description: 'Increases with every change; pass it back when updating.' })
  version!: number;
}
