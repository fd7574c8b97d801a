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
    'How many referrals to offers in one bydel, sent in one month, of one category, had one outcome when the month became final. Only cells of at least 5 that no margin could give away are returned.',
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

  @VisibleField(() => ReferralOutcome, { description: 'OPEN if still in progress when the month became final, else how the referrals had closed by then.' })
  outcome!: ReferralOutcome;

  @VisibleField(() => Int, { description: 'At least 5.' })
  count!: number;

  @VisibleField(() => Boolean, {
    deprecationReason:
      'Always false. A suppressed cell used to be returned with a null count, which told that 1–4 referrals existed and let one referral be watched; cells under 5 are now left out entirely.',
  })
  suppressed!: boolean;
}

/** What a follow-up statistics cell counts. */
export enum FollowUpStatisticsEvent {
  STARTED = 'STARTED',
  ENDED = 'ENDED',
}
registerEnumType(FollowUpStatisticsEvent, {
  name: 'FollowUpStatisticsEvent',
  valuesConfig: {
    STARTED: { description: 'Follow-ups started in the month (a re-match is not a new start).' },
    ENDED: { description: 'Follow-ups ended in the month (a re-match is not an end).' },
  },
});

@ObjectType('FollowUpStatisticsCell', {
  description:
    'How many follow-ups (mentoring and practical help after referral) of one category, in one bydel, started or ended in one month. Only cells of at least 5 that no margin could give away are returned.',
})
export class FollowUpStatisticsCell {
  @VisibleField(() => String, { nullable: true, description: 'Bydel code of the offer; null for offers without a single bydel.' })
  bydelCode?: string | null;

  @VisibleField(() => String, { description: 'YYYY-MM (Oslo time).' })
  month!: string;

  @VisibleField(() => String, { description: 'The activity category (MENTORING, PRACTICAL_HELP).' })
  category!: string;

  @VisibleField(() => FollowUpStatisticsEvent)
  event!: FollowUpStatisticsEvent;

  @VisibleField(() => Int, { description: 'At least 5.' })
  count!: number;
}
