/**
 * How long a personal feed lives. It reads as its maker was when it was made, so a person who
 * leaves a shelter or an organisation must not keep seeing its network-only activities through an
 * old URL: after this the URL answers 410 and a new feed is made in Samspill (signed in as they are now).
 */
export const FEED_LIFETIME_DAYS = 90;

/** When a feed made at `createdAt` stops answering. */
export function feedExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + FEED_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
}
