import type { DirectoryContext } from '../../context.js';
import { activityPolicy } from './activity.policy.js';
import type { ActivityRow } from './activity.row.js';

/** `_entities` for Activity: the same loader and the same visibility as `activity(id)`. */
export async function resolveActivityReference(reference: { id: string }, ctx: DirectoryContext): Promise<ActivityRow | null> {
  const activity = await ctx.loaders.activity.load(reference.id);
  return activity && activityPolicy.may(ctx.principal, 'activity:see', activity, ctx.policyTime) ? activity : null;
}
