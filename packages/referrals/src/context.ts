import type { EntityManager } from '@mikro-orm/postgresql';
import type { IdempotencyContext } from '@samspill/core';
import DataLoader from 'dataloader';

import type { DirectoryLookup } from './modules/directory-link/directory-client.js';
import { FollowUpService } from './modules/followups/follow-up.service.js';
import { ReferralService, type ReferralSettings } from './modules/referrals/referral.service.js';
import { ReferralStatusChangeEntity } from './modules/referrals/referral-status-change.entity.js';

export interface ReferralsContext extends IdempotencyContext {
  /** The caller's Authorization header, passed on when the directory is asked about an offer. */
  readonly authorization?: string;
  readonly directory: DirectoryLookup;
  readonly settings: ReferralSettings;
  readonly now: () => Date;
  readonly loaders: ReferralLoaders;
}

export function createReferralLoaders(em: EntityManager) {
  return {
    statusChangesByReferral: new DataLoader<string, ReferralStatusChangeEntity[]>(async (ids) => {
      const rows = await em.find(ReferralStatusChangeEntity, { referral: { $in: [...ids] } }, { orderBy: { at: 'asc', id: 'asc' } });
      const groups = new Map<string, ReferralStatusChangeEntity[]>(ids.map((id) => [id, []]));
      for (const row of rows) groups.get(row.referral.id)?.push(row);
      return ids.map((id) => groups.get(id)!);
    }),
  };
}

export type ReferralLoaders = ReturnType<typeof createReferralLoaders>;

export function referralService(ctx: ReferralsContext): ReferralService {
  return new ReferralService(ctx.em, ctx.principal, ctx.directory, ctx.settings, ctx.now, ctx.authorization);
}

export function followUpService(ctx: ReferralsContext): FollowUpService {
  return new FollowUpService(ctx.em, ctx.principal, ctx.directory, ctx.now, ctx.authorization);
}
