import { readFileSync } from 'node:fs';
import path from 'node:path';

import { buildSubgraphSchema } from '@apollo/subgraph';
import { type GraphQLSchema, parse } from 'graphql';

import { assertMayReadCooperationContact, assertMayReadFunding } from './access.js';
import type { GrunerlokkaContext } from './context.js';

/** The subgraph's SDL: the contract it publishes, and what the gateway composes at deploy time. */
export const GRUNERLOKKA_SDL_FILE = path.resolve(__dirname, '../schema.graphql');

export function grunerlokkaSdl(): string {
  return readFileSync(GRUNERLOKKA_SDL_FILE, 'utf8');
}

/**
 * The directory owns bydeler and organisations; this subgraph only adds fields to them, so a
 * reference resolves to its key alone and each field checks who may read it.
 */
const resolvers = {
  Bydel: {
    __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
    grunerlokkaShelterCooperation: (bydel: { code: string }, _args: unknown, context: GrunerlokkaContext) => {
      assertMayReadCooperationContact(context.principal);
      return context.loaders.cooperationContacts.load(bydel.code);
    },
  },
  Organisation: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    grunerlokkaFunding: (organisation: { id: string }, _args: unknown, context: GrunerlokkaContext) => {
      assertMayReadFunding(context.principal);
      return context.loaders.grants.load(organisation.id);
    },
  },
};

export function buildGrunerlokkaSchema(): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(grunerlokkaSdl()), resolvers }]);
}
