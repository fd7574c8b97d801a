import { useTranslation } from 'react-i18next';

/** After this many days without "still valid", an offer is flagged as possibly out of date. */
export const STALE_AFTER_DAYS = 90;

export function Freshness({ days }: { days: number }) {
  const { t } = useTranslation();
  const stale = days > STALE_AFTER_DAYS;
  return (
    <span className={stale ? 'freshness freshness--stale' : 'freshness'}>
      {days === 0 ? t('freshness.verifiedToday') : t('freshness.verifiedDaysAgo', { count: days })}
      {stale && ` – ${t('freshness.stale')}`}
    </span>
  );
}
