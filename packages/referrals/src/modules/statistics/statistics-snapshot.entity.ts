import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A month whose statistics have been published: written once, when the month became final, and
 * never again. Its key is what lets only one of two instances racing to take the snapshot write
 * it (`insert … on conflict do nothing`).
 */
@Entity({ tableName: 'statistics_month' })
export class StatisticsMonthEntity {
  /** YYYY-MM, Oslo time. */
  @PrimaryKey({ type: 'string', length: 7 })
  month!: string;

  /** The instant the month became final: the outcomes counted are those of just before it. */
  @Property({ type: 'datetime' })
  finalAt!: Date;

  /** REFERRAL_STATISTICS_FINAL_AFTER_DAYS when the snapshot was taken; a later change does not touch this month. */
  @Property({ type: 'integer' })
  finalAfterDays!: number;

  @Property({ type: 'datetime' })
  takenAt!: Date;
}

/**
 * What every published cell of a month's snapshot holds: only what disclosure control let through
 * (5 or more, after secondary suppression), per bydel and category. The raw counts, and so the
 * small ones, are never stored. Each kind of figure has its own table (below).
 */
abstract class PublishedCell {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne({ entity: () => StatisticsMonthEntity, fieldName: 'month', deleteRule: 'cascade' })
  @Index()
  month!: StatisticsMonthEntity;

  @Property({ type: 'string', length: 6, nullable: true })
  bydelCode?: string | null;

  @Property({ type: 'string', length: 40 })
  category!: string;

  @Property({ type: 'integer' })
  count!: number;
}

/** One published cell of a month's referral figures: referrals per bydel, category and outcome. */
@Entity({ tableName: 'statistics_cell' })
@Check({ name: 'statistics_cell_count_check', expression: 'count >= 5' })
export class StatisticsCellEntity extends PublishedCell {
  @Property({ type: 'string', length: 20 })
  outcome!: string;
}

/** One published cell of a month's follow-up figures: follow-ups started and ended, per bydel and category. */
@Entity({ tableName: 'follow_up_statistics_cell' })
@Check({ name: 'follow_up_statistics_cell_count_check', expression: 'count >= 5' })
export class FollowUpStatisticsCellEntity extends PublishedCell {
  /** STARTED or ENDED. */
  @Property({ type: 'string', length: 10 })
  event!: string;
}
