import { type ASTNode, GraphQLError, Kind, type ValidationContext, type ValidationRule } from 'graphql';

/** `filter.text`, `input.schedule.0.note`: where a literal sits among the operation's arguments. */
function argumentPath(ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>): string {
  const path: string[] = [];
  for (let i = 0; i < ancestors.length; i += 1) {
    const node = ancestors[i]!;
    if (Array.isArray(node)) continue;
    const astNode = node as ASTNode;
    if (astNode.kind === Kind.ARGUMENT || astNode.kind === Kind.OBJECT_FIELD) path.push(astNode.name.value);
    if (astNode.kind === Kind.LIST) {
      const items = ancestors[i + 1];
      const child = ancestors[i + 2] ?? null;
      if (Array.isArray(items) && child) path.push(String((items as ASTNode[]).indexOf(child as ASTNode)));
    }
  }
  return path.join('.');
}

/**
 * PostgreSQL cannot store NUL in text, and a NUL that reaches it as a parameter fails the whole
 * statement (SQLSTATE 08P01). The HTTP front refuses NUL in the JSON body (variables, the query
 * text itself); this rule refuses the one way left in, a GraphQL string escape (`"a\u0000b"`),
 * while validating, so the operation is refused with 400 before anything runs, at the gateway
 * and at every subgraph alike.
 */
export const noNulInStringsRule: ValidationRule = (context: ValidationContext) => ({
  StringValue(node, _key, parent, _path, ancestors) {
    if (!node.value.includes('\u0000')) return;
    // graphql-js hands the parent apart from the ancestors above it.
    const field = argumentPath(parent ? [...ancestors, parent, node] : [...ancestors, node]);
    context.reportError(
      new GraphQLError(`Text must not contain NUL characters (\\u0000)${field ? `: ${field}` : ''}`, {
        nodes: node,
        extensions: field ? { field } : {},
      }),
    );
  },
});
