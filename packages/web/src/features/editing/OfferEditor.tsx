import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CombinedError } from 'urql';

import { fieldProblem, firstProblem, isConflict, problemsOf, type ServerProblem } from '../../lib/errors';
import { EditorAlerts } from './fields';

/**
 * Saving an offer editor's form: a refusal shows its problems (on their fields where they name
 * one) and a stale version raises the conflict alert; a save goes back to the organisation's offers.
 */
export function useOfferSave(setConflict: (conflict: boolean) => void) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<ServerProblem[]>([]);

  async function save(send: () => Promise<{ error?: CombinedError }>): Promise<void> {
    setProblems([]);
    const result = await send();
    if (result.error) {
      if (isConflict(result.error)) setConflict(true);
      setProblems(problemsOf(result.error, t));
      return;
    }
    navigate('/mine-tilbud');
  }

  return { problems, save, err: (field: string) => fieldProblem(problems, field) };
}

/** The frame of an offer editor: the way back, the heading, the alerts, the form and its save button. */
export function OfferEditorLayout(props: {
  heading: string;
  conflict: boolean;
  problems: ServerProblem[];
  /** The editor's own query failed (its lists and the record are missing): said, with a way to try again. */
  loadError?: CombinedError;
  onReload: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="stack">
      <Link to="/mine-tilbud">{t('activityEditor.back')}</Link>
      <h1>{props.heading}</h1>
      <EditorAlerts conflict={props.conflict} problems={props.problems} onReload={props.onReload} />
      {props.loadError && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          <p>{firstProblem(props.loadError, t)}</p>
          <button type="button" className="pkt-btn pkt-btn--secondary pkt-btn--small" onClick={props.onReload}>
            {t('referral.reload')}
          </button>
        </div>
      )}
      <form
        className="form-grid"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        {props.children}
        <div className="actions">
          <button type="submit" className="pkt-btn pkt-btn--primary">
            {t('activityEditor.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
