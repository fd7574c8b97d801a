import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { graphql } from '../../gql';
import type { CheckInOutcome, FollowUpEndReason } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { FollowUpProblems } from './FollowUpProblems';
import { RenewConsent } from './RenewConsent';
import { useFollowUpMutation } from './useFollowUpMutation';

const FollowUpQuery = graphql(`
  query FollowUpPage($id: ID!) {
    followUp(id: $id) {
      id
      version
      stage
      afterLeavingShelter
      commitmentMonths
      requiresVolunteerCourse
      womenOnlyVolunteers
      startedAt
      matchedOn
      volunteerReference
      courseConfirmed
      womenOnlyConfirmed
      commitmentEndsOn
      nextCheckInOn
      checkIns {
        id
        plannedOn
        outcome
        recordedOn
        note
      }
      notes
      endedOn
      endReason
      continuesId
      consentExpiresAt
      consentRenewalDue
      allowedActions
    }
  }
`);

const MatchMutation = graphql(`
  mutation MatchFollowUp($id: ID!, $input: MatchFollowUpInput!) {
    matchFollowUp(id: $id, input: $input) {
      id
      version
      stage
    }
  }
`);
const PlanMutation = graphql(`
  mutation PlanFollowUpCheckIn($id: ID!, $version: Int!, $plannedOn: String!) {
    planFollowUpCheckIn(id: $id, version: $version, plannedOn: $plannedOn) {
      id
      version
      nextCheckInOn
    }
  }
`);
const RecordMutation = graphql(`
  mutation RecordFollowUpCheckIn($checkInId: ID!, $input: RecordFollowUpCheckInInput!) {
    recordFollowUpCheckIn(checkInId: $checkInId, input: $input) {
      id
      version
      nextCheckInOn
    }
  }
`);
const EndMutation = graphql(`
  mutation EndFollowUp($id: ID!, $input: EndFollowUpInput!) {
    endFollowUp(id: $id, input: $input) {
      id
      version
      stage
    }
  }
`);

const END_REASONS: FollowUpEndReason[] = ['GOAL_REACHED', 'MOVED', 'ENDED_BY_WOMAN', 'VOLUNTEER_STOPPED', 'REMATCHED'];
/** VOLUNTEER_STOPPED and REMATCHED only once a volunteer is matched (the API refuses them before). */
const NEEDS_MATCH: FollowUpEndReason[] = ['VOLUNTEER_STOPPED', 'REMATCHED'];

/** One follow-up, for the organisation that runs it: the facts, the check-ins, and what `allowedActions` offers. */
export default function FollowUpPage() {
  const { t } = useTranslation();
  usePageTitle('followUp.title');
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: FollowUpQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <p aria-busy="true">{t('common.loading')}</p>;
  const f = data?.followUp;
  if (error || !f) return <h1>{t('common.notFound')}</h1>;
  const can = (action: string) => f.allowedActions.includes(action as never);
  const planned = (f.checkIns ?? []).filter((c) => !c.outcome);
  return (
    <article className="stack">
      <Link to="/oppfolging">{t('followUp.backToList')}</Link>
      <h1>{t('followUp.heading', { date: formatDate(f.startedAt) })}</h1>
      <RenewConsent followUp={f} canRenew={can('RENEW_CONSENT')} onChanged={reload} />
      <dl className="facts">
        <dt>{t('followUp.stage')}</dt>
        <dd data-testid="follow-up-stage">
          {t(`followUpStage.${f.stage}`)}
          {f.endReason ? ` (${t(`followUpEndReason.${f.endReason}`)})` : ''}
        </dd>
        {f.commitmentMonths != null && (
          <>
            <dt>{t('followUp.commitment')}</dt>
            <dd>{t('followUp.months', { count: f.commitmentMonths })}</dd>
          </>
        )}
        <dt>{t('followUp.afterShelter')}</dt>
        <dd>{f.afterLeavingShelter ? t('followUp.yes') : t('followUp.no')}</dd>
        {f.matchedOn && (
          <>
            <dt>{t('followUp.matchedOn')}</dt>
            <dd>{formatDate(f.matchedOn)}</dd>
          </>
        )}
        {f.volunteerReference && (
          <>
            <dt>{t('followUp.volunteer')}</dt>
            <dd>{f.volunteerReference}</dd>
          </>
        )}
        {f.commitmentEndsOn && (
          <>
            <dt>{t('followUp.commitmentEnds')}</dt>
            <dd>{formatDate(f.commitmentEndsOn)}</dd>
          </>
        )}
        <dt>{t('followUp.nextCheckIn')}</dt>
        <dd data-testid="follow-up-next">{f.nextCheckInOn ? formatDate(f.nextCheckInOn) : '–'}</dd>
        {f.consentExpiresAt && (
          <>
            <dt>{t('followUp.consentUntil')}</dt>
            <dd>{formatDate(f.consentExpiresAt)}</dd>
          </>
        )}
        {f.endedOn && (
          <>
            <dt>{t('followUp.endedOn')}</dt>
            <dd>{formatDate(f.endedOn)}</dd>
          </>
        )}
        {f.notes && (
          <>
            <dt>{t('followUp.notes')}</dt>
            <dd>{f.notes}</dd>
          </>
        )}
      </dl>
      <h2>{t('followUp.checkIns')}</h2>
      {(f.checkIns ?? []).length === 0 ? (
        <p>{t('followUp.noCheckIns')}</p>
      ) : (
        <ul data-testid="check-ins">
          {(f.checkIns ?? []).map((c) => (
            <li key={c.id}>
              {formatDate(c.plannedOn)}: {c.outcome ? t(`checkInOutcome.${c.outcome}`) : t('followUp.planned')}
              {c.recordedOn && c.outcome ? ` (${formatDate(c.recordedOn)})` : ''}
              {c.note ? ` – ${c.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      {f.allowedActions.length > 0 && <h2>{t('referral.actions')}</h2>}
      {can('MATCH') && <MatchForm followUp={f} onChanged={reload} />}
      {can('PLAN_CHECK_IN') && <PlanForm followUp={f} onChanged={reload} />}
      {can('RECORD_CHECK_IN') && planned.length > 0 && <RecordForm followUp={f} planned={planned} onChanged={reload} />}
      {can('END') && <EndForm followUp={f} onChanged={reload} />}
    </article>
  );
}

interface FormProps {
  followUp: { id: string; version: number; requiresVolunteerCourse: boolean; womenOnlyVolunteers: boolean; stage: string };
  onChanged: () => void;
}

function MatchForm({ followUp, onChanged }: FormProps) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [matchedOn, setMatchedOn] = useState('');
  const [course, setCourse] = useState(false);
  const [women, setWomen] = useState(false);
  const match = useFollowUpMutation(MatchMutation, onChanged);
  const ready = reference.trim() !== '' && (!followUp.requiresVolunteerCourse || course) && (!followUp.womenOnlyVolunteers || women);
  return (
    <form
      className="form-grid"
      aria-labelledby="match-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        void match.run({
          id: followUp.id,
          input: {
            version: followUp.version,
            volunteerReference: reference.trim(),
            matchedOn: matchedOn || null,
            courseConfirmed: course,
            womenOnlyConfirmed: women,
          },
        });
      }}
    >
      <h3 id="match-heading">{t('followUp.match')}</h3>
      <label className="field" htmlFor="match-reference">
        {t('followUp.volunteerReference')}
        <span className="hint" id="match-reference-hint">
          {t('followUp.volunteerReferenceHint')}
        </span>
        <input
          id="match-reference"
          aria-describedby="match-reference-hint"
          required
          maxLength={40}
          autoComplete="off"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </label>
      <label className="field" htmlFor="match-date">
        {t('followUp.matchedOn')}
        <span className="hint">{t('followUp.blankIsToday')}</span>
        <input id="match-date" type="date" value={matchedOn} onChange={(e) => setMatchedOn(e.target.value)} />
      </label>
      {followUp.requiresVolunteerCourse && (
        <label className="check">
          <input type="checkbox" checked={course} onChange={(e) => setCourse(e.target.checked)} /> {t('followUp.courseConfirmed')}
        </label>
      )}
      {followUp.womenOnlyVolunteers && (
        <label className="check">
          <input type="checkbox" checked={women} onChange={(e) => setWomen(e.target.checked)} /> {t('followUp.womenOnlyConfirmed')}
        </label>
      )}
      <div>
        <button type="submit" className="pkt-btn pkt-btn--primary pkt-btn--small" disabled={match.busy || !ready}>
          {t('followUp.matchSubmit')}
        </button>
      </div>
      <FollowUpProblems conflict={match.conflict} message={match.message} onReload={() => (match.clearConflict(), onChanged())} />
    </form>
  );
}

function PlanForm({ followUp, onChanged }: FormProps) {
  const { t } = useTranslation();
  const [plannedOn, setPlannedOn] = useState('');
  const plan = useFollowUpMutation(PlanMutation, () => {
    setPlannedOn('');
    onChanged();
  });
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (plannedOn) void plan.run({ id: followUp.id, version: followUp.version, plannedOn });
      }}
    >
      <label className="field" htmlFor="plan-date">
        {t('followUp.planOn')}
        <input id="plan-date" type="date" required value={plannedOn} onChange={(e) => setPlannedOn(e.target.value)} />
      </label>
      <button type="submit" className="pkt-btn pkt-btn--secondary pkt-btn--small" disabled={plan.busy}>
        {t('followUp.plan')}
      </button>
      <FollowUpProblems conflict={plan.conflict} message={plan.message} onReload={() => (plan.clearConflict(), onChanged())} />
    </form>
  );
}

function RecordForm({ followUp, planned, onChanged }: FormProps & { planned: Array<{ id: string; plannedOn: string }> }) {
  const { t } = useTranslation();
  const [checkInId, setCheckInId] = useState(planned[0]!.id);
  const [outcome, setOutcome] = useState<CheckInOutcome>('DONE');
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const chosen = planned.some((c) => c.id === checkInId) ? checkInId : planned[0]!.id;
  const record = useFollowUpMutation(RecordMutation, () => {
    setNote('');
    onChanged();
  });
  return (
    <form
      className="form-grid"
      aria-labelledby="record-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void record.run({ checkInId: chosen, input: { version: followUp.version, outcome, on: on || null, note: note.trim() || null } });
      }}
    >
      <h3 id="record-heading">{t('followUp.record')}</h3>
      <label className="field" htmlFor="record-which">
        {t('followUp.whichCheckIn')}
        <select id="record-which" value={chosen} onChange={(e) => setCheckInId(e.target.value)}>
          {planned.map((c) => (
            <option key={c.id} value={c.id}>
              {formatDate(c.plannedOn)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('followUp.outcome')}</legend>
        {(['DONE', 'MISSED'] as const).map((o) => (
          <label key={o} className="check">
            <input type="radio" name="record-outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} /> {t(`checkInOutcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <label className="field" htmlFor="record-on">
        {t('followUp.recordedOn')}
        <span className="hint">{t('followUp.blankIsToday')}</span>
        <input id="record-on" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      </label>
      <label className="field" htmlFor="record-note">
        {t('followUp.note')}
        <span className="hint">{t('followUp.noteHint')}</span>
        <textarea id="record-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div>
        <button type="submit" className="pkt-btn pkt-btn--primary pkt-btn--small" disabled={record.busy}>
          {t('followUp.recordSubmit')}
        </button>
      </div>
      <FollowUpProblems conflict={record.conflict} message={record.message} onReload={() => (record.clearConflict(), onChanged())} />
    </form>
  );
}

function EndForm({ followUp, onChanged }: FormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<FollowUpEndReason | ''>('');
  const [endedOn, setEndedOn] = useState('');
  const [notes, setNotes] = useState('');
  const end = useFollowUpMutation(EndMutation, onChanged);
  const reasons = END_REASONS.filter((r) => followUp.stage === 'MATCHED' || !NEEDS_MATCH.includes(r));
  return (
    <form
      className="form-grid"
      aria-labelledby="end-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) void end.run({ id: followUp.id, input: { version: followUp.version, reason, endedOn: endedOn || null, notes: notes.trim() || null } });
      }}
    >
      <h3 id="end-heading">{t('followUp.end')}</h3>
      <label className="field" htmlFor="end-reason">
        {t('followUp.endReason')}
        <select id="end-reason" required value={reason} onChange={(e) => setReason(e.target.value as FollowUpEndReason)}>
          <option value="">{t('referral.chooseReason')}</option>
          {reasons.map((r) => (
            <option key={r} value={r}>
              {t(`followUpEndReason.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor="end-date">
        {t('followUp.endedOn')}
        <span className="hint">{t('followUp.blankIsToday')}</span>
        <input id="end-date" type="date" value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />
      </label>
      <label className="field" htmlFor="end-notes">
        {t('followUp.notes')}
        <span className="hint">{t('followUp.noteHint')}</span>
        <textarea id="end-notes" maxLength={1000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <div>
        <button type="submit" className="pkt-btn pkt-btn--secondary pkt-btn--small" disabled={end.busy || !reason}>
          {t('followUp.endSubmit')}
        </button>
      </div>
      <FollowUpProblems conflict={end.conflict} message={end.message} onReload={() => (end.clearConflict(), onChanged())} />
    </form>
  );
}
