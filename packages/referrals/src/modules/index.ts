import { auditModule } from './audit/audit.module.js';
import { referralsFeature } from './referrals/referrals.module.js';
import { referralsModule } from './referrals-module.js';
import { StatisticsResolver } from './statistics/statistics.resolver.js';

/** The referrals subgraph's features: one line each. */
export const referralsModules = [
  referralsFeature,
  auditModule,
  // Declared here until statistics/ has its own statistics.module.ts (the folder is being changed elsewhere).
  referralsModule({ id: 'statistics', entities: [], resolvers: [StatisticsResolver] }),
] as const;
