import { buildFederatedSchema, type SubgraphSchemas } from '@samspill/core';

import { AuditResolver } from './modules/audit/audit.resolver.js';
import { ReferralResolver } from './modules/referrals/referral.resolver.js';
import { StatisticsResolver } from './modules/statistics/statistics.resolver.js';

let built: Promise<SubgraphSchemas> | undefined;

/**
 * The referrals subgraph schema. Activity, PetCareOffer and Organisation appear by key only
 * (resolvable: false): the directory resolves them, under its own rules.
 */
export function buildReferralsSchema(): Promise<SubgraphSchemas> {
  built ??= buildFederatedSchema(
    {
      resolvers: [ReferralResolver, AuditResolver, StatisticsResolver],
      validate: { forbidUnknownValues: false, skipMissingProperties: true },
    },
    {},
  );
  return built;
}
