import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ValidationRule } from 'graphql';

import type { Config } from '../config/config.js';

/**
 * Abuse limits, checked while validating the operation, so an operation over a limit is refused
 * with 400 GRAPHQL_VALIDATION_FAILED before anything runs. Token count is limited by the parser
 * (`parseOptions.maxTokens`), the body size by the HTTP layer.
 */
export function limitRules(limits: Config['graphql']): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, exposeLimits: true, ignoreIntrospection: true }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true }),
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true }),
    costLimitRule({ maxCost: limits.maxCost, exposeLimits: true, ignoreIntrospection: true }),
  ] as ValidationRule[];
}
