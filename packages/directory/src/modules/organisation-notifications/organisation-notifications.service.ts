import { LockMode } from '@mikro-orm/core';
import { ForbiddenError, isAuthenticated, isUuid, mayEdit, NotFoundError, UnauthenticatedError, ValidationError } from '@samspill/core';

import { readBack } from '../../common/editing.js';
import type { DirectoryContext } from '../../context.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { OrganisationRow } from '../organisations/organisation.row.js';
import type { UpdateOrganisationNotificationsInput } from './organisation-notifications.input.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https only; plain http to the loopback interface outside production (development and tests). */
function checkWebhookUrl(value: string, allowLoopback: boolean): void {
  const url = new URL(value);
  if (url.protocol === 'https:') return;
  if (allowLoopback && url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return;
  throw ValidationError.field('input.webhookUrl', 'must be an https URL');
}

/** Where an organisation is notified: set by its editors and platform admins. */
export class OrganisationNotificationsService {
  constructor(private readonly ctx: DirectoryContext) {}

  async update(id: string, input: UpdateOrganisationNotificationsInput): Promise<OrganisationRow> {
    const ctx = this.ctx;
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
