import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { graphql } from '../../gql';
import { formatDate } from '../../lib/format';
import { FollowUpProblems } from './FollowUpProblems';
import { useFollowUpMutation } from './useFollowUpMutation';

const RenewConsentMutation = graphql(`
  mutation RenewFollowUpConsent($id: ID!, $version: Int!, $expiresOn: String!) {
    renewConsent(id: $id, version: $version, expiresOn: $expiresOn) {
      id
      version
      consentExpiresAt
      consentRenewalDue
      allowedActions
    }
  }
`);

interface Props {
  followUp: { id: string; version: number; consentExpiresAt?: string | null; consentRenewalDue: boolean; commitmentEndsOn?: string | null };
  canRenew: boolean;
  onChanged: () => void;
}

/** The prompt when her consent runs out before the commitment does, and the form to renew it with her. */
export function RenewConsent({ followUp, canRenew, onChanged }: Props) {
  const { t } = useTranslation();
  const [expiresOn, setExpiresOn] = useState(followUp.commitmentEndsOn ?? '');
  const renew = useFollowUpMutation(RenewConsentMutation, onChanged);
  if (!followUp.consentRenewalDue) return null;
  return (
    <div className="pkt-alert pkt-alert--warning stack" data-testid="consent-renewal">
      <p>{t('followUp.renewalDue', { date: formatDate(followUp.consentExpiresAt) })}</p>
      {canRenew ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (expiresOn) void renew.run({ id: followUp.id, version: followUp.version, expiresOn });
          }}
        >
          <label className="field" htmlFor="renew-expires">
            {t('followUp.renewUntil')}
            <input id="renew-expires" type="date" required value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
          </label>
          <button type="submit" className="pkt-btn pkt-btn--primary pkt-btn--small" disabled={renew.busy}>
            {t('followUp.renew')}
          </button>
        </form>
      ) : (
        <p>{t('followUp.renewByShelter')}</p>
      )}
      <FollowUpProblems
        conflict={renew.conflict}
        message={renew.message}
        onReload={() => {
          renew.clearConflict();
          onChanged();
        }}
      />
    </div>
  );
}
