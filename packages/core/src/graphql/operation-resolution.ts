import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';

/**
 * An operationName that names no operation in the document, or a document with several
 * operations and no operationName, is the caller's mistake. A subgraph's graphql-js says so with
 * 400, but Apollo Gateway throws while planning, which Apollo Server answers with 500. Refusing it
 * once the operation is resolved, before execution, gives both the same 400.
 */
export function operationResolutionPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
          const message = request.operationName
            ? 'operationName names no operation in the document'
            : operations > 1
              ? 'The document has several operations: name the one to run in operationName'
              : 'The document has no operation to run';
          throw new GraphQLError(message, {
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400, headers: new HeaderMap() } },
          });
        },
      };
    },
  };
}
