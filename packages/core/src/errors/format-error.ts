import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';

import type { Logger } from '../logging/logger.js';
import { isDatabaseUnavailable, SERVICE_UNAVAILABLE } from './availability.js';
import { DomainError, type FieldProblem } from './domain-errors.js';

/** Codes produced by GraphQL itself or Apollo Server before any resolver ran: safe to pass on. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/**
 * Codes our own formatter gives. At the gateway, errors from the subgraphs arrive already
 * formatted with one of these; they pass on with their safe details only.
 */
const DOMAIN_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', SERVICE_UNAVAILABLE]);
const SAFE_DETAILS = ['field', 'fields', 'entity'] as const;

function flatten(errors: ClassValidatorError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Which top-level argument a failed class-validator run belongs to, e.g. `input`. */
function argumentName(error: ArgumentValidationError): string {
  const target = error.extensions.validationErrors?.[0]?.target as object | undefined;
  const name = target?.constructor?.name ?? '';
  return /Input$/.test(name) ? 'input' : /Args$|Filter$/.test(name) ? '' : 'input';
}

/**
 * graphql-js appends "Did you mean …?" with real names from the schema to validation and
 * variable-coercion messages (`Value "TITL" does not exist in "ActivitySort" enum. Did you mean the
 * enum value "TITLE"?`). Apollo's `hideSchemaDetailsFromClientErrors` removes it from validation
 * errors only, so every message loses it here, in every environment.
 */
export function withoutSchemaHints(message: string): string {
  return message.replace(/\s*Did you mean [\s\S]*$/, '');
}

/**
 * SQLSTATE class 22 (data exception) is a value from the request that PostgreSQL cannot take;
 * 08P01 (protocol violation) is what a NUL in a text parameter gives. Both are refused by
 * validation before they get here; this is the safety net.
 */
function isBadValueFromRequest(error: DriverException): boolean {
  const state = String(error.sqlState ?? error.code ?? '');
  return state.startsWith('22') || state === '08P01';
}

function withPath(formatted: GraphQLFormattedError, extensions: Record<string, unknown>, message: string): GraphQLFormattedError {
  return { message, locations: formatted.locations, path: formatted.path, extensions };
}

/**
 * The one place where errors become what clients see. Domain errors carry their code and safe
 * details; ORM conflicts become CONFLICT; anything unexpected is logged and reported without
 * message, SQL or stack trace.
 */
export function createErrorFormatter(logger: Logger) {
  return (unhinted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const formatted = { ...unhinted, message: withoutSchemaHints(unhinted.message) };
    const error = unwrapResolverError(raw);
    if (error instanceof DomainError) {
      return withPath(formatted, { code: error.code, ...error.details }, error.message);
    }
    if (error instanceof ArgumentValidationError) {
      const problems = flatten(error.extensions.validationErrors ?? [], argumentName(error));
      const message = `Invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`;
      return withPath(formatted, { code: 'BAD_USER_INPUT', field: problems[0]?.field, fields: problems }, message);
    }
    if (error instanceof OptimisticLockError) {
      return withPath(formatted, { code: 'CONFLICT' }, 'Someone else changed this record since you read it; reload it and apply your change again');
    }
    if (error instanceof UniqueConstraintViolationException) {
      return withPath(formatted, { code: 'CONFLICT' }, 'A record with the same unique value already exists');
    }
    // A value from the request that PostgreSQL cannot take (SQLSTATE class 22, or 08P01 for a NUL):
    // checked before the outage test, for 08P01 is in the connection class 08 but says nothing of the database's health.
    if (error instanceof DriverException && isBadValueFromRequest(error)) {
      return withPath(formatted, { code: 'BAD_USER_INPUT' }, 'A value in the request is not valid');
    }
    // PostgreSQL cannot be reached: nothing wrong with the request, so say that it may be retried
    // (the HTTP front answers 503 with Retry-After).
    if (isDatabaseUnavailable(error)) {
      logger.error({ err: error, path: formatted.path }, 'the database cannot be reached');
      return withPath(formatted, { code: SERVICE_UNAVAILABLE }, 'Samspill cannot reach its database right now; try again in a few seconds');
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && formatted.path === undefined) {
      const field = formatted.extensions?.field;
      return { message: formatted.message, locations: formatted.locations, extensions: typeof field === 'string' ? { code, field } : { code } };
    }
    if (typeof code === 'string' && DOMAIN_CODES.has(code)) {
      const details = Object.fromEntries(
        SAFE_DETAILS.filter((key) => formatted.extensions?.[key] !== undefined).map((key) => [key, formatted.extensions![key]]),
      );
      return withPath(formatted, { code, ...details }, formatted.message);
    }
    logger.error({ err: error, path: formatted.path }, 'unexpected error while resolving a request');
    return withPath(formatted, { code: 'INTERNAL_SERVER_ERROR' }, 'Internal server error');
  };
}
