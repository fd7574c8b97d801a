import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { useQuery } from 'urql';

import { graphql } from '../gql';
import { formatDateTime } from '../lib/format';

const InboxCountQuery = graphql(`
  query NavInboxCount($organisationId: ID!) {
    referralInbox(organisationId: $organisationId) {
      waiting
      oldestDeadline
    }
  }
`);

/** How many referrals wait for the organisation's answer, next to "Innboks"; refreshed when the page changes. */
export default function InboxCount({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [{ data }, refetch] = useQuery({ query: InboxCountQuery, variables: { organisationId }, requestPolicy: 'cache-and-network' });
  const seen = useRef(location.pathname);
  useEffect(() => {
    if (seen.current === location.pathname) return;
    seen.current = location.pathname;
    refetch({ requestPolicy: 'network-only' });
  }, [location.pathname, refetch]);
  const inbox = data?.referralInbox;
  if (!inbox || inbox.waiting === 0) return null;
  const label = inbox.oldestDeadline
    ? t('nav.inboxWaitingUntil', { count: inbox.waiting, date: formatDateTime(inbox.oldestDeadline) })
    : t('nav.inboxWaiting', { count: inbox.waiting });
  return (
    <>
      {' '}
      <span className="badge" data-testid="nav-inbox-count" aria-hidden="true">
        {inbox.waiting}
      </span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}
