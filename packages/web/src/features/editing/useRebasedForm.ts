import { useCallback, useEffect, useRef, useState } from 'react';

import { rebaseEdits } from '../../lib/rebase-edits';

/** A record as the server last gave it: its version and its values in the form's shape. */
export interface Loaded<T> {
  readonly version: number;
  readonly values: T;
}

/**
 * The state of an editor form for a versioned record. It fills from the server; when a newer
 * version arrives (the reload after a CONFLICT), it keeps every field this user changed since the
 * version they loaded and takes every other field from the newer one (rebaseEdits), so saving again
 * loses neither person's edit. `loaded` must keep its identity while the record does (useMemo).
 */
export function useRebasedForm<T extends Record<string, unknown>>(initial: T, loaded: Loaded<T> | null) {
  const [form, setForm] = useState<T>(initial);
  const [version, setVersion] = useState(0);
  const [conflict, setConflict] = useState(false);
  const formNow = useRef(form);
  formNow.current = form;
  const base = useRef<Loaded<T> | null>(null);

  useEffect(() => {
    if (!loaded || base.current?.version === loaded.version) return;
    const next = base.current ? rebaseEdits(base.current.values, formNow.current, loaded.values) : loaded.values;
    base.current = loaded;
    setForm(next);
    setVersion(loaded.version);
    setConflict(false);
  }, [loaded]);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => setForm((current) => ({ ...current, [key]: value })), []);
  return { form, set, version, conflict, setConflict };
}
