import { useTranslation } from 'react-i18next';

import type { VerificationState } from '../../gql/graphql';

/**
 * How long ago the organisation confirmed an offer, and the server's verdict on it
 * (`verificationState`: FRESH, DUE for re-verification, or STALE; the thresholds are the API's).
 */
export function Freshness({ days, state }: { days: number; state: VerificationState }) {
  const { t } = useTranslation();
  return (
    <span className={`freshness freshness--${state.toLowerCase()}`} data-verification={state}>
      {days === 0 ? t('freshness.verifiedToday') : t('freshness.verifiedDaysAgo', { count: days })}
      {state !== 'FRESH' && ` – ${t(`freshness.state.${state}`)}`}
    </span>
  );
}
