import { DriverException } from '@mikro-orm/core';
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Errors as logs may show them. A database error's message and stack hold the whole statement
 * with its values (a referral's need description, say), so only its codes are logged.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (error instanceof DriverException || (error instanceof Error && 'sqlState' in error)) {
    const e = error as DriverException & { table?: string; constraint?: string };
    return { type: e.name, code: e.code, sqlState: e.sqlState, table: e.table, constraint: e.constraint };
  }
  if (error instanceof Error) return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error };
}

/**
 * JSON logs. Authorization headers and request variables are redacted here, once, so that no
 * call site can forget; errors go through `serializeError`.
 */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    serializers: { err: serializeError },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', '*.token', 'variables'],
      censor: '[redacted]',
    },
  });
}
