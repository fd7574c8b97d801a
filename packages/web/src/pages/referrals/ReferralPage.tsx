import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { graphql } from '../../gql';
import { formatDate, formatDateTime } from '../../lib/format';
import { useUser } from '../../session/SessionProvider';
import { ReferralFollowUp } from '../followups/ReferralFollowUp';
import { RedirectReferral } from './RedirectReferral';
import { ReferralActions } from './ReferralActions';

const ReferralQuery = graphql(`
  query ReferralPage($id: ID!) {
    referral(id: $id) {
      id
      status
      version
      allowedActions
      pseudonymousReference
      ageGroup
      languages
      interpreterNeeded
      childrenCount
      childrenAges
      pets {
        species
        count
      }
      needDescription
      personalDataErased
      sentAt
      answerDeadline
      closedAt
      closeReason
      redirectedToId
      redirectedFromId
      consent {
        givenAt
        scope
        expiresAt
        withdrawnAt
        followUpAfterLeavingShelter
      }
      activity {
        id
        title
        category
      }
      followUp {
        id
        version
        stage
        nextCheckInOn
        commitmentEndsOn
        consentExpiresAt
        consentRenewalDue
        allowedActions
      }
      petCareOffer {
        id
        title
      }
      sendingShelter {
        name
      }
      receivingOrganisation {
        name
      }
      statusHistory {
        from
        to
        at
        actorRole
        reason
      }
    }
  }
`);

/** One referral, for the sending shelter's staff or the receiving organisation's editors. */
export default function ReferralPage() {
  const { t } = useTranslation();
  usePageTitle('referral.title');
  const { id = '' } = useParams();
  const user = useUser();
  const location = useLocation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ReferralQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <p aria-busy="true">{t('common.loading')}</p>;
  const r = data?.referral;
  if (error || !r) return <h1>{t('common.notFound')}</h1>;
  const isStaff = user?.role === 'SHELTER_STAFF';
  const open = !['COMPLETED', 'NOT_COMPLETED', 'CANCELLED', 'EXPIRED', 'REDIRECTED', 'DECLINED'].includes(r.status);
  const title = r.activity?.title ?? r.petCareOffer?.title ?? t('referral.unknownOffer');
  return (
    <article className="stack">
      <Link to={isStaff ? '/henvisninger' : '/innboks'}>{isStaff ? t('referral.backToList') : t('referral.backToInbox')}</Link>
      <h1>{t('referral.heading', { title })}</h1>
      {(location.state as { justSent?: boolean } | null)?.justSent && (
        <div className="pkt-alert pkt-alert--success" role="status">
          {t('refer.sent')}
        </div>
      )}
      <dl className="facts">
        <dt>{t('referral.status')}</dt>
        <dd data-testid="referral-status">{t(`status.${r.status}`)}</dd>
        <dt>{isStaff ? t('referral.to') : t('referral.from')}</dt>
        <dd>{isStaff ? r.receivingOrganisation.name : r.sendingShelter.name}</dd>
        {r.sentAt && (
          <>
            <dt>{t('referral.sentAt')}</dt>
            <dd>{formatDateTime(r.sentAt)}</dd>
          </>
        )}
        {r.answerDeadline && open && (
          <>
            <dt>{t('referral.deadline')}</dt>
            <dd>{formatDateTime(r.answerDeadline)}</dd>
          </>
        )}
        {r.closeReason && (
          <>
            <dt>{t('referral.closeReason')}</dt>
            <dd>{t(`reason.${r.closeReason}`)}</dd>
          </>
        )}
      </dl>
      <h2>{t('referral.details')}</h2>
      {r.personalDataErased ? (
        <p>{t('referral.erased')}</p>
      ) : (
        <dl className="facts">
          {r.pseudonymousReference && (
            <>
              <dt>{t('refer.reference')}</dt>
              <dd>{r.pseudonymousReference}</dd>
            </>
          )}
          {r.ageGroup && (
            <>
              <dt>{t('refer.ageGroup')}</dt>
              <dd>{t(`ageGroup.${r.ageGroup}`)}</dd>
            </>
          )}
          {r.languages && r.languages.length > 0 && (
            <>
              <dt>{t('refer.languages')}</dt>
              <dd>
                {r.languages.map((l) => t(`language.${l}`, { defaultValue: l })).join(', ')}
                {r.interpreterNeeded ? ` (${t('refer.interpreter')})` : ''}
              </dd>
            </>
          )}
          {r.childrenAges && r.childrenAges.length > 0 && (
            <>
              <dt>{t('refer.childrenAges')}</dt>
              <dd>{r.childrenAges.join(', ')}</dd>
            </>
          )}
          {r.pets && r.pets.length > 0 && (
            <>
              <dt>{t('refer.pets')}</dt>
              <dd>{r.pets.map((p) => `${p.count} × ${t(`species.${p.species}`)}`).join(', ')}</dd>
            </>
          )}
          {r.needDescription && (
            <>
              <dt>{t('refer.need')}</dt>
              <dd>{r.needDescription}</dd>
            </>
          )}
          {r.consent && (
            <>
              <dt>{t('refer.consent')}</dt>
              <dd>
                {r.consent.withdrawnAt
                  ? t('referral.consentWithdrawn', { date: formatDate(r.consent.withdrawnAt) })
                  : t('referral.consentUntil', {
                      date: formatDate(r.consent.expiresAt),
                      fields: r.consent.scope.map((f) => t(`consentField.${f}`)).join(', '),
                    })}
              </dd>
            </>
          )}
        </dl>
      )}
      <h2>{t('referral.actions')}</h2>
      <ReferralActions
        referral={r}
        canWithdrawConsent={isStaff && open && !!r.consent && !r.consent.withdrawnAt && !r.personalDataErased}
        onChanged={() => refetch({ requestPolicy: 'network-only' })}
      />
      <ReferralFollowUp
        referral={r}
        followUp={r.followUp}
        isEditor={user?.role === 'ORG_EDITOR'}
        onChanged={() => refetch({ requestPolicy: 'network-only' })}
      />
      {isStaff && r.status === 'DECLINED' && !r.redirectedToId && <RedirectReferral referral={r} />}
      <h2>{t('referral.history')}</h2>
      <ol>
        {r.statusHistory.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at)}: {h.from ? `${t(`status.${h.from}`)} → ` : ''}
            {t(`status.${h.to}`)} ({t(`role.${h.actorRole}`, { defaultValue: h.actorRole })}){h.reason ? `, ${t(`reason.${h.reason}`)}` : ''}
          </li>
        ))}
      </ol>
    </article>
  );
}
