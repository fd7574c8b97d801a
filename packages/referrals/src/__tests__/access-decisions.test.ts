import 'reflect-metadata';

import { type GraphQLField, type GraphQLObjectType, isInterfaceType, isObjectType } from 'graphql';

import { buildReferralsSchema } from '../schema.js';

/** Types that federation adds; they never reach a referral. */
const FEDERATION_TYPES = new Set(['_Service']);

function accessOf(field: GraphQLField<unknown, unknown>): unknown {
  return field.extensions?.access;
}

/** Every field of every object and interface type of the referrals subgraph, with its decision. */
async function decisions(): Promise<Map<string, unknown>> {
  const { typeGraphqlSchema } = await buildReferralsSchema();
  const map = new Map<string, unknown>();
  for (const type of Object.values(typeGraphqlSchema.getTypeMap())) {
    if (type.name.startsWith('__') || FEDERATION_TYPES.has(type.name)) continue;
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) map.set(`${type.name}.${field.name}`, accessOf(field));
  }
  return map;
}

describe('every field of the referrals subgraph has an explicit authorization decision', () => {
  it('on every object and interface type, root types included', async () => {
    const all = await decisions();
    expect(all.size).toBeGreaterThan(60);
    expect([...all].filter(([, access]) => access === undefined).map(([field]) => field)).toEqual([]);
  });

  it('the root fields carry exactly these decisions', async () => {
    const all = await decisions();
    const roots = Object.fromEntries([...all].filter(([field]) => field.startsWith('Query.') || field.startsWith('Mutation.')));
    expect(roots).toEqual({
      'Query.referral': 'authenticated',
      'Query.referrals': 'roles:SHELTER_STAFF,ORG_EDITOR',
      'Query.auditLog': 'roles:PLATFORM_ADMIN',
      'Query.referralStatistics': 'roles:BYDEL_INTEGRATOR,PLATFORM_ADMIN',
      'Query.referralInbox': 'roles:ORG_EDITOR',
      'Mutation.createReferral': 'roles:SHELTER_STAFF',
      'Mutation.updateReferralDraft': 'roles:SHELTER_STAFF',
      'Mutation.recordReferralConsent': 'roles:SHELTER_STAFF',
      'Mutation.withdrawReferralConsent': 'roles:SHELTER_STAFF',
      'Mutation.transitionReferral': 'roles:SHELTER_STAFF,ORG_EDITOR',
      'Mutation.redirectReferral': 'roles:SHELTER_STAFF',
      'Query.followUp': 'authenticated',
      'Query.followUps': 'roles:SHELTER_STAFF,ORG_EDITOR',
      'Query.followUpStatistics': 'roles:BYDEL_INTEGRATOR,PLATFORM_ADMIN',
      'Mutation.startFollowUp': 'roles:ORG_EDITOR',
      'Mutation.matchFollowUp': 'roles:ORG_EDITOR',
      'Mutation.planFollowUpCheckIn': 'roles:ORG_EDITOR',
      'Mutation.recordFollowUpCheckIn': 'roles:ORG_EDITOR',
      'Mutation.endFollowUp': 'roles:ORG_EDITOR',
      'Mutation.renewConsent': 'roles:SHELTER_STAFF,ORG_EDITOR',
    });
  });

  it('no field is open to anyone: everything below a root field is seen only with its parent', async () => {
    const all = await decisions();
    const nested = [...all].filter(([field]) => !field.startsWith('Query.') && !field.startsWith('Mutation.'));
    expect(nested.filter(([, access]) => access !== 'with-parent')).toEqual([]);
    expect([...all.values()]).not.toContain('anyone');
  });

  it('has no interface types, so no implementation can widen what an interface allows', async () => {
    const { typeGraphqlSchema } = await buildReferralsSchema();
    expect(
      Object.values(typeGraphqlSchema.getTypeMap())
        .filter((t) => isInterfaceType(t) && !t.name.startsWith('__'))
        .map((t) => t.name),
    ).toEqual([]);
  });

  it('the served subgraph has no root field that the decisions do not cover', async () => {
    const { schema, typeGraphqlSchema } = await buildReferralsSchema();
    const served = Object.keys(schema.getQueryType()!.getFields()).filter((f) => !['_service', '_entities'].includes(f));
    expect(served.sort()).toEqual(Object.keys(typeGraphqlSchema.getQueryType()!.getFields()).sort());
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(typeGraphqlSchema.getMutationType()!.getFields()).sort());
  });

  it('the directory’s entities appear by key only, so the directory decides what anyone sees of them', async () => {
    const { typeGraphqlSchema } = await buildReferralsSchema();
    for (const name of ['Activity', 'PetCareOffer', 'Organisation']) {
      const type = typeGraphqlSchema.getType(name);
      expect(isObjectType(type)).toBe(true);
      expect(Object.keys((type as GraphQLObjectType).getFields())).toEqual(['id']);
    }
  });
});
