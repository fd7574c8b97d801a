import { buildFederatedSchema, type SubgraphSchemas } from '@samspill/core';

import { referralsModules } from './modules/index.js';

let built: Promise<SubgraphSchemas> | undefined;

/**
 * The referrals subgraph schema. Activity, PetCareOffer and Organisation appear by key only
 * (resolvable: false): the directory resolves them, under its own rules.
 */
export function buildReferralsSchema(): Promise<SubgraphSchemas> {
  built ??= buildFederatedSchema(
    {
      resolvers: referralsModules.flatMap((module) => module.resolvers) as unknown as [Function, ...Function[]],
      validate: { forbidUnknownValues: false, skipMissingProperties: true },
    },
    {},
  );
  return built;
}
