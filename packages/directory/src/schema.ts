import { buildFederatedSchema, type SubgraphSchemas } from '@samspill/core';

import { resolveActivityReference } from './modules/activities/activity.reference.js';
import { ActivityResolver } from './modules/activities/activity.resolver.js';
import { BydelResolver, resolveBydelReference } from './modules/bydeler/bydel.resolver.js';
import { ContactPersonResolver, resolveContactPersonReference } from './modules/contact-persons/contact-person.resolver.js';
import { LocationResolver } from './modules/locations/location.resolver.js';
import { resolveOrganisationReference } from './modules/organisations/organisation.reference.js';
import { OrganisationResolver } from './modules/organisations/organisation.resolver.js';
import { PetCareOfferResolver, resolvePetCareOfferReference } from './modules/pet-care/pet-care-offer.resolver.js';

export const directoryResolvers = [
  BydelResolver,
  OrganisationResolver,
  LocationResolver,
  ContactPersonResolver,
  ActivityResolver,
  PetCareOfferResolver,
] as const;

/**
 * Reference resolvers for every `@key` entity. Each uses the request's loaders and exactly the
 * authorization of the matching root field, so `_entities` is no way around it.
 */
export const directoryReferenceResolvers = {
  Bydel: { __resolveReference: resolveBydelReference },
  Organisation: { __resolveReference: resolveOrganisationReference },
  ContactPerson: { __resolveReference: resolveContactPersonReference },
  Activity: { __resolveReference: resolveActivityReference },
  PetCareOffer: { __resolveReference: resolvePetCareOfferReference },
};

let built: Promise<SubgraphSchemas> | undefined;

/** The directory subgraph schema, built once per process. */
export function buildDirectorySchema(): Promise<SubgraphSchemas> {
  built ??= buildFederatedSchema(
    {
      resolvers: directoryResolvers as unknown as [Function, ...Function[]],
      validate: { forbidUnknownValues: false, skipMissingProperties: true },
    },
    directoryReferenceResolvers,
  );
  return built;
}
