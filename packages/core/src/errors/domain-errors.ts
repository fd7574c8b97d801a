/**
 * Typed errors that services throw. One place (`format-error.ts`) turns them into GraphQL errors
 * with an `extensions.code`; everything else becomes a bare INTERNAL_SERVER_ERROR.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** Safe, structured details for clients (never personal data). */
  readonly details: Record<string, unknown> = {};
}

export interface FieldProblem {
  /** Path of the offending input field, e.g. `input.postalCode`. */
  readonly field: string;
  readonly message: string;
}

export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'ValidationError';
    this.details.field = problems[0]?.field;
    this.details.fields = problems;
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'Authentication required: send a valid bearer token') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message = 'You are not allowed to do this') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(entity: string, id: string) {
    // Only a well-formed id is repeated back; arbitrary text from the request is not.
    super(/^[0-9a-f-]{36}$/i.test(id) ? `${entity} ${id} was not found` : `${entity} was not found`);
    this.name = 'NotFoundError';
    this.details.entity = entity;
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
