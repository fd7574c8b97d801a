import { Access, Allow, IDEMPOTENT_CREATE, idempotentCreate } from '@samspill/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { DirectoryContext } from '../../context.js';
import type { BydelRow } from '../bydeler/bydel.row.js';
import { Bydel } from '../bydeler/bydel.type.js';
import type { OrganisationRow } from '../organisations/organisation.row.js';
import { Organisation } from '../organisations/organisation.type.js';
import { CreateLocationInput, UpdateLocationInput } from './location.input.js';
import { locationPolicy } from './location.policy.js';
import type { LocationRow } from './location.row.js';
import { LocationService } from './location.service.js';
import { Location } from './location.type.js';

@Resolver(() => Location)
export class LocationResolver {
  @Query(() => [Location], { description: "An organisation's locations that you may see." })
  @Allow(Access.anyone)
  locations(@Arg('organisationId', () => ID) organisationId: string, @Ctx() ctx: DirectoryContext) {
    return new LocationService(ctx).ofOrganisation(organisationId);
  }

  @Mutation(() => Location, { description: `Add a location to your organisation. ${IDEMPOTENT_CREATE}` })
  @Allow(locationPolicy.access('location:edit'))
  createLocation(@Arg('input', () => CreateLocationInput) input: CreateLocationInput, @Ctx() ctx: DirectoryContext) {
    return idempotentCreate(
      ctx,
      'createLocation',
      { input },
      () => new LocationService(ctx).create(input),
      async (id) => {
        const location = await ctx.loaders.location.load(id);
        return location && locationPolicy.may(ctx.principal, 'location:see', location) ? location : null;
      },
    );
  }

  @Mutation(() => Location, { description: 'Change a location of your organisation. Send the version you read.' })
  @Allow(locationPolicy.access('location:edit'))
  updateLocation(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateLocationInput) input: UpdateLocationInput, @Ctx() ctx: DirectoryContext) {
    return new LocationService(ctx).update(id, input);
  }

  @FieldResolver(() => Organisation)
  @Allow(Access.withParent)
  async organisation(@Root() location: LocationRow, @Ctx() ctx: DirectoryContext, @Info() info: GraphQLResolveInfo): Promise<OrganisationRow> {
    return (await ctx.loaders.organisation.load(location.organisation.id, info))!;
  }

  @FieldResolver(() => Bydel, { nullable: true })
  @Allow(Access.withParent)
  bydel(@Root() location: LocationRow, @Ctx() ctx: DirectoryContext): BydelRow | null {
    return location.bydel ? ctx.bydeler.get(location.bydel.code) : null;
  }
}
