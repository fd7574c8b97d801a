import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyVariables, CombinedError, TypedDocumentNode } from 'urql';
import { useMutation } from 'urql';

import { firstProblem, isConflict } from '../../lib/errors';

/**
 * One follow-up change: busy while it runs; CONFLICT (someone changed the follow-up since it was
 * read, so the version passed is stale) is kept apart from other problems so the page can offer to
 * reload without losing what was typed.
 */
export function useFollowUpMutation<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, onDone: () => void) {
  const { t } = useTranslation();
  const [, execute] = useMutation(document);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function run(variables: Variables): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    const result: { error?: CombinedError } = await execute(variables);
    setBusy(false);
    if (result.error) {
      if (isConflict(result.error)) setConflict(true);
      else setMessage(firstProblem(result.error, t));
      return false;
    }
    setConflict(false);
    onDone();
    return true;
  }
  return { run, busy, conflict, message, clearConflict: () => setConflict(false) };
}
