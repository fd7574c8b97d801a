import { VisibleField } from '@samspill/core';
import { ID, ObjectType } from 'type-graphql';

import { ActivityCategory, TargetGroup } from '../activities/activity-enums.js';

@ObjectType('CalendarFeedFilter', { description: 'What a calendar feed shows (empty lists: no condition).' })
export class CalendarFeedFilter {
  @VisibleField(() => [String])
  bydeler!: string[];

  @VisibleField(() => [ActivityCategory])
  categories!: ActivityCategory[];

  @VisibleField(() => [TargetGroup])
  targetGroups!: TargetGroup[];
}

@ObjectType('CalendarFeed', {
  description:
    'A personal iCalendar feed of activities (network-only ones included, as you may see them), fetched by a calendar app from a secret URL. The URL is shown once, when the feed is made; it lasts 90 days. Revoke the feed when it is no longer needed or the URL may have spread.',
})
export class CalendarFeed {
  @VisibleField(() => ID)
  id!: string;

  @VisibleField(() => String)
  label!: string;

  @VisibleField(() => CalendarFeedFilter)
  filter!: CalendarFeedFilter;

  @VisibleField(() => Date)
  createdAt!: Date;

  @VisibleField(() => Date, { nullable: true, description: 'When it was revoked: its URL then answers 410 Gone.' })
  revokedAt?: Date | null;

  @VisibleField(() => Date, {
    description: 'When it expires (90 days after it was made): its URL then answers 410 Gone, and a new feed reads as you are then.',
  })
  expiresAt!: Date;
}

@ObjectType('CreatedCalendarFeed', { description: 'A new feed and its secret URL path, shown only now.' })
export class CreatedCalendarFeed {
  @VisibleField(() => CalendarFeed)
  feed!: CalendarFeed;

  @VisibleField(() => String, {
    description:
      'The feed’s path on the Samspill API (the gateway’s origin), e.g. /calendar/feeds/…ics: subscribe to it in a calendar app. Anyone with it sees what you may see: keep it to yourself. Only a hash is stored, so it cannot be shown again.',
  })
  path!: string;
}
