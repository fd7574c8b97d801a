import { Access, Allow, checkedFirst } from '@samspill/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';

import type { DirectoryContext } from '../../context.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Organisation } from '../organisations/organisation.type.js';
import type { BydelEntity } from './bydel.entity.js';
import { Bydel } from './bydel.type.js';

@Resolver(() => Bydel)
export class BydelResolver {
  @Query(() => [Bydel], { description: "Oslo's bydeler by code: the 15 administrative ones, then 16 Sentrum and 17 Marka unless left out." })
  @Allow(Access.anyone)
  bydeler(
    @Arg('includeStatistical', () => Boolean, { defaultValue: true, description: 'Include 16 Sentrum and 17 Marka.' }) includeStatistical: boolean,
    @Ctx() ctx: DirectoryContext,
  ): readonly BydelEntity[] {
    return ctx.bydeler.list(includeStatistical);
  }

  @Query(() => Bydel, { nullable: true, description: 'One bydel by code, e.g. 030102; null when there is none.' })
  @Allow(Access.anyone)
  bydel(@Arg('code', () => String) code: string, @Ctx() ctx: DirectoryContext): BydelEntity | null {
    return ctx.bydeler.get(code);
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations that serve this bydel, by name.' })
  @Allow(Access.withParent)
  async organisations(
    @Root() bydel: BydelEntity,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many (1–100).' }) first: number,
    @Ctx() ctx: DirectoryContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrganisationEntity[]> {
    return ctx.loaders.organisationsByBydel.load({ key: bydel.code, first: checkedFirst(first) }, info);
  }
}

/**
 * `_entities` for Bydel: public, like `bydel(code)`. A copy: federation marks each reference it
 * resolves with its `__typename`, which the catalogue's frozen rows do not take.
 */
export function resolveBydelReference(reference: { code: string }, ctx: DirectoryContext): BydelEntity | null {
  const bydel = ctx.bydeler.get(reference.code);
  return bydel && { ...bydel };
}
