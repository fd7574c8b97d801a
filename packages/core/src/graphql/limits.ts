import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

import type { Config } from '../config/config.js';
import { noNulInStringsRule } from './no-nul-rule.js';

/**
 * graphql-armor throws a rejection out of `validate()` by default, which Apollo turns into a 500;
 * reporting it instead makes it an ordinary validation error (400 GRAPHQL_VALIDATION_FAILED).
 */
const report = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/**
 * Abuse limits, checked while validating the operation, so an operation over a limit is refused
 * with 400 GRAPHQL_VALIDATION_FAILED before anything runs. Token count is limited by the parser
 * (`parseOptions.maxTokens`), the body size by the HTTP layer. NUL in a string literal is refused
 * here too (PostgreSQL cannot take it).
 */
export function limitRules(limits: Config['graphql']): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, ...report }),
    maxAliasesRule({ n: limits.maxAliases, ...report }),
    maxDirectivesRule({ n: limits.maxDirectives, ...report }),
    costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, ...report }),
    noNulInStringsRule,
  ] as ValidationRule[];
}
