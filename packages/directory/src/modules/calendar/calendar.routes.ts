import { type HttpRoute, type Principal, RouteError, type RouteRequest } from '@samspill/core';

import type { DirectoryContext } from '../../context.js';
import type { ActivityRow } from '../activities/activity.row.js';
import { ActivityService } from '../activities/activity.service.js';
import { ActivityCategory, TargetGroup, VenueKind } from '../activities/activity-enums.js';
import { canSeeLocation } from '../locations/location.policy.js';
import { LocationVisibility } from '../locations/location-visibility.enum.js';
import { addActivityEvents, newCalendar } from './activity-calendar.js';
import type { CalendarFeedFilterData } from './calendar-feed.entity.js';
import { CalendarFeedService, FEED_LIFETIME_DAYS, FEED_PATH_PREFIX, feedExpiresAt } from './calendar-feed.service.js';

/** A feed holds at most this many activities (in title order): a calendar app refreshes it whole. */
const MAX_ACTIVITIES = 1000;
const PAGE = 100;
const ACTIVITY_PATH = /^\/calendar\/activities\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.ics$/i;
const FEED_PATH = new RegExp(`^${FEED_PATH_PREFIX}([A-Za-z0-9_-]{43})\\.ics$`);
const FILTER_PARAMETERS: Readonly<Record<string, keyof CalendarFeedFilterData>> = { bydel: 'bydeler', category: 'categories', targetGroup: 'targetGroups' };

/** Values of a repeatable parameter: `?bydel=030101&bydel=030102` or `?bydel=030101,030102`. */
function values(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The list's filters from the query string, checked as the GraphQL list checks them (400 with the parameter at fault). */
export function feedFilterOf(url: URL, ctx: DirectoryContext): CalendarFeedFilterData {
  for (const name of url.searchParams.keys()) {
    if (!(name in FILTER_PARAMETERS))
      throw new RouteError(400, 'BAD_USER_INPUT', `Unknown parameter ${name}: a feed filters by bydel, category and targetGroup`, name);
  }
  const bydeler = values(url, 'bydel');
  const categories = values(url, 'category');
  const targetGroups = values(url, 'targetGroup');
  const badBydel = bydeler.find((code) => !ctx.bydeler.get(code));
  if (badBydel !== undefined)
    throw new RouteError(400, 'BAD_USER_INPUT', `bydel must be Oslo bydel codes, 030101 to 030117 (not ${JSON.stringify(badBydel)})`, 'bydel');
  const badCategory = categories.find((c) => !(c in ActivityCategory));
  if (badCategory !== undefined) throw new RouteError(400, 'BAD_USER_INPUT', `category must be one of ${Object.keys(ActivityCategory).join(', ')}`, 'category');
  const badGroup = targetGroups.find((g) => !(g in TargetGroup));
  if (badGroup !== undefined) throw new RouteError(400, 'BAD_USER_INPUT', `targetGroup must be one of ${Object.keys(TargetGroup).join(', ')}`, 'targetGroup');
  return { bydeler, categories: categories as ActivityCategory[], targetGroups: targetGroups as TargetGroup[] };
}

/**
 * Where, in words, as the feed's reader may know it: a place only when they may see it, and for an
 * activity at a shelter never more than "På krisesenteret", even in its own staff's feed (a feed
 * leaves Samspill: calendar apps copy it to their servers).
 */
async function locationText(ctx: DirectoryContext, activity: ActivityRow): Promise<string> {
  if (activity.venueKind === VenueKind.AT_SHELTER) return 'På krisesenteret';
  if (activity.venueKind === VenueKind.ONLINE) return 'Digitalt';
  const place = activity.location ? await ctx.loaders.location.load(activity.location.id) : null;
  if (!place || place.visibility === LocationVisibility.CONFIDENTIAL || !canSeeLocation(ctx.principal, place)) return 'Sted oppgis ved påmelding';
  const town = [place.postalCode, place.postalTown].filter(Boolean).join(' ');
  return [place.name, place.streetAddress, town].filter(Boolean).join(', ');
}

/** The published activities the context's principal may see, filtered: through the list's own service and policy. */
async function listed(ctx: DirectoryContext, filter: CalendarFeedFilterData): Promise<ActivityRow[]> {
  const service = new ActivityService(ctx);
  const rows: ActivityRow[] = [];
  let after: string | undefined;
  do {
    const page = await service.list({
      first: PAGE,
      after,
      filter: {
        ...(filter.bydeler.length ? { bydeler: filter.bydeler } : {}),
        ...(filter.categories.length ? { categories: filter.categories } : {}),
        ...(filter.targetGroups.length ? { targetGroups: filter.targetGroups } : {}),
      },
    });
    rows.push(...(page.nodes as ActivityRow[]));
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
  } while (after && rows.length < MAX_ACTIVITIES);
  return rows.slice(0, MAX_ACTIVITIES);
}

async function send(
  ctx: DirectoryContext,
  request: RouteRequest<DirectoryContext>,
  name: string,
  activities: ActivityRow[],
  cacheControl: string,
  filename: string,
) {
  const now = ctx.now();
  const calendar = newCalendar(name, now);
  for (const activity of activities) {
    const organisation = await ctx.loaders.organisation.load(activity.organisation.id);
    addActivityEvents(calendar, { activity, location: await locationText(ctx, activity), organisationName: organisation?.name ?? '' }, now);
  }
  const body = calendar.toString();
  request.res.writeHead(200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${filename}"`,
    'cache-control': cacheControl,
    // What a feed holds depends on who asks (a bearer token, a feed's URL).
    vary: 'Authorization',
  });
  request.res.end(request.req.method === 'HEAD' ? undefined : body);
}

/** Anonymous callers' feeds may be cached anywhere; anything read as a signed-in user only by that user's client. */
const cacheFor = (principal: Principal) => (principal.kind === 'user' ? 'private, max-age=300' : 'public, max-age=300');

/**
 * The calendar feeds (iCalendar, RFC 5545), read through the activity list's service and policy:
 * `/calendar/activities.ics?bydel=&category=&targetGroup=` (what the caller may see: public
 * activities, or with a bearer token that user's view), `/calendar/activities/{id}.ics`, and a
 * personal feed `/calendar/feeds/{token}.ics` that reads as the user who made it.
 */
export const calendarRoutes: ReadonlyArray<HttpRoute<DirectoryContext>> = [
  {
    prefix: '/calendar/',
    async handle(request) {
      const { url } = request;
      if (url.pathname === '/calendar/activities.ics') {
        const ctx = await request.context();
        const filter = feedFilterOf(url, ctx);
        return send(ctx, request, 'Samspill – aktiviteter', await listed(ctx, filter), cacheFor(request.principal), 'samspill-aktiviteter.ics');
      }
      const single = ACTIVITY_PATH.exec(url.pathname);
      if (single) {
        const ctx = await request.context();
        // NOT_FOUND (404) when it does not exist or the caller may not see it, as `activity(id)`.
        const activity = await new ActivityService(ctx).get(single[1]!.toLowerCase());
        return send(ctx, request, activity.title, [activity], cacheFor(request.principal), `samspill-aktivitet-${activity.id}.ics`);
      }
      const personal = FEED_PATH.exec(url.pathname);
      if (url.pathname.startsWith(FEED_PATH_PREFIX)) {
        const feed = personal ? await new CalendarFeedService(await request.context()).byToken(personal[1]!) : null;
        if (!feed) throw new RouteError(404, 'NOT_FOUND', 'No calendar feed has this address: check the link, or make a new feed in Samspill');
        if (feed.revokedAt) throw new RouteError(410, 'GONE', 'This calendar feed was revoked by its owner: make a new feed in Samspill to subscribe again');
        const ctx = await request.contextFor(feed.principal);
        if (ctx.now() >= feedExpiresAt(feed.createdAt)) {
          throw new RouteError(
            410,
            'GONE',
            `This calendar feed has expired (feeds last ${FEED_LIFETIME_DAYS} days): make a new feed in Samspill to subscribe again`,
          );
        }
        // Only its owner's calendar app should hold it: never a shared cache.
        return send(ctx, request, `Samspill – ${feed.label}`, await listed(ctx, feed.filter), 'private, max-age=300', 'samspill-aktiviteter.ics');
      }
      throw new RouteError(404, 'NOT_FOUND', 'Not found: the calendar feeds are /calendar/activities.ics and /calendar/activities/{id}.ics');
    },
  },
];
