import { unwrapResolverError } from '@apollo/server/errors';
import { CheckConstraintViolationException, DriverException, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
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

/**
 * What each CHECK constraint and constraint trigger of the migrations (SQLSTATE 23514) means, in
 * words a client can act on: PostgreSQL's own message names tables and columns. The services check
 * each rule first; the database's check is for what slips past them (a race between two edits, a
 * later code path), so hitting one is logged.
 */
export const CHECK_RULES: Readonly<Record<string, string>> = {
  activity_audience_within_place:
    "An activity's audience must not be wider than the visibility of its place: a PUBLIC activity cannot be held at a NETWORK or CONFIDENTIAL place",
  activity_age_range_check: 'The lowest age must not be above the highest age',
  activity_counts_check: 'Capacity, places available and price must not be negative',
  location_coordinates_check: 'Latitude must be between -90 and 90, and longitude between -180 and 180',
  location_postal_code_check: 'A postal code is 4 digits',
  organisation_number_check: 'An organisation number is 9 digits',
  pet_care_offer_counts_check: 'Places available and price must not be negative, and the number of animals and days must be at least 1',
  referral_need_description_length: 'A need description is at most 500 characters',
};
const UNKNOWN_CHECK_RULE = 'The change breaks a rule that the stored data must keep';

/**
 * SQLSTATE 23514. MikroORM converts it to CheckConstraintViolationException when a statement fails;
 * a deferred constraint trigger fails at COMMIT, and that error comes as node-postgres raised it.
 */
function isCheckViolation(error: unknown): error is Error & { constraint?: unknown } {
  if (error instanceof CheckConstraintViolationException) return true;
  return error instanceof Error && ((error as { code?: unknown }).code === '23514' || (error as { sqlState?: unknown }).sqlState === '23514');
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
    // A rule of the stored data (SQLSTATE 23514, a CHECK constraint or constraint trigger): the
    // request asked for something the data may not hold. Said in words, never PostgreSQL's message.
    if (isCheckViolation(error)) {
      const { constraint } = error;
      const rule = typeof constraint === 'string' ? CHECK_RULES[constraint] : undefined;
      logger.warn({ sqlState: '23514', constraint, path: formatted.path }, 'a database rule refused a change that validation let through');
      return withPath(formatted, { code: 'BAD_USER_INPUT' }, rule ?? UNKNOWN_CHECK_RULE);
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
