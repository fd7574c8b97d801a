import type { EntityManager } from '@mikro-orm/postgresql';
import { Access, Allow, ForbiddenError, isAdmin, isAuthenticated, type Principal, toE164, UnauthenticatedError, ValidationError } from '@samspill/core';
import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { DirectoryContext } from '../../context.js';
import { BydelEntity } from './bydel.entity.js';
import type { BydelRow } from './bydel.row.js';
import { Bydel } from './bydel.type.js';
import { BydelCooperationContactEntity } from './bydel-cooperation.entity.js';
import { BydelCooperationContact, SetBydelCooperationContactInput } from './bydel-cooperation.type.js';

/** Each bydel's cooperation contact, by bydel code: one statement per batch. */
export function cooperationContactsByBydel(em: EntityManager): DataLoader<string, BydelCooperationContactEntity | null> {
  return new DataLoader(async (codes) => {
    const rows = await em.find(BydelCooperationContactEntity, { bydel: { $in: [...codes] } });
    const byCode = new Map(rows.map((row) => [row.bydel.code, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
}

function assertAdmin(principal: Principal): void {
  if (!isAuthenticated(principal)) throw new UnauthenticatedError();
  if (!isAdmin(principal)) throw new ForbiddenError("Only platform admins record a bydel's cooperation contact");
}

@Resolver(() => Bydel)
export class BydelCooperationResolver {
  @FieldResolver(() => BydelCooperationContact, {
    nullable: true,
    description: "The bydel's contact for cooperation with the shelters (a role and its office, not a person); null when none is recorded.",
  })
  @Allow(Access.withParent)
  shelterCooperationContact(@Root() bydel: BydelRow, @Ctx() ctx: DirectoryContext): Promise<BydelCooperationContactEntity | null> {
    return ctx.loaders.cooperationContactByBydel.load(bydel.code);
  }

  @Mutation(() => BydelCooperationContact, { description: "Record or replace a bydel's contact for cooperation with the shelters (platform admins)." })
  @Allow(Access.roles('PLATFORM_ADMIN'))
  async setBydelCooperationContact(
    @Arg('input', () => SetBydelCooperationContactInput) input: SetBydelCooperationContactInput,
    @Ctx() ctx: DirectoryContext,
  ): Promise<BydelCooperationContactEntity> {
    assertAdmin(ctx.principal);
    if (!ctx.bydeler.get(input.bydel)) throw ValidationError.field('input.bydel', 'no such bydel');
    const now = ctx.now();
    let contact = await ctx.em.findOne(BydelCooperationContactEntity, { bydel: input.bydel });
    if (!contact) {
      contact = ctx.em.create(BydelCooperationContactEntity, {
        bydel: ctx.em.getReference(BydelEntity, input.bydel),
        role: input.role,
        office: input.office,
        updatedAt: now,
      });
    }
    contact.role = input.role;
    contact.office = input.office;
    contact.phone = input.phone == null ? null : toE164(input.phone);
    contact.email = input.email ?? null;
    contact.lastVerifiedAt = now;
    contact.updatedAt = now;
    await ctx.em.flush();
    return contact;
  }
}
