import { type GraphQLField, GraphQLInterfaceType, GraphQLObjectType, isInterfaceType, isObjectType } from 'graphql';

import { buildDirectorySchema } from '../schema.js';

/** Types that federation adds; `_entities` has its own tests of authorization. */
const FEDERATION_TYPES = new Set(['_Service']);

function accessOf(field: GraphQLField<unknown, unknown>): unknown {
  return field.extensions?.access;
}

describe('every field has an explicit authorization decision', () => {
  it('on every object and interface type, root types included', async () => {
    const { typeGraphqlSchema } = await buildDirectorySchema();
    const undecided: string[] = [];
    for (const type of Object.values(typeGraphqlSchema.getTypeMap())) {
      if (type.name.startsWith('__') || FEDERATION_TYPES.has(type.name)) continue;
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (accessOf(field) === undefined) undecided.push(`${type.name}.${field.name}`);
      }
    }
    expect(undecided).toEqual([]);
  });

  it('an implementation never grants more than its interface declares', async () => {
    const { typeGraphqlSchema } = await buildDirectorySchema();
    const mismatches: string[] = [];
    let checked = 0;
    for (const type of Object.values(typeGraphqlSchema.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType)) continue;
      for (const iface of type.getInterfaces() as GraphQLInterfaceType[]) {
        for (const [name, field] of Object.entries(iface.getFields())) {
          checked++;
          const own = type.getFields()[name]!;
          if (accessOf(own) !== accessOf(field))
            mismatches.push(`${type.name}.${name}: ${String(accessOf(own))} vs ${iface.name}.${name}: ${String(accessOf(field))}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(mismatches).toEqual([]);
  });

  it('the served subgraph has no root field that the decisions do not cover', async () => {
    const { schema, typeGraphqlSchema } = await buildDirectorySchema();
    const served = Object.keys(schema.getQueryType()!.getFields()).filter((f) => !['_service', '_entities'].includes(f));
    expect(served.sort()).toEqual(Object.keys(typeGraphqlSchema.getQueryType()!.getFields()).sort());
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(typeGraphqlSchema.getMutationType()!.getFields()).sort());
  });
});
