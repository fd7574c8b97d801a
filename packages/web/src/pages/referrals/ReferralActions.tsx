import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';

import { REASONS_FOR } from '../../features/search/options';
import { graphql } from '../../gql';
import type { ReasonCode, ReferralAction } from '../../gql/graphql';
import { firstProblem, isConflict } from '../../lib/errors';
import { PktAlert } from '../../punkt';
import { TransitionReferralMutation } from './ReferPage';

const WithdrawConsentMutation = graphql(`
  mutation WithdrawReferralConsent($id: ID!, $version: Int!) {
    withdrawReferralConsent(id: $id, version: $version) {
      id
      version
      status
      allowedActions
    }
  }
`);

interface Props {
  referral: { id: string; version: number; allowedActions: ReferralAction[] };
  canWithdrawConsent: boolean;
  onChanged: () => void;
}

/**
 * The buttons the server's `allowedActions` offers, nothing else. A reason, when the action needs one,
 * is picked first. When someone else changed the referral in between (CONFLICT), the user is told to
 * reload, and the chosen reason stays as it was.
 */
export function ReferralActions({ referral, canWithdrawConsent, onChanged }: Props) {
  const { t } = useTranslation();
  const [, transition] = useMutation(TransitionReferralMutation);
  const [, withdraw] = useMutation(WithdrawConsentMutation);
  const [pending, setPending] = useState<ReferralAction | null>(null);
  const [reason, setReason] = useState<ReasonCode | ''>('');
  const [conflict, setConflict] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: ReferralAction, chosen: ReasonCode | null) {
    setBusy(true);
    setMessage(null);
    const result = await transition({ id: referral.id, version: referral.version, action, reason: chosen });
    setBusy(false);
    if (result.error) {
      if (isConflict(result.error)) setConflict(true);
      else setMessage(firstProblem(result.error, t));
      return;
    }
    setPending(null);
    setReason('');
    setConflict(false);
    onChanged();
  }

  async function withdrawConsent() {
    if (!window.confirm(t('referral.withdrawConfirm'))) return;
    setBusy(true);
    const result = await withdraw({ id: referral.id, version: referral.version });
    setBusy(false);
    if (result.error) {
      if (isConflict(result.error)) setConflict(true);
      else setMessage(firstProblem(result.error, t));
      return;
    }
    onChanged();
  }

  const actions = referral.allowedActions;
  return (
    <div className="stack">
      <div role="alert">
        {conflict && (
          <PktAlert skin="warning" compact>
            <p>{t('referral.conflict')}</p>
            <button
              type="button"
              className="pkt-btn pkt-btn--secondary pkt-btn--small"
              onClick={() => {
                setConflict(false);
                onChanged();
              }}
            >
              {t('referral.reload')}
            </button>
          </PktAlert>
        )}
        {message && (
          <PktAlert skin="error" compact>
            {message}
          </PktAlert>
        )}
      </div>
      {actions.length === 0 && !canWithdrawConsent && <p>{t('referral.noActions')}</p>}
      <div className="actions">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`pkt-btn pkt-btn--small ${action === 'ACCEPT' || action === 'SEND' ? 'pkt-btn--primary' : 'pkt-btn--secondary'}`}
            disabled={busy}
            aria-expanded={REASONS_FOR[action] ? pending === action : undefined}
            onClick={() => {
              if (REASONS_FOR[action]) {
                setPending(action);
                setReason('');
              } else void run(action, null);
            }}
          >
            {t(`action.${action}`)}
          </button>
        ))}
        {canWithdrawConsent && (
          <button type="button" className="pkt-btn pkt-btn--small pkt-btn--tertiary" disabled={busy} onClick={() => void withdrawConsent()}>
            {t('referral.withdrawConsent')}
          </button>
        )}
      </div>
      {pending && REASONS_FOR[pending] && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason) void run(pending, reason);
          }}
        >
          <label className="field" htmlFor="action-reason">
            {t('referral.reasonFor', { action: t(`action.${pending}`) })}
            <select id="action-reason" required value={reason} onChange={(e) => setReason(e.target.value as ReasonCode)}>
              <option value="">{t('referral.chooseReason')}</option>
              {REASONS_FOR[pending]!.map((r) => (
                <option key={r} value={r}>
                  {t(`reason.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="pkt-btn pkt-btn--primary pkt-btn--small" disabled={busy || !reason}>
            {t('referral.confirm', { action: t(`action.${pending}`) })}
          </button>
          <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small" onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
