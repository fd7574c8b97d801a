import { Access, Allow } from '@samspill/core';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';

import type { DirectoryContext } from '../../context.js';
import { ActivityCategory } from '../activities/activity-enums.js';
import { type Handover, HandoverService } from './handover.service.js';
import { BydelHandover } from './handover.type.js';

/** What a frivilligsentral's helpers do in the first weeks after a move: short practical help, or a longer relationship. */
export const HELPER_CATEGORIES = [ActivityCategory.PRACTICAL_HELP, ActivityCategory.MENTORING, ActivityCategory.HOUSING] as const;

@Resolver(() => BydelHandover)
export class HandoverResolver {
  @Query(() => BydelHandover, {
    description:
      'Help after moving to a bydel, in one step: its frivilligsentral(er), their helper offers you may see (by default practical help, mentoring and housing) and the bydel’s contact for cooperation with the shelters. BAD_USER_INPUT for a code that names no bydel.',
  })
  @Allow(Access.anyone)
  helpAfterMoving(
    @Arg('bydel', () => String, { description: 'Bydel code, e.g. 030103.' }) bydel: string,
    @Arg('categories', () => [ActivityCategory], { defaultValue: [...HELPER_CATEGORIES], description: 'The helper offers’ categories.' })
    categories: ActivityCategory[],
    @Ctx() ctx: DirectoryContext,
  ): Promise<Handover> {
    return new HandoverService(ctx).helpAfterMoving(bydel, categories);
  }
}
