import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { graphql } from '../../gql';
import type { FollowUpAction, FollowUpStage } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { FollowUpProblems } from './FollowUpProblems';
import { RenewConsent } from './RenewConsent';
import { useFollowUpMutation } from './useFollowUpMutation';

const StartMutation = graphql(`
  mutation StartFollowUp($referralId: ID!, $version: Int!, $afterLeavingShelter: Boolean!) {
    startFollowUp(referralId: $referralId, version: $version, afterLeavingShelter: $afterLeavingShelter) {
      id
      version
      stage
    }
  }
`);

/** Categories whose accepted referrals become follow-ups. */
export const FOLLOW_UP_CATEGORIES = ['MENTORING', 'PRACTICAL_HELP'];

interface Props {
  referral: { id: string; version: number; status: string; activity?: { category: string } | null; consent?: { followUpAfterLeavingShelter: boolean } | null };
  followUp?: {
    id: string;
    version: number;
    stage: FollowUpStage;
    nextCheckInOn?: string | null;
    commitmentEndsOn?: string | null;
    consentExpiresAt?: string | null;
    consentRenewalDue: boolean;
    allowedActions: FollowUpAction[];
  } | null;
  isEditor: boolean;
  onChanged: () => void;
}

/**
 * A referral's follow-up as either side sees it. The sending shelter sees the stage, the
 * commitment's end and the next check-in (the API gives it nothing more: no volunteer, no check-ins,
 * no notes) and renews her consent when prompted. The organisation starts the follow-up from an
 * accepted referral and runs it on its own page.
 */
export function ReferralFollowUp({ referral, followUp, isEditor, onChanged }: Props) {
  const { t } = useTranslation();
  const [afterLeaving, setAfterLeaving] = useState(false);
  const start = useFollowUpMutation(StartMutation, onChanged);
  const canStart =
    isEditor &&
    referral.status === 'ACCEPTED' &&
    !!referral.activity &&
    FOLLOW_UP_CATEGORIES.includes(referral.activity.category) &&
    (!followUp || followUp.stage === 'ENDED');
  if (!followUp && !canStart) return null;
  return (
    <section className="stack" aria-labelledby="referral-follow-up">
      <h2 id="referral-follow-up">{t('followUp.title')}</h2>
      {followUp && (
        <>
          <RenewConsent followUp={followUp} canRenew={followUp.allowedActions.includes('RENEW_CONSENT')} onChanged={onChanged} />
          <dl className="facts">
            <dt>{t('followUp.stage')}</dt>
            <dd data-testid="referral-follow-up-stage">{t(`followUpStage.${followUp.stage}`)}</dd>
            <dt>{t('followUp.nextCheckIn')}</dt>
            <dd data-testid="referral-follow-up-next">{followUp.nextCheckInOn ? formatDate(followUp.nextCheckInOn) : '–'}</dd>
            {followUp.commitmentEndsOn && (
              <>
                <dt>{t('followUp.commitmentEnds')}</dt>
                <dd>{formatDate(followUp.commitmentEndsOn)}</dd>
              </>
            )}
          </dl>
          {isEditor && <Link to={`/oppfolging/${followUp.id}`}>{t('followUp.open')}</Link>}
        </>
      )}
      {canStart && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start.run({ referralId: referral.id, version: referral.version, afterLeavingShelter: afterLeaving });
          }}
        >
          {referral.consent?.followUpAfterLeavingShelter && (
            <label className="check">
              <input type="checkbox" checked={afterLeaving} onChange={(e) => setAfterLeaving(e.target.checked)} /> {t('followUp.afterShelterStart')}
            </label>
          )}
          <button type="submit" className="pkt-btn pkt-btn--primary pkt-btn--small" disabled={start.busy}>
            {t('followUp.start')}
          </button>
          <FollowUpProblems conflict={start.conflict} message={start.message} onReload={() => (start.clearConflict(), onChanged())} />
        </form>
      )}
    </section>
  );
}
