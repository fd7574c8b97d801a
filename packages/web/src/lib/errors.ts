import type { CombinedError } from 'urql';

/** The part of i18next's `t` this module needs (so it can be tested with any catalogue). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ServerProblem {
  code: string | null;
  /** What the user reads, in their language: made from the code and the field, never the server's text. */
  message: string;
  /** The input field the server named (`extensions.field`), e.g. "needDescription". */
  field: string | null;
  /** The server's own (English) text, for telling cases apart in code; never shown. */
  serverMessage: string;
}

/**
 * The codes the gateway, the subgraphs and the web server send (`extensions.code`), with the
 * catalogue entry under `serverError.` that says what happened in the user's language.
 */
const CODE_MESSAGES: Readonly<Record<string, string>> = {
  BAD_USER_INPUT: 'badInput',
  GRAPHQL_VALIDATION_FAILED: 'badRequest',
  GRAPHQL_PARSE_FAILED: 'badRequest',
  BAD_REQUEST: 'badRequest',
  OPERATION_RESOLUTION_FAILURE: 'badRequest',
  PAYLOAD_TOO_LARGE: 'tooLarge',
  CONFLICT: 'conflict',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  UNAUTHENTICATED: 'unauthenticated',
  CSRF: 'unauthenticated',
  RATE_LIMITED: 'rateLimited',
  TOO_MANY_REQUESTS: 'rateLimited',
  SERVICE_UNAVAILABLE: 'unavailable',
  BAD_GATEWAY: 'unavailable',
  NETWORK: 'network',
};

/** HTTP statuses that say enough by themselves when no GraphQL error came with them. */
const STATUS_CODES: Readonly<Record<number, string>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};

/** "input.schedule.weekly[0].startTime" → "startTime": the catalogue names fields by their last part. */
export function fieldName(path: string): string {
  return (path.split('.').pop() ?? path).replace(/\[\d+\]$/, '');
}

/** The user's words for one problem: by code, and for bad input by the field it names. */
export function describeProblem(code: string | null, field: string | null, t: Translate): string {
  if (code === 'BAD_USER_INPUT' && field) {
    const label = t(`serverField.${fieldName(field)}`, { defaultValue: '' });
    if (label) return t('serverError.field', { field: label });
  }
  const key = code ? CODE_MESSAGES[code] : undefined;
  return t(`serverError.${key ?? 'unknown'}`);
}

export function problemsOf(error: CombinedError | undefined, t: Translate): ServerProblem[] {
  if (!error) return [];
  const problem = (code: string | null, field: string | null, serverMessage: string): ServerProblem => ({
    code,
    field,
    serverMessage,
    message: describeProblem(code, field, t),
  });
  if (error.graphQLErrors.length === 0) {
    const status = (error.response as { status?: number } | undefined)?.status;
    return [problem((status && STATUS_CODES[status]) || 'NETWORK', null, error.message)];
  }
  return error.graphQLErrors.flatMap((e) => {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : null;
    // Several fields at fault come as `extensions.fields`, one message each.
    const fields = Array.isArray(e.extensions?.fields) ? (e.extensions.fields as Array<{ field?: unknown; message?: unknown }>) : [];
    if (fields.length > 1) {
      return fields.map((f) => problem(code, typeof f.field === 'string' ? f.field : null, String(f.message ?? e.message)));
    }
    return [problem(code, typeof e.extensions?.field === 'string' ? e.extensions.field : null, e.message)];
  });
}

/** The message for one field, matching "needDescription", "input.needDescription" or "consent.expiresOn". */
export function fieldProblem(problems: ServerProblem[], field: string): string | null {
  const hit = problems.find((p) => p.field !== null && (p.field === field || p.field.endsWith(`.${field}`) || fieldName(p.field) === field));
  return hit ? hit.message : null;
}

/** The first problem's message, or the general "something went wrong". */
export function firstProblem(error: CombinedError | undefined, t: Translate): string {
  return problemsOf(error, t)[0]?.message ?? t('common.error');
}

export function isConflict(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT');
}
