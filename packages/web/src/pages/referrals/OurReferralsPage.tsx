import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { graphql } from '../../gql';
import { ReferralList } from './ReferralList';

const OurReferralsQuery = graphql(`
  query OurReferrals {
    referrals(first: 100) {
      totalCount
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
        receivingOrganisation {
          name
        }
      }
    }
  }
`);

export default function OurReferralsPage() {
  const { t } = useTranslation();
  usePageTitle('referrals.title');
  const [{ data, fetching, error }] = useQuery({ query: OurReferralsQuery, requestPolicy: 'cache-and-network' });
  return (
    <section className="stack">
      <h1>{t('referrals.title')}</h1>
      {fetching && !data && <p aria-busy="true">{t('common.loading')}</p>}
      {error && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          {t('common.error')}
        </div>
      )}
      {data && (
        <ReferralList counterpartLabel={t('referral.to')} rows={data.referrals.nodes.map((r) => ({ ...r, counterpart: r.receivingOrganisation.name }))} />
      )}
    </section>
  );
}
