export { type RequestOptions, SamspillClient, type SamspillClientOptions, SamspillError, type SamspillGraphQLError } from './client';
export type * from './gql/graphql';
export * from './operations';
