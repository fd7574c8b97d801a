import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { graphql } from '../../gql';
import type { OrganisationKind, VolunteerRequirement, VolunteerRoutineStatus } from '../../gql/graphql';
import { fieldProblem, firstProblem, isConflict, problemsOf, type ServerProblem } from '../../lib/errors';
import { formatDate, osloToday } from '../../lib/format';

const OrganisationsQuery = graphql(`
  query AdminOrganisations($text: String) {
    organisations(first: 100, filter: { text: $text }) {
      totalCount
      nodes {
        id
        name
        kind
        version
        organisationNumber
        publicPhone
        publicEmail
        meetsVolunteerRequirements
        volunteerRoutines {
          requirement
          status
          confirmedOn
          confirmedBy
          note
        }
      }
    }
  }
`);

const CreateOrganisation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`);

const UpdateOrganisation = graphql(`
  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, input: $input) {
      id
      version
      name
    }
  }
`);

const RecordVolunteerRoutine = graphql(`
  mutation RecordVolunteerRoutine($input: RecordVolunteerRoutineInput!) {
    recordVolunteerRoutine(input: $input) {
      id
      meetsVolunteerRequirements
    }
  }
`);

const KINDS: OrganisationKind[] = ['SHELTER', 'VOLUNTARY_ORGANISATION', 'VOLUNTEER_CENTRE', 'BYDEL_SERVICE', 'ANIMAL_WELFARE', 'SPONSOR'];
const REQUIREMENTS: VolunteerRequirement[] = ['BASIC_TRAINING', 'CONFIDENTIALITY_DECLARATION', 'POLICE_CERTIFICATE'];

/** Platform admins: the organisations of the network, their details and volunteer-routine confirmations. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle('organisations.title');
  const [text, setText] = useState('');
  const [{ data }, refetch] = useQuery({ query: OrganisationsQuery, variables: { text: text.trim() || null } });
  const [, create] = useMutation(CreateOrganisation);
  const [kind, setKind] = useState<OrganisationKind>('VOLUNTARY_ORGANISATION');
  const [name, setName] = useState('');
  const [orgNumber, setOrgNumber] = useState('');
  const [problems, setProblems] = useState<ServerProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ input: { kind, name, organisationNumber: orgNumber || undefined } });
    setProblems(problemsOf(result.error, t));
    if (!result.error) {
      setMessage(t('organisations.created', { name }));
      setName('');
      setOrgNumber('');
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <section className="stack">
      <h1>{t('organisations.title')}</h1>
      <label className="field" htmlFor="org-filter">
        {t('organisations.filter')}
        <input id="org-filter" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div role="status" aria-live="polite">
        {message && <p>{message}</p>}
      </div>
      <ul className="results">
        {data?.organisations.nodes.map((o) => (
          <li key={o.id} className="result stack">
            <h2>{o.name}</h2>
            <p>
              {t(`orgKind.${o.kind}`)}
              {o.organisationNumber ? ` · ${o.organisationNumber}` : ''} ·{' '}
              {o.meetsVolunteerRequirements ? t('organisations.meetsRequirements') : t('organisations.missingRequirements')}
            </p>
            {o.volunteerRoutines.length > 0 && (
              <ul>
                {o.volunteerRoutines.map((r) => (
                  <li key={r.requirement}>
                    {t(`requirement.${r.requirement}`)}: {t(`routineStatus.${r.status}`)},{' '}
                    {t('organisations.confirmedOnBy', { date: formatDate(r.confirmedOn), by: r.confirmedBy })}
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="pkt-btn pkt-btn--tertiary pkt-btn--small"
              aria-expanded={editing === o.id}
              onClick={() => setEditing(editing === o.id ? null : o.id)}
            >
              {t('organisations.edit', { name: o.name })}
            </button>
            {editing === o.id && (
              <>
                <RenameForm organisation={o} onDone={() => refetch({ requestPolicy: 'network-only' })} />
                <RoutineForm organisationId={o.id} onDone={() => refetch({ requestPolicy: 'network-only' })} />
              </>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('organisations.create')}</h2>
      <div role="alert">{problems.some((p) => !p.field) && <div className="pkt-alert pkt-alert--error">{problems.map((p) => p.message).join(' ')}</div>}</div>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label className="field">
          {t('organisations.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as OrganisationKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`orgKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor="org-name">
          {t('organisations.name')}
          <input
            id="org-name"
            value={name}
            required
            onChange={(e) => setName(e.target.value)}
            aria-invalid={fieldProblem(problems, 'name') ? true : undefined}
          />
        </label>
        {fieldProblem(problems, 'name') && <p className="field-error">{fieldProblem(problems, 'name')}</p>}
        <label className="field" htmlFor="org-number">
          {t('organisations.number')}
          <input
            id="org-number"
            value={orgNumber}
            inputMode="numeric"
            onChange={(e) => setOrgNumber(e.target.value)}
            aria-invalid={fieldProblem(problems, 'organisationNumber') ? true : undefined}
            aria-describedby={fieldProblem(problems, 'organisationNumber') ? 'org-number-error' : undefined}
          />
        </label>
        {fieldProblem(problems, 'organisationNumber') && (
          <p id="org-number-error" className="field-error">
            {fieldProblem(problems, 'organisationNumber')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="pkt-btn pkt-btn--primary">
            {t('organisations.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function RenameForm({ organisation, onDone }: { organisation: { id: string; name: string; version: number }; onDone: () => void }) {
  const { t } = useTranslation();
  const [, update] = useMutation(UpdateOrganisation);
  const [name, setName] = useState(organisation.name);
  const [message, setMessage] = useState<string | null>(null);
  const id = `rename-${organisation.id}`;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void update({ id: organisation.id, input: { name, version: organisation.version } }).then((r) => {
          setMessage(r.error ? (isConflict(r.error) ? t('referral.conflict') : firstProblem(r.error, t)) : t('organisations.saved'));
          onDone();
        });
      }}
    >
      <label className="field" htmlFor={id}>
        {t('organisations.name')}
        <input id={id} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="pkt-btn pkt-btn--secondary pkt-btn--small">
        {t('organisations.save')}
      </button>
      <span role="status">{message}</span>
    </form>
  );
}

function RoutineForm({ organisationId, onDone }: { organisationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [, record] = useMutation(RecordVolunteerRoutine);
  const [requirement, setRequirement] = useState<VolunteerRequirement>('BASIC_TRAINING');
  const [status, setStatus] = useState<VolunteerRoutineStatus>('CONFIRMED');
  const [confirmedOn, setConfirmedOn] = useState(osloToday());
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void record({ input: { organisationId, requirement, status, confirmedOn } }).then((r) => {
          setMessage(r.error ? firstProblem(r.error, t) : t('organisations.routineRecorded'));
          onDone();
        });
      }}
    >
      <label className="field">
        {t('organisations.requirement')}
        <select value={requirement} onChange={(e) => setRequirement(e.target.value as VolunteerRequirement)}>
          {REQUIREMENTS.map((r) => (
            <option key={r} value={r}>
              {t(`requirement.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('organisations.routineStatus')}
        <select value={status} onChange={(e) => setStatus(e.target.value as VolunteerRoutineStatus)}>
          <option value="CONFIRMED">{t('routineStatus.CONFIRMED')}</option>
          <option value="NOT_APPLICABLE">{t('routineStatus.NOT_APPLICABLE')}</option>
        </select>
      </label>
      <label className="field">
        {t('organisations.confirmedOn')}
        <input type="date" value={confirmedOn} onChange={(e) => setConfirmedOn(e.target.value)} />
      </label>
      <button type="submit" className="pkt-btn pkt-btn--secondary pkt-btn--small">
        {t('organisations.recordRoutine')}
      </button>
      <span role="status">{message}</span>
    </form>
  );
}
