import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { usePageTitle } from '../../app/usePageTitle';
import { ShowMore } from '../../features/paging/ShowMore';
import { useShowMore } from '../../features/paging/useShowMore';
import { useDebounced } from '../../features/search/useDebounced';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';

const AuditLogQuery = graphql(`
  query AuditLog($referralId: ID, $first: Int!, $after: String) {
    auditLog(first: $first, referralId: $referralId, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        at
        actorSubject
        actorRole
        actorOrganisationId
        operation
        referralId
      }
    }
  }
`);

/** Entries per page ("show more" asks for the next). */
const PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who did what to which referral, newest first; filtered by referral (server) and by role or operation. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  usePageTitle('audit.title');
  const [referralId, setReferralId] = useState('');
  const [role, setRole] = useState('');
  const [operation, setOperation] = useState('');
  const settledId = useDebounced(referralId.trim());
  const log = useShowMore(AuditLogQuery, { referralId: UUID.test(settledId) ? settledId : null, first: PAGE_SIZE, after: null }, (d) => d.auditLog);
  const { data, error } = log;
  // Role and operation narrow the entries loaded so far; "show more" loads the next page of the log.
  const nodes = useMemo(
    () => log.nodes.filter((n) => (!role || n.actorRole === role) && (!operation || n.operation.toLowerCase().includes(operation.toLowerCase()))),
    [log.nodes, role, operation],
  );
  return (
    <section className="stack">
      <h1>{t('audit.title')}</h1>
      <div className="filters">
        <label className="field" htmlFor="audit-referral">
          {t('audit.referralId')}
          <input id="audit-referral" value={referralId} autoComplete="off" onChange={(e) => setReferralId(e.target.value)} />
        </label>
        <label className="field">
          {t('audit.role')}
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('search.any')}</option>
            {['SHELTER_STAFF', 'ORG_EDITOR', 'BYDEL_INTEGRATOR', 'PLATFORM_ADMIN', 'SYSTEM'].map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor="audit-operation">
          {t('audit.operation')}
          <input id="audit-operation" value={operation} onChange={(e) => setOperation(e.target.value)} />
        </label>
      </div>
      {error && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          {t('common.error')}
        </div>
      )}
      <p role="status">{data ? t('audit.count', { count: nodes.length, total: log.totalCount }) : ''}</p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.role')}</th>
              <th scope="col">{t('audit.operation')}</th>
              <th scope="col">{t('audit.referral')}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.id}>
                <td>{formatDateTime(n.at)}</td>
                <td>{n.actorSubject}</td>
                <td>{t(`role.${n.actorRole}`, { defaultValue: n.actorRole })}</td>
                <td>{n.operation}</td>
                <td>{n.referralId ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowMore hasMore={log.hasMore} loading={log.loadingMore} error={log.moreError} onMore={() => void log.showMore()} />
    </section>
  );
}
