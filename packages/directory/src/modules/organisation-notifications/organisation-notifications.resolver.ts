import { Access, Allow, mayEdit, organisationWebhookSecret } from '@samspill/core';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';

import type { DirectoryContext } from '../../context.js';
import type { OrganisationRow } from '../organisations/organisation.row.js';
import { Organisation } from '../organisations/organisation.type.js';
import { UpdateOrganisationNotificationsInput } from './organisation-notifications.input.js';
import { OrganisationNotificationsService } from './organisation-notifications.service.js';
import { OrganisationNotificationSettings } from './organisation-notifications.type.js';

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
  updateOrganisationNotifications(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganisationNotificationsInput) input: UpdateOrganisationNotificationsInput,
    @Ctx() ctx: DirectoryContext,
  ): Promise<OrganisationRow> {
    return new OrganisationNotificationsService(ctx).update(id, input);
  }
}
