import { DriverException, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ValidationError as ClassValidatorError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';

import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors/domain-errors.js';
import { createErrorFormatter } from '../errors/format-error.js';
import { createLogger } from '../logging/logger.js';

const logger = createLogger('silent', 't');
const format = createErrorFormatter(logger);
const PATH = ['activity', 'organisation'];

/** What graphql-js hands Apollo for an error thrown in a resolver, and its formatted form. */
function fromResolver(original: Error, extensions?: Record<string, unknown>): [GraphQLFormattedError, GraphQLError] {
  const error = new GraphQLError(original.message, { originalError: original, path: PATH, extensions });
  return [error.toJSON(), error];
}

function formatThrown(original: Error, extensions?: Record<string, unknown>): GraphQLFormattedError {
  const [formatted, raw] = fromResolver(original, extensions);
  return format(formatted, raw);
}

describe('createErrorFormatter', () => {
  it('maps ValidationError to BAD_USER_INPUT with the offending field', () => {
    const result = formatThrown(ValidationError.field('input.postalCode', 'must be 4 digits'));
    expect(result).toEqual({
      message: 'input.postalCode: must be 4 digits',
      path: PATH,
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.postalCode', fields: [{ field: 'input.postalCode', message: 'must be 4 digits' }] },
    });
  });

  it('keeps every problem of a ValidationError and names the first as field', () => {
    const problems = [
      { field: 'input.title', message: 'is required' },
      { field: 'input.email', message: 'is not an e-mail address' },
    ];
    const result = formatThrown(new ValidationError(problems));
    expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title', fields: problems });
    expect(result.message).toBe('input.title: is required; input.email: is not an e-mail address');
  });

  it('maps UnauthenticatedError to UNAUTHENTICATED', () => {
    expect(formatThrown(new UnauthenticatedError())).toEqual({
      message: 'Authentication required: send a valid bearer token',
      path: PATH,
      locations: undefined,
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('maps ForbiddenError to FORBIDDEN', () => {
    expect(formatThrown(new ForbiddenError('Only editors of this organisation may do this'))).toEqual({
      message: 'Only editors of this organisation may do this',
      path: PATH,
      locations: undefined,
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('maps NotFoundError to NOT_FOUND with the entity name', () => {
    const id = '00000000-0000-4000-8000-00000000dead';
    expect(formatThrown(new NotFoundError('Activity', id))).toEqual({
      message: `Activity ${id} was not found`,
      path: PATH,
      locations: undefined,
      extensions: { code: 'NOT_FOUND', entity: 'Activity' },
    });
  });

  it('maps ConflictError to CONFLICT', () => {
    expect(formatThrown(new ConflictError('The activity is archived'))).toEqual({
      message: 'The activity is archived',
      path: PATH,
      locations: undefined,
      extensions: { code: 'CONFLICT' },
    });
  });

  it('keeps the location of the failing field', () => {
    const [formatted, raw] = fromResolver(new ForbiddenError());
    const located = { ...formatted, locations: [{ line: 1, column: 3 }] };
    expect(format(located, raw).locations).toEqual([{ line: 1, column: 3 }]);
  });

  it('drops whatever extensions Apollo or the resolver attached to a domain error', () => {
    const result = formatThrown(new ForbiddenError(), { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at /srv/app/node_modules/x.js'] });
    expect(result.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('maps a MikroORM OptimisticLockError to CONFLICT without the ORM message', () => {
    const result = formatThrown(OptimisticLockError.lockFailed('ActivityEntity'));
    expect(result.extensions).toEqual({ code: 'CONFLICT' });
    expect(result.message).toMatch(/reload it/);
    expect(JSON.stringify(result)).not.toContain('ActivityEntity');
    expect(formatThrown(new OptimisticLockError('x')).extensions).toEqual({ code: 'CONFLICT' });
  });

  it('maps a unique-constraint violation to CONFLICT without SQL or constraint names', () => {
    const driverError = Object.assign(
      new Error('insert into "organisation" ("name") values ($1) - duplicate key value violates unique constraint "organisation_org_number_unique"'),
      {
        code: '23505',
      },
    );
    const result = formatThrown(new UniqueConstraintViolationException(driverError));
    expect(result).toEqual({
      message: 'A record with the same unique value already exists',
      path: PATH,
      locations: undefined,
      extensions: { code: 'CONFLICT' },
    });
  });

  it('maps a class-validator failure to BAD_USER_INPUT with input.<field>', () => {
    class CreateLocationInput {}
    const problem = new ClassValidatorError();
    problem.target = new CreateLocationInput();
    problem.property = 'postalCode';
    problem.constraints = { matches: 'postalCode must be 4 digits' };
    problem.children = [];
    const result = formatThrown(new ArgumentValidationError([problem]));
    expect(result.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.postalCode',
      fields: [{ field: 'input.postalCode', message: 'postalCode must be 4 digits' }],
    });
    expect(result.message).toBe('Invalid input: input.postalCode: postalCode must be 4 digits');
  });

  it('reports an unexpected error as a bare internal error and logs it', () => {
    const error = jest.spyOn(logger, 'error');
    try {
      const original = new Error('select * from secret');
      const result = formatThrown(original, { code: 'INTERNAL_SERVER_ERROR', stacktrace: original.stack?.split('\n') });
      expect(result).toEqual({ message: 'Internal server error', path: PATH, locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      const text = JSON.stringify(result);
      expect(text).not.toContain('select');
      expect(text).not.toContain('secret');
      expect(text).not.toContain('at ');
      expect(error).toHaveBeenCalledTimes(1);
      expect(error.mock.calls[0]![0]).toMatchObject({ err: original, path: PATH });
    } finally {
      error.mockRestore();
    }
  });

  it('does not trust a request-error code on an error raised while resolving', () => {
    const result = formatThrown(new Error('relation "secret" does not exist'), { code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(result.message).toBe('Internal server error');
  });

  it('passes on request errors from GraphQL itself with their code only', () => {
    const error = new GraphQLError('Cannot query field "bydelr" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: x', '    at /srv/node_modules/graphql/validate.js:1:1'] },
    });
    const located = { ...error.toJSON(), locations: [{ line: 1, column: 3 }] };
    expect(format(located, error)).toEqual({
      message: 'Cannot query field "bydelr" on type "Query".',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it.each(['GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE'])(
    'passes on the request error code %s',
    (code) => {
      const error = new GraphQLError('the request was refused', { extensions: { code } });
      expect(format(error.toJSON(), error)).toEqual({ message: 'the request was refused', locations: undefined, extensions: { code } });
    },
  );

  it('hides an error raised outside any resolver that carries no known code', () => {
    const original = new Error('connect ECONNREFUSED 10.0.0.5:5432');
    const error = new GraphQLError('Context creation failed: connect ECONNREFUSED 10.0.0.5:5432', {
      originalError: original,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(format(error.toJSON(), error)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it.each([
    ['Variable "$s" got invalid value "TITL"; Value "TITL" does not exist in "ActivitySort" enum. Did you mean the enum value "TITLE"?', 'BAD_USER_INPUT'],
    ['Variable "$f" got invalid value { bydel: ["030101"] }; Field "bydel" is not defined by type "ActivityFilter". Did you mean "bydeler"?', 'BAD_USER_INPUT'],
    ['Cannot query field "bydelr" on type "Query". Did you mean "bydel" or "bydeler"?', 'GRAPHQL_VALIDATION_FAILED'],
  ])('strips the schema hint from %s', (message, code) => {
    const error = new GraphQLError(message, { extensions: { code } });
    const result = format(error.toJSON(), error);
    expect(result.message).not.toMatch(/Did you mean|TITLE|bydeler|"bydel" or/);
    expect(result.message).toBe(message.slice(0, message.indexOf(' Did you mean')));
  });

  it('passes on the field a request error names', () => {
    const error = new GraphQLError('Text must not contain NUL characters (\\u0000): filter.text', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', field: 'filter.text', other: 'x' },
    });
    expect(format(error.toJSON(), error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', field: 'filter.text' });
  });

  describe('the database cannot be reached', () => {
    /** A driver error as node-postgres and MikroORM hand it on. */
    const driverError = (message: string, fields: Record<string, string> = {}) => new DriverException(Object.assign(new Error(message), fields));
    const unavailable = {
      message: 'Samspill cannot reach its database right now; try again in a few seconds',
      path: PATH,
      locations: undefined,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };

    it.each<[string, Error]>([
      ['connection refused', driverError('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' })],
      ['administrator shutdown (57P01)', driverError('terminating connection due to administrator command', { code: '57P01' })],
      ['connection failure (08006)', driverError('connection failure', { code: '08006' })],
      ['the database is starting up (57P03)', driverError('the database system is starting up', { code: '57P03' })],
      ['a connection that ended', driverError('Connection terminated unexpectedly')],
      ['no connection from the pool in time', new Error('Knex: Timeout acquiring a connection. The pool is probably full.')],
      ['refused on every address', new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })])],
    ])("answers SERVICE_UNAVAILABLE for %s, without the driver's words", (_case, error) => {
      expect(formatThrown(error)).toEqual(unavailable);
    });

    it('still answers a data exception as BAD_USER_INPUT and an unknown driver error as INTERNAL_SERVER_ERROR', () => {
      expect(formatThrown(driverError('invalid input syntax for type uuid', { code: '22P02' })).extensions).toEqual({ code: 'BAD_USER_INPUT' });
      expect(formatThrown(driverError('relation "x" does not exist', { code: '42P01' })).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    });
  });
});
