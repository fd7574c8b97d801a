import { LockMode } from '@mikro-orm/core';
import {
  Access,
  Allow,
  ForbiddenError,
  isAuthenticated,
  isUuid,
  mayEdit,
  NotFoundError,
  organisationWebhookSecret,
  UnauthenticatedError,
  ValidationError,
} from '@samspill/core';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';

import { readBack } from '../../common/editing.js';
import type { DirectoryContext } from '../../context.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { OrganisationRow } from '../organisations/organisation.row.js';
import { Organisation } from '../organisations/organisation.type.js';
import { UpdateOrganisationNotificationsInput } from './organisation-notifications.input.js';
import { OrganisationNotificationSettings } from './organisation-notifications.type.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https only; plain http to the loopback interface outside production (development and tests). */
function checkWebhookUrl(value: string, allowLoopback: boolean): void {
  const url = new URL(value);
  if (url.protocol === 'https:') return;
  if (allowLoopback && url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return;
  throw ValidationError.field('input.webhookUrl', 'must be an https URL');
}

@Resolver(() => Organisation)
export class OrganisationNotificationsResolver {
  @FieldResolver(() => OrganisationNotificationSettings, {
    nullable: true,
    description: 'Where the organisation is notified of referrals. Only its editors and platform admins see it; everyone else gets null.',
  })
  @Allow(Access.authenticated)
  notificationSettings(@Root() organisation: OrganisationRow, @Ctx() ctx: DirectoryContext): OrganisationNotificationSettings | null {
    if (!mayEdit(ctx.principal, organisation.id)) return null;
    return {
      referralEmail: organisation.referralEmail ?? null,
      webhookUrl: organisation.webhookUrl ?? null,
      webhookSecret: ctx.webhookSigningSecret ? organisationWebhookSecret(ctx.webhookSigningSecret, organisation.id) : null,
    };
  }

  @Mutation(() => Organisation, {
    description: 'Set where the organisation is notified of referrals (its editors and platform admins). Send the version you read.',
  })
  @Allow(Access.roles('ORG_EDITOR', 'PLATFORM_ADMIN'))
  async updateOrganisationNotifications(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganisationNotificationsInput) input: UpdateOrganisationNotificationsInput,
    @Ctx() ctx: DirectoryContext,
  ): Promise<OrganisationRow> {
    if (!isAuthenticated(ctx.principal)) throw new UnauthenticatedError();
    const organisation = isUuid(id) ? await ctx.em.findOne(OrganisationEntity, { id }) : null;
    if (!organisation) throw new NotFoundError('Organisation', id);
    if (!mayEdit(ctx.principal, organisation.id)) throw new ForbiddenError("Only the organisation's editors and platform admins set where it is notified");
    if (input.webhookUrl) checkWebhookUrl(input.webhookUrl, ctx.allowLoopbackWebhooks ?? false);
    await ctx.em.lock(organisation, LockMode.OPTIMISTIC, input.version);
    if (input.referralEmail !== undefined) organisation.referralEmail = input.referralEmail?.trim() || null;
    if (input.webhookUrl !== undefined) organisation.webhookUrl = input.webhookUrl || null;
    organisation.updatedAt = ctx.now();
    await ctx.em.flush();
    return readBack(ctx.loaders.organisation, 'Organisation', organisation.id);
  }
}
