import { VisibleField } from '@samspill/core';
import { Int, ObjectType } from 'type-graphql';

import { ReferralStatus } from '../referrals/referral-enums.js';

@ObjectType('ReferralStatisticsCell', {
  description:
    'How many referrals to offers in one bydel, sent in one month, of one category, are in one status. Cells under 5 are suppressed (count is null).',
})
export class ReferralStatisticsCell {
  @VisibleField(() => String, {
    nullable: true,
    description: 'Bydel code of the offer; null for offers without a single bydel (pet care, online, at a shelter).',
  })
  bydelCode?: string | null;

  @VisibleField(() => String, { description: 'YYYY-MM, by when the referral was sent (Oslo time).' })
  month!: string;

  @VisibleField(() => String, { description: 'The activity category, or PET_CARE.' })
  category!: string;

  @VisibleField(() => ReferralStatus, { description: 'Where the referrals stand (the outcome, once closed).' })
  outcome!: ReferralStatus;

  @VisibleField(() => Int, { nullable: true, description: 'Null when fewer than 5 (suppressed).' })
  count?: number | null;

  @VisibleField(() => Boolean)
  suppressed!: boolean;
}
