import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { graphql } from '../../gql';
import { formatDate } from '../../lib/format';

const FollowUpsQuery = graphql(`
  query FollowUps {
    followUps(first: 100) {
      totalCount
      nodes {
        id
        stage
        startedAt
        matchedOn
        volunteerReference
        nextCheckInOn
        commitmentEndsOn
        endedOn
        endReason
        consentRenewalDue
      }
    }
    referrals(first: 100, statuses: [IN_FOLLOW_UP, COMPLETED, NOT_COMPLETED]) {
      nodes {
        id
        pseudonymousReference
        followUp {
          id
        }
      }
    }
  }
`);

/** The organisation's follow-ups (Ressursvenn matches, helpers after the shelter), newest first. */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  usePageTitle('followUp.listTitle');
  const [{ data, fetching, error }] = useQuery({ query: FollowUpsQuery, requestPolicy: 'cache-and-network' });
  const rows = data?.followUps.nodes ?? [];
  // A follow-up names no referral; the referral names its (latest) follow-up.
  const referralOf = new Map((data?.referrals.nodes ?? []).filter((r) => r.followUp).map((r) => [r.followUp!.id, r]));
  return (
    <section className="stack">
      <h1>{t('followUp.listTitle')}</h1>
      <p className="lead">{t('followUp.listLead')}</p>
      {fetching && !data && <p aria-busy="true">{t('common.loading')}</p>}
      {error && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          {t('common.error')}
        </div>
      )}
      {data && rows.length === 0 && <p>{t('followUp.none')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('followUp.started')}</th>
                <th scope="col">{t('followUp.referral')}</th>
                <th scope="col">{t('followUp.stage')}</th>
                <th scope="col">{t('followUp.volunteer')}</th>
                <th scope="col">{t('followUp.nextCheckIn')}</th>
                <th scope="col">{t('followUp.commitmentEnds')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id} data-testid="follow-up-row">
                  <td>
                    <Link to={`/oppfolging/${f.id}`}>{t('followUp.startedOn', { date: formatDate(f.startedAt) })}</Link>
                  </td>
                  <td>
                    {referralOf.get(f.id) ? (
                      <Link to={`/henvisninger/${referralOf.get(f.id)!.id}`}>{referralOf.get(f.id)!.pseudonymousReference ?? t('followUp.toReferral')}</Link>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>
                    {t(`followUpStage.${f.stage}`)}
                    {f.endReason ? ` (${t(`followUpEndReason.${f.endReason}`)})` : ''}
                    {f.consentRenewalDue && <span className="badge badge--warning">{t('followUp.renewalDueShort')}</span>}
                  </td>
                  <td>{f.volunteerReference ?? '–'}</td>
                  <td>{f.nextCheckInOn ? formatDate(f.nextCheckInOn) : '–'}</td>
                  <td>{f.commitmentEndsOn ? formatDate(f.commitmentEndsOn) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
