import type { DirectoryContext } from '../../context.js';
import { canSeeActivity } from '../offers/offer-visibility.js';
import type { ActivityEntity } from './activity.entity.js';

/** `_entities` for Activity: the same loader and the same visibility as `activity(id)`. */
export async function resolveActivityReference(reference: { id: string }, ctx: DirectoryContext): Promise<ActivityEntity | null> {
  const activity = await ctx.loaders.activity.load(reference.id);
  return activity && canSeeActivity(ctx.principal, activity) ? activity : null;
}
