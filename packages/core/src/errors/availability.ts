/** The code a client sees when the database cannot be reached: retry later (HTTP 503). */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** Seconds a client is told to wait before it retries (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 5;

/** Socket-level failures: the server is not there, or the connection to it broke. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * PostgreSQL's own: class 08 (connection exception), 57P01–57P03 (admin shutdown, crash
 * shutdown, cannot connect now: the server is stopping or starting), 53300 (too many connections).
 */
function isUnavailableSqlState(state: string): boolean {
  return state.startsWith('08') || state === '57P01' || state === '57P02' || state === '57P03' || state === '53300';
}

/** node-postgres and knex say these in words only, without a code. */
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /^Knex: Timeout acquiring a connection/, /Client has encountered a connection error/];

/**
 * Whether an error means that PostgreSQL could not be reached or went away, rather than that the
 * request was wrong: such a request may succeed when retried. Looks through wrapped errors
 * (MikroORM's DriverException copies the driver's fields; `cause`; AggregateError's list).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; sqlState?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  for (const code of [e.code, e.sqlState]) {
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || isUnavailableSqlState(code))) return true;
  }
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** Why a process is not ready; its message is shown by `/ready`, so it names no host or secret. */
export class NotReadyError extends Error {}
