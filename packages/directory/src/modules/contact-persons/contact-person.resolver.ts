import { Access, Allow, IDEMPOTENT_CREATE, idempotentCreate, isAuthenticated, UnauthenticatedError } from '@samspill/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { DirectoryContext } from '../../context.js';
import { daysSince } from '../offers/verification.js';
import type { OrganisationRow } from '../organisations/organisation.row.js';
import { Organisation } from '../organisations/organisation.type.js';
import { AddContactPersonInput, UpdateContactPersonInput } from './contact-person.input.js';
import { contactPersonPolicy } from './contact-person.policy.js';
import type { ContactPersonRow } from './contact-person.row.js';
import { ContactPersonService } from './contact-person.service.js';
import { ContactPerson } from './contact-person.type.js';

@Resolver(() => ContactPerson)
export class ContactPersonResolver {
  @Query(() => [ContactPerson], { description: "An organisation's contact persons. Signed-in users only." })
  @Allow(Access.authenticated)
  contactPersons(@Arg('organisationId', () => ID) organisationId: string, @Ctx() ctx: DirectoryContext) {
    return new ContactPersonService(ctx).ofOrganisation(organisationId);
  }

  @Mutation(() => ContactPerson, { description: `Add a contact person to your organisation. ${IDEMPOTENT_CREATE}` })
  @Allow(contactPersonPolicy.access('contactPerson:edit'))
  addContactPerson(@Arg('input', () => AddContactPersonInput) input: AddContactPersonInput, @Ctx() ctx: DirectoryContext) {
    const service = new ContactPersonService(ctx);
    return idempotentCreate(
      ctx,
      'addContactPerson',
      { input },
      () => service.add(input),
      (id) => resolveContactPersonReference({ id }, ctx),
    );
  }

  @Mutation(() => ContactPerson, { description: 'Change a contact person of your organisation. Send the version you read.' })
  @Allow(contactPersonPolicy.access('contactPerson:edit'))
  updateContactPerson(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateContactPersonInput) input: UpdateContactPersonInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return new ContactPersonService(ctx).update(id, input);
  }

  @Mutation(() => ID, { description: 'Remove a contact person of your organisation; returns its id.' })
  @Allow(contactPersonPolicy.access('contactPerson:edit'))
  removeContactPerson(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new ContactPersonService(ctx).remove(id);
  }

  @Mutation(() => ContactPerson, { description: 'Confirm that a contact person of your organisation is still right (sets lastVerifiedAt to now).' })
  @Allow(contactPersonPolicy.access('contactPerson:edit'))
  confirmContactPersonStillValid(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new ContactPersonService(ctx).confirmStillValid(id);
  }

  @FieldResolver(() => Int, { description: 'Whole days since the organisation last confirmed the contact.' })
  @Allow(Access.withParent)
  daysSinceVerified(@Root() contact: ContactPersonRow, @Ctx() ctx: DirectoryContext): number {
    return daysSince(contact.lastVerifiedAt, ctx.now());
  }

  @FieldResolver(() => Organisation)
  @Allow(Access.withParent)
  async organisation(@Root() contact: ContactPersonRow, @Ctx() ctx: DirectoryContext, @Info() info: GraphQLResolveInfo): Promise<OrganisationRow> {
    return (await ctx.loaders.organisation.load(contact.organisation.id, info))!;
  }
}

/** `_entities` for ContactPerson: signed-in callers only, exactly like every other way to a contact person. */
export async function resolveContactPersonReference(reference: { id: string }, ctx: DirectoryContext): Promise<ContactPersonRow | null> {
  if (!isAuthenticated(ctx.principal)) throw new UnauthenticatedError();
  const contact = await ctx.loaders.contactPerson.load(reference.id);
  return contact && contactPersonPolicy.may(ctx.principal, 'contactPerson:see', contact) ? contact : null;
}
