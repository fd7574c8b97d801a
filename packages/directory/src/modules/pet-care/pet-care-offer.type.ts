import { VisibleField } from '@samspill/core';
import { Directive, ID, Int, ObjectType } from 'type-graphql';

import { Offer } from '../offers/offer.interface.js';
import { CostKind, OfferStatus } from '../offers/offer-enums.js';
import { AnimalSize, CareModel, Species } from './pet-care-enums.js';

/** Shown to residents through shelter staff's tools, so in Norwegian like the offers themselves. */
export const HOW_TO_REQUEST = 'Spør de ansatte på krisesenteret: de ber om plass for deg og deler bare det som trengs.';

/**
 * Care for a pet while its owner stays at a shelter. The graph never says where an animal is.
 * Relations and derived fields are resolved in `pet-care-offer.resolver.ts`.
 */
@Directive('@key(fields: "id")')
@ObjectType('PetCareOffer', { implements: Offer, description: 'Care for the pet of someone staying at a shelter. Never says where an animal is.' })
export class PetCareOffer {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => String)
  title!: string;

  @VisibleField(() => String)
  description!: string;

  @VisibleField(() => CareModel)
  careModel!: CareModel;

  @VisibleField(() => [Species])
  species!: Species[];

  @VisibleField(() => AnimalSize, { nullable: true })
  maxAnimalSize?: AnimalSize | null;

  @VisibleField(() => Int, { nullable: true, description: 'Most animals per owner.' })
  maxAnimals?: number | null;

  @VisibleField(() => Int, { nullable: true })
  maxStayDays?: number | null;

  @VisibleField(() => CostKind)
  costKind!: CostKind;

  @VisibleField(() => Int, { nullable: true })
  pricePerDayNok?: number | null;

  @VisibleField(() => Boolean)
  vaccinationRequired!: boolean;

  @VisibleField(() => Boolean)
  vetCheckRequired!: boolean;

  @VisibleField(() => String, { nullable: true })
  requirementsNote?: string | null;

  @VisibleField(() => Int, { nullable: true, description: 'Places free right now (see placesUpdatedAt).' })
  placesAvailable?: number | null;

  @VisibleField(() => Date, { nullable: true })
  placesUpdatedAt?: Date | null;

  @VisibleField(() => Int, {
    description: 'A pet-care referral is urgent: the organisation answers within this many hours (default 24), the referral’s deadline.',
  })
  answerWithinHours!: number;

  @VisibleField(() => OfferStatus)
  status!: OfferStatus;

  @VisibleField(() => Date)
  lastVerifiedAt!: Date;

  @VisibleField(() => Int)
  version!: number;
}
