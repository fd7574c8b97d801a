import { errorCodeDef, ERRORS, operationFromDocument, Supergraph } from '@apollo/federation-internals';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { type FetchNode, QueryPlanner } from '@apollo/query-planner';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  getVariableValues,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parse,
  print,
} from 'graphql';

/** `GraphQLDataSourceRequestKind.INCOMING_OPERATION`, an enum @apollo/gateway does not export. */
const INCOMING_OPERATION = 'incoming operation';

/** How many operations' decisions are kept; the clients send a small fixed set of them. */
const MAX_DECISIONS = 1000;

/**
 * A subgraph's error as Apollo Gateway hands it on (its `downstreamServiceError`): the same
 * message, path and extensions, with `serviceName`, and the code the gateway would give it.
 */
function downstreamError(original: GraphQLFormattedError, serviceName: string): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    originalError: original as unknown as Error,
    path: original.path ? [...original.path] : undefined,
    extensions: { ...original.extensions, serviceName },
  };
  const codeDef = errorCodeDef(original);
  if (!codeDef && original.extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/**
 * What Apollo Gateway's result shaping makes of a query whose one fetch failed: each root field
 * null, or no data at all when one of them may not be null.
 */
function withoutFetch(apiSchema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, null> | null {
  const fields = apiSchema.getQueryType()?.getFields() ?? {};
  const data: Record<string, null> = {};
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    const field = fields[selection.name.value];
    if (!field || isNonNullType(field.type)) return null;
    data[selection.alias?.value ?? selection.name.value] = null;
  }
  return data;
}

/**
 * The fetch that answers the whole operation as the client wrote it, if there is one: a query
 * planned as one fetch from one subgraph (no entity joins, no rewrites), whose selection is the
 * client's own, character for character once printed. Then the subgraph's answer already has the
 * shape Apollo Gateway's result shaping would give it (same fields, aliases, order; nothing the
 * gateway added, such as `__typename`, to take out; root `__typename` and introspection are not
 * sent to a subgraph, so they differ and are not taken).
 */
function singleFetch(planner: QueryPlanner, supergraph: Supergraph, requestContext: GatewayGraphQLRequestContext): FetchNode | undefined {
  const { document, operation } = requestContext;
  if (operation.operation !== OperationTypeNode.QUERY || document.definitions.length !== 1) return undefined;
  const plan = planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), document, { operationName: requestContext.request.operationName }));
  const node = plan.node;
  if (node?.kind !== 'Fetch' || node.requires || node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) return undefined;
  if (node.operationKind !== OperationTypeNode.QUERY) return undefined;
  const sent = parse(node.operation).definitions[0];
  if (sent?.kind !== Kind.OPERATION_DEFINITION || print(sent.selectionSet) !== print(operation.selectionSet)) return undefined;
  return node;
}

/**
 * Apollo Gateway with a short way for queries that one subgraph answers whole: the operation goes
 * to that subgraph through the same data source (the caller's token, the shared secret), and its
 * answer is the answer, without the gateway building its operation model again and reshaping the
 * result field by field on every request. Everything around execution stays Apollo Server's and
 * the gateway's: parsing with the token limit, validation with the abuse limits and no
 * introspection, the variables checked against the supergraph as the gateway does, the subgraph's
 * errors made into the gateway's downstream errors, then formatted and masked as any other.
 * Anything else (mutations, several fetches, entity joins) goes the gateway's usual way.
 */
export function withSingleFetchPath(
  gateway: GatewayInterface,
  supergraphSdl: string,
  dataSources: ReadonlyMap<string, GraphQLDataSource>,
  onSingleFetch?: (serviceName: string) => void,
): GatewayInterface {
  const supergraph = Supergraph.build(supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  const decisions = new Map<string, FetchNode | null>();
  let apiSchema: GraphQLSchema | undefined;

  const wrap =
    (executor: GatewayExecutor): GatewayExecutor =>
    async (requestContext) => {
      const key = `${requestContext.queryHash}\u0000${requestContext.request.operationName ?? ''}`;
      let fetch = decisions.get(key);
      if (fetch === undefined) {
        fetch = singleFetch(planner, supergraph, requestContext) ?? null;
        if (decisions.size >= MAX_DECISIONS) decisions.delete(decisions.keys().next().value!);
        decisions.set(key, fetch);
      }
      const dataSource = fetch && dataSources.get(fetch.serviceName);
      if (!fetch || !dataSource || !apiSchema) return executor(requestContext);

      const provided = requestContext.request.variables ?? {};
      const { errors: variableErrors } = getVariableValues(apiSchema, requestContext.operation.variableDefinitions ?? [], provided);
      if (variableErrors) return { errors: variableErrors };
      const variables: Record<string, unknown> = Object.create(null);
      for (const name of fetch.variableUsages ?? []) {
        if (Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
      }
      onSingleFetch?.(fetch.serviceName);
      let response: Awaited<ReturnType<GraphQLDataSource['process']>>;
      try {
        response = await dataSource.process({
          kind: INCOMING_OPERATION,
          request: { query: fetch.operation, variables, operationName: fetch.operationName },
          incomingRequestContext: requestContext,
          context: requestContext.context,
          document: fetch.operationDocumentNode,
          pathInIncomingRequest: [],
        } as GraphQLDataSourceProcessOptions);
      } catch (error) {
        // As the gateway does with a fetch that fails: the error, and the data without that fetch.
        return { errors: [error as GraphQLError], data: withoutFetch(apiSchema, requestContext.operation) };
      }
      // The gateway builds the data from what the fetch gave, so none at all is as a failed fetch.
      const data = response.data ?? withoutFetch(apiSchema, requestContext.operation);
      if (!response.errors?.length) return { data };
      return { errors: response.errors.map((error) => downstreamError(error, fetch.serviceName)), data };
    };

  return {
    onSchemaLoadOrUpdate(callback) {
      return gateway.onSchemaLoadOrUpdate((schemaContext) => {
        apiSchema = schemaContext.apiSchema;
        callback(schemaContext);
      });
    },
    async load(options) {
      const loaded = await gateway.load(options);
      return { ...loaded, executor: loaded.executor && wrap(loaded.executor) };
    },
    stop: () => gateway.stop(),
  };
}
