import { Access, Allow } from '@samspill/core';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { DirectoryContext } from '../../context.js';
import type { CalendarFeedEntity } from './calendar-feed.entity.js';
import { CreateCalendarFeedInput } from './calendar-feed.input.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { CalendarFeed, CreatedCalendarFeed } from './calendar-feed.type.js';

@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  @Query(() => [CalendarFeed], { description: 'Your personal calendar feeds, newest first (revoked ones too). Their URLs are not shown again.' })
  @Allow(Access.authenticated)
  myCalendarFeeds(@Ctx() ctx: DirectoryContext): Promise<CalendarFeedEntity[]> {
    return new CalendarFeedService(ctx).mine();
  }

  @Mutation(() => CreatedCalendarFeed, {
    description:
      'Make a personal iCalendar feed of the activities you may see (network-only ones included), for a calendar app. The answer carries its secret URL path, once. Not idempotent: a retry makes a second feed (revoke the one you do not use).',
  })
  @Allow(Access.authenticated)
  createCalendarFeed(@Arg('input', () => CreateCalendarFeedInput) input: CreateCalendarFeedInput, @Ctx() ctx: DirectoryContext) {
    return new CalendarFeedService(ctx).create(input);
  }

  @Mutation(() => CalendarFeed, {
    description: 'Revoke one of your calendar feeds: its URL answers 410 Gone from now on. NOT_FOUND for a feed that is not yours.',
  })
  @Allow(Access.authenticated)
  revokeCalendarFeed(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext): Promise<CalendarFeedEntity> {
    return new CalendarFeedService(ctx).revoke(id);
  }
}
