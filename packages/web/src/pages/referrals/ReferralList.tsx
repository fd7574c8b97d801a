import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import type { ReferralStatus } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

export interface ReferralRow {
  id: string;
  status: ReferralStatus;
  sentAt?: string | null;
  answerDeadline?: string | null;
  activity?: { title: string } | null;
  petCareOffer?: { title: string } | null;
  counterpart: string;
}

/** Referrals as a table: what, with whom, status, answer deadline. */
export function ReferralList({ rows, counterpartLabel }: { rows: ReferralRow[]; counterpartLabel: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p>{t('referral.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('referral.offer')}</th>
            <th scope="col">{counterpartLabel}</th>
            <th scope="col">{t('referral.status')}</th>
            <th scope="col">{t('referral.sentAt')}</th>
            <th scope="col">{t('referral.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/henvisninger/${r.id}`}>{r.activity?.title ?? r.petCareOffer?.title ?? t('referral.unknownOffer')}</Link>
              </td>
              <td>{r.counterpart}</td>
              <td>{t(`status.${r.status}`)}</td>
              <td>{formatDateTime(r.sentAt)}</td>
              <td>{formatDateTime(r.answerDeadline)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
