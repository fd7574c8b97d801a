import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { graphql } from '../../gql';
import { ReferralList } from '../referrals/ReferralList';

const InboxQuery = graphql(`
  query Inbox {
    newReferrals: referrals(first: 1, statuses: [SENT]) {
      totalCount
    }
    referrals(first: 100, statuses: [SENT, RECEIVED, ACCEPTED, IN_PROGRESS, ON_HOLD]) {
      nodes {
        id
        status
        sentAt
        answerDeadline
        activity {
          title
        }
        petCareOffer {
          title
        }
        sendingShelter {
          name
        }
      }
    }
  }
`);

/** The organisation's inbox: the new ones counted first, then every open referral. */
export default function InboxPage() {
  const { t } = useTranslation();
  usePageTitle('inbox.title');
  const [{ data, fetching, error }] = useQuery({ query: InboxQuery, requestPolicy: 'cache-and-network' });
  return (
    <section className="stack">
      <h1>{t('inbox.title')}</h1>
      {fetching && !data && <p aria-busy="true">{t('common.loading')}</p>}
      {error && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          {t('common.error')}
        </div>
      )}
      {data && (
        <>
          <p data-testid="inbox-count">
            <span className="badge">{data.newReferrals.totalCount}</span> {t('inbox.newCount', { count: data.newReferrals.totalCount })}
          </p>
          <ReferralList counterpartLabel={t('referral.from')} rows={data.referrals.nodes.map((r) => ({ ...r, counterpart: r.sendingShelter.name }))} />
        </>
      )}
    </section>
  );
}
