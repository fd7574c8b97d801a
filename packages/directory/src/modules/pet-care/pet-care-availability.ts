import { Access, Allow, VisibleField } from '@samspill/core';
import { Arg, Ctx, ObjectType, Query, Resolver } from 'type-graphql';

import type { DirectoryContext } from '../../context.js';
import { DIRECTORY_SCHEMA } from '../../directory-schema.js';
import { OfferStatus } from '../offers/offer-enums.js';
import { Species } from './pet-care-enums.js';

/** How to ask, for anyone: always through shelter staff, never a provider. No digits, names or places. */
export const HOW_TO_ASK_NB =
  'Spør de ansatte på et krisesenter. De kan ordne trygt dyrepass gjennom krisesenterets samarbeidspartnere, så du kan ta med deg dyret ditt ut av volden. Du trenger ikke kontakte noen andre selv.';
export const HOW_TO_ASK_EN =
  'Ask the staff at a crisis shelter. They can arrange safe care for your pet through the shelter’s partners, so your pet can leave the violence with you. You do not need to contact anyone else yourself.';

@ObjectType('PetCareAvailability', {
  description:
    'Whether pet care for a species is available through Oslo’s crisis shelters, city-wide, and how to ask. Deliberately carries no provider, count, place or contact: a pet can lead an abuser to its owner.',
})
export class PetCareAvailability {
  @VisibleField(() => Species)
  species!: Species;

  @VisibleField(() => Boolean, { description: 'Whether pet care for this species can be arranged through the shelters somewhere in Oslo.' })
  available!: boolean;

  @VisibleField(() => String, { description: 'How to ask (bokmål): through shelter staff.' })
  howToAsk!: string;

  @VisibleField(() => String, { description: 'How to ask, in English.' })
  howToAskEnglish!: string;
}

/** City-wide: is there a published, not stale pet-care offer for this species, anywhere (one yes or no, nothing else). */
export async function petCareAvailability(ctx: DirectoryContext, species: Species): Promise<PetCareAvailability> {
  const [row] = await ctx.em.execute<Array<{ available: boolean }>>(
    `select exists (select 1 from "${DIRECTORY_SCHEMA}".pet_care_offer p where p.status = ? and p.last_verified_at >= ? and ? = any (p.species)) as "available"`,
    [OfferStatus.PUBLISHED, ctx.policyTime.staleBefore, species],
  );
  return { species, available: row?.available === true, howToAsk: HOW_TO_ASK_NB, howToAskEnglish: HOW_TO_ASK_EN };
}

@Resolver(() => PetCareAvailability)
export class PetCareAvailabilityResolver {
  @Query(() => PetCareAvailability, {
    description:
      'For anyone, signed in or not: is pet care for this species available through the shelters, and how to ask (through shelter staff). City-wide, with no provider, count, place or contact.',
  })
  @Allow(Access.anyone)
  petCareAvailability(@Arg('species', () => Species) species: Species, @Ctx() ctx: DirectoryContext): Promise<PetCareAvailability> {
    return petCareAvailability(ctx, species);
  }
}
