import { referralsModule } from '../referrals-module.js';
import { StatisticsResolver } from './statistics.resolver.js';
import { FollowUpStatisticsCellEntity, StatisticsCellEntity, StatisticsMonthEntity } from './statistics-snapshot.entity.js';

/** Aggregate referral statistics: snapshots of final months, published with disclosure control. */
export const statisticsModule = referralsModule({
  id: 'statistics',
  entities: [StatisticsMonthEntity, StatisticsCellEntity, FollowUpStatisticsCellEntity],
  resolvers: [StatisticsResolver],
});
