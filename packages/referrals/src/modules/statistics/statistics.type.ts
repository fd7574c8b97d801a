import { VisibleField } from '@samspill/core';
import { Int, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Outcomes as statistics count them: every open state is OPEN, so that a small cell cannot be
 * watched moving step by step; a redirect counts as the decline it was.
 */
export enum ReferralOutcome {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ReferralOutcome, { name: 'ReferralOutcome' });

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

  @VisibleField(() => ReferralOutcome, { description: 'OPEN while in progress, else how the referrals closed.' })
  outcome!: ReferralOutcome;

  @VisibleField(() => Int, { nullable: true, description: 'Null when fewer than 5 (suppressed).' })
  count?: number | null;

  @VisibleField(() => Boolean)
  suppressed!: boolean;
}
