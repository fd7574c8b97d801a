import { Access, Allow, Connection, isUuid, PageArgs, paginate, ValidationError } from '@samspill/core';
import { Arg, Args, Ctx, ID, ObjectType, Query, Resolver } from 'type-graphql';

import type { ReferralsContext } from '../../context.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditEntry } from './audit-entry.type.js';

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection extends Connection(AuditEntry) {}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: 'The audit log, newest first (platform admins). Admins see who touched a referral, never its personal fields.',
  })
  @Allow(Access.roles('PLATFORM_ADMIN'))
  async auditLog(
    @Arg('referralId', () => ID, { nullable: true }) referralId: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: ReferralsContext,
  ) {
    if (referralId !== null && referralId !== undefined && !isUuid(referralId)) throw ValidationError.field('referralId', 'must be a referral id (UUID)');
    return paginate(ctx.em, AuditEntryEntity, referralId ? { referralId } : {}, { id: 'desc' }, page);
  }
}
