import { auditModule } from './audit/audit.module.js';
import { followUpsModule } from './followups/follow-ups.module.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { referralsFeature } from './referrals/referrals.module.js';
import { statisticsModule } from './statistics/statistics.module.js';

/** The referrals subgraph's features: one line each. */
export const referralsModules = [referralsFeature, auditModule, statisticsModule, notificationsModule, followUpsModule] as const;
