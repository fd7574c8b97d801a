import { createHash, randomBytes } from 'node:crypto';

import { isAuthenticated, NotFoundError, type Principal, UnauthenticatedError, type UserPrincipal } from '@samspill/core';

import type { DirectoryContext } from '../../context.js';
import { CalendarFeedEntity } from './calendar-feed.entity.js';
import type { CreateCalendarFeedInput } from './calendar-feed.input.js';

export { FEED_LIFETIME_DAYS, feedExpiresAt } from './calendar-feed-lifetime.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a feed's secret URL lives, relative to the API's origin. */
export const FEED_PATH_PREFIX = '/calendar/feeds/';

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The principal a feed reads as: only what says who the user is and what they may see. */
function snapshotOf(principal: UserPrincipal): UserPrincipal {
  return {
    kind: 'user',
    subject: principal.subject,
    role: principal.role,
    ...(principal.organisationId ? { organisationId: principal.organisationId } : {}),
    ...(principal.bydelCode ? { bydelCode: principal.bydelCode } : {}),
  };
}

/**
 * A user's personal calendar feeds: made, listed and revoked by their maker only (another user's
 * feed is NOT_FOUND, as if it did not exist), and resolved from the token in a feed's URL.
 */
export class CalendarFeedService {
  constructor(private readonly ctx: DirectoryContext) {}

  private user(): UserPrincipal {
    const principal: Principal = this.ctx.principal;
    if (!isAuthenticated(principal)) throw new UnauthenticatedError();
    return principal;
  }

  async create(input: CreateCalendarFeedInput): Promise<{ feed: CalendarFeedEntity; path: string }> {
    const user = this.user();
    // 32 random bytes: the URL is the only credential a calendar app sends.
    const token = randomBytes(32).toString('base64url');
    const feed = this.ctx.em.create(CalendarFeedEntity, {
      tokenHash: hashFeedToken(token),
      subject: user.subject,
      principal: snapshotOf(user),
      filter: { bydeler: [...new Set(input.bydeler)], categories: [...new Set(input.categories)], targetGroups: [...new Set(input.targetGroups)] },
      label: input.label.trim(),
      createdAt: this.ctx.now(),
    });
    await this.ctx.em.flush();
    return { feed, path: `${FEED_PATH_PREFIX}${token}.ics` };
  }

  mine(): Promise<CalendarFeedEntity[]> {
    return this.ctx.em.find(CalendarFeedEntity, { subject: this.user().subject }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  async revoke(id: string): Promise<CalendarFeedEntity> {
    const user = this.user();
    const feed = UUID.test(id) ? await this.ctx.em.findOne(CalendarFeedEntity, { id, subject: user.subject }) : null;
    if (!feed) throw new NotFoundError('Calendar feed', id);
    // Revoking twice keeps the first time.
    feed.revokedAt ??= this.ctx.now();
    await this.ctx.em.flush();
    return feed;
  }

  /** The feed a URL's token stands for (revoked ones too: their URL answers 410), or null. */
  byToken(token: string): Promise<CalendarFeedEntity | null> {
    return this.ctx.em.findOne(CalendarFeedEntity, { tokenHash: hashFeedToken(token) });
  }
}
