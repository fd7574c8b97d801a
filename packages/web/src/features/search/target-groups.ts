import type { ActivityFilter, TargetGroup } from '../../gql/graphql';

/**
 * The target-group part of an activity filter: any of one group, all of several, none of others.
 * The API refuses a group that is both asked for and excluded, so such a group is left out of the
 * exclusion (the form disables it too). Empty lists are no condition and are not sent.
 */
export function targetGroupFilter(anyOf: TargetGroup | '', allOf: readonly TargetGroup[], exclude: readonly TargetGroup[]): Partial<ActivityFilter> {
  const f: Partial<ActivityFilter> = {};
  if (anyOf) f.targetGroups = [anyOf];
  const all = [...new Set(allOf)];
  if (all.length > 0) f.allTargetGroups = all;
  const wanted = new Set<TargetGroup>([...(anyOf ? [anyOf] : []), ...all]);
  const none = [...new Set(exclude)].filter((g) => !wanted.has(g));
  if (none.length > 0) f.excludeTargetGroups = none;
  return f;
}
