import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLFieldResolver, type GraphQLSchema, isUnionType } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, type BuildSchemaOptions, createResolversMap } from 'type-graphql';

import { enforceAccess } from '../auth/access.js';
import { ValidationError } from '../errors/domain-errors.js';

const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external"])';

export interface SubgraphSchemas {
  /** The executable federated schema (with `_service` and `_entities`). */
  readonly schema: GraphQLSchema;
  /** The schema as type-graphql built it, with every field's `extensions.access`. */
  readonly typeGraphqlSchema: GraphQLSchema;
}

/** Reference resolvers by type name: `{ Activity: { __resolveReference } }`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resolver declares its own argument types
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

/**
 * The one place where a type-graphql schema becomes an Apollo Federation v2 subgraph: build with
 * type-graphql, print with directives (`@key`), `buildSubgraphSchema`, add reference resolvers, and
 * put each field's access check in front of its resolver.
 */
export async function buildFederatedSchema(options: Omit<BuildSchemaOptions, 'skipCheck'>, referenceResolvers: ReferenceResolvers): Promise<SubgraphSchemas> {
  const typeGraphqlSchema = await buildSchema({ ...options, skipCheck: true });
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  enforceAccess(typeGraphqlSchema, resolvers);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  const schema = buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(typeGraphqlSchema)}
    `,
    resolvers: resolvers as Parameters<typeof buildSubgraphSchema>[0] extends { resolvers?: infer R } ? R : never,
  });
  refuseUnknownEntityTypes(schema);
  return { schema, typeGraphqlSchema };
}

/**
 * `_entities` with a `__typename` that is no entity of this subgraph makes @apollo/subgraph throw a
 * plain Error (INTERNAL_SERVER_ERROR); it is the caller's mistake, so it is refused as
 * BAD_USER_INPUT naming the representation, without listing the types there are.
 */
function refuseUnknownEntityTypes(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  if (!field?.resolve || !isUnionType(entityUnion)) return;
  const entityTypes = new Set(entityUnion.getTypes().map((type) => type.name));
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve;
  field.resolve = (source, args: { representations?: unknown[] }, context, info) => {
    (args.representations ?? []).forEach((representation, index) => {
      const typename = representation && typeof representation === 'object' ? (representation as { __typename?: unknown }).__typename : undefined;
      if (typeof typename !== 'string' || !entityTypes.has(typename)) {
        throw ValidationError.field(`representations.${index}.__typename`, 'must name an entity type of this subgraph');
      }
    });
    return resolve(source, args, context, info);
  };
}

/** The banner at the top of every generated SDL file in `schema/`. */
export function generatedBanner(command: string): string {
  return `# GENERATED FILE, DO NOT EDIT. Regenerate with \`${command}\`; CI fails when it differs from the code.\n\n`;
}
