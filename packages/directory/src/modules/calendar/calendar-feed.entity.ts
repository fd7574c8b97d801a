import { randomUUID } from 'node:crypto';

import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { UserPrincipal } from '@samspill/core';

import type { ActivityCategory, TargetGroup } from '../activities/activity-enums.js';
import { feedExpiresAt } from './calendar-feed-lifetime.js';

/** The filters a feed was made with (the activity list's: bydel, category, target group). */
export interface CalendarFeedFilterData {
  bydeler: string[];
  categories: ActivityCategory[];
  targetGroups: TargetGroup[];
}

/**
 * A personal calendar feed: a secret URL that a calendar app fetches without a token. Only the
 * SHA-256 of the URL's token is kept; the feed reads as the user who made it (the principal as it
 * was then) until they revoke it.
 */
@Entity({ tableName: 'calendar_feed' })
export class CalendarFeedEntity {
  [OptionalProps]?: 'revokedAt' | 'expiresAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Hex SHA-256 of the token in the feed's URL. */
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  /** Whose feed it is (the token's `sub`): they list and revoke it. */
  @Property({ type: 'string', length: 200 })
  @Index()
  subject!: string;

  /** Who the feed reads as: the maker's role and scope when it was made. */
  @Property({ type: 'json' })
  principal!: UserPrincipal;

  @Property({ type: 'json' })
  filter!: CalendarFeedFilterData;

  @Property({ type: 'string', length: 100 })
  label!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  /** When its URL stops answering (not stored: it follows from `createdAt`). */
  get expiresAt(): Date {
    return feedExpiresAt(this.createdAt);
  }
}
