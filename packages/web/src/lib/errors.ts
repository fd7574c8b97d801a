import type { CombinedError } from 'urql';

export interface ServerProblem {
  code: string | null;
  message: string;
  /** The input field the server named (`extensions.field`), e.g. "needDescription". */
  field: string | null;
}

export function problemsOf(error: CombinedError | undefined): ServerProblem[] {
  if (!error) return [];
  if (error.graphQLErrors.length === 0) return [{ code: 'NETWORK', message: error.message, field: null }];
  return error.graphQLErrors.flatMap((e) => {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : null;
    // Several fields at fault come as `extensions.fields`, one message each.
    const fields = Array.isArray(e.extensions?.fields) ? (e.extensions.fields as Array<{ field?: unknown; message?: unknown }>) : [];
    if (fields.length > 1) {
      return fields.map((f) => ({ code, message: String(f.message ?? e.message), field: typeof f.field === 'string' ? f.field : null }));
    }
    return [{ code, message: e.message, field: typeof e.extensions?.field === 'string' ? e.extensions.field : null }];
  });
}

/** The server's message for one field, matching "needDescription", "input.needDescription" or "consent.expiresOn". */
export function fieldProblem(problems: ServerProblem[], field: string): string | null {
  const hit = problems.find((p) => p.field !== null && (p.field === field || p.field.endsWith(`.${field}`)));
  return hit ? hit.message : null;
}

export function isConflict(error: CombinedError | undefined): boolean {
  return problemsOf(error).some((p) => p.code === 'CONFLICT');
}
