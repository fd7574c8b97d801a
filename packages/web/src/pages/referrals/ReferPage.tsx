import { type FormEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { forbiddenContent } from '../../features/pii/forbidden-content';
import { AGE_GROUPS, CONSENT_FIELDS, LANGUAGE_CODES, PET_SPECIES } from '../../features/search/options';
import { graphql } from '../../gql';
import type { AgeGroup, ConsentField, CreateReferralInput, PetSpecies } from '../../gql/graphql';
import { fieldName, fieldProblem, problemsOf, type ServerProblem } from '../../lib/errors';
import { addDays, osloToday } from '../../lib/format';
import { useIdempotencyKey } from '../../session/idempotency';

const ReferTargetQuery = graphql(`
  query ReferTarget($id: ID!, $activity: Boolean!) {
    activity(id: $id) @include(if: $activity) {
      id
      title
      organisation {
        name
      }
    }
    petCareOffer(id: $id) @skip(if: $activity) {
      id
      title
      organisation {
        name
      }
    }
  }
`);

const CreateReferralMutation = graphql(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
      version
      status
    }
  }
`);

export const TransitionReferralMutation = graphql(`
  mutation TransitionReferral($id: ID!, $version: Int!, $action: ReferralAction!, $reason: ReasonCode) {
    transitionReferral(id: $id, version: $version, action: $action, reason: $reason) {
      id
      version
      status
      allowedActions
    }
  }
`);

const NEED_MAX = 500;

/**
 * The referral form. Its draft lives in this component's state only: nothing about the resident is
 * written to storage, the URL or the title, so a closed tab leaves nothing behind.
 */
export default function ReferPage() {
  const { t } = useTranslation();
  usePageTitle('refer.title');
  const { kind = 'aktivitet', id = '' } = useParams();
  const isActivity = kind === 'aktivitet';
  const navigate = useNavigate();
  const [{ data: target }] = useQuery({ query: ReferTargetQuery, variables: { id, activity: isActivity } });
  const [, createReferral] = useMutation(CreateReferralMutation);
  // A submit sent again after a lost answer must not refer her twice.
  const idempotencyKey = useIdempotencyKey();
  const [, transition] = useMutation(TransitionReferralMutation);

  const today = osloToday();
  const [reference, setReference] = useState('');
  const [ageGroup, setAgeGroup] = useState('');
  const [languages, setLanguages] = useState<string[]>([]);
  const [interpreter, setInterpreter] = useState(false);
  const [childrenAges, setChildrenAges] = useState('');
  const [pets, setPets] = useState<Partial<Record<PetSpecies, number>>>({});
  const [need, setNeed] = useState('');
  const [scope, setScope] = useState<ConsentField[]>([]);
  const [expiresOn, setExpiresOn] = useState(addDays(today, 30));
  const [problems, setProblems] = useState<ServerProblem[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const errorSummary = useRef<HTMLDivElement>(null);

  const piiFound = useMemo(() => forbiddenContent(need), [need]);
  const piiInReference = useMemo(() => forbiddenContent(reference), [reference]);
  const piiWarning = (found: string[]) => (found.length > 0 ? t('refer.piiWarning', { kinds: found.map((k) => t(`pii.${k}`)).join(', ') }) : null);
  const offer = isActivity ? target?.activity : target?.petCareOffer;

  function errorFor(field: string): string | null {
    const server = fieldProblem(problems, field);
    // The refusal of personal data gets its own words (the server's text tells it apart; it is never shown).
    const pii = problems.some((p) => p.field !== null && fieldName(p.field) === field && /must not contain/.test(p.serverMessage));
    if (pii) return t('refer.piiRefused');
    return localErrors[field] ?? server;
  }

  function toggle<T>(list: T[], value: T, on: boolean): T[] {
    return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    const ages = childrenAges
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((a) => Number(a));
    if (ages.some((a) => !Number.isInteger(a) || a < 0 || a > 17)) local.childrenAges = t('refer.childrenAgesInvalid');
    if (scope.length === 0) local.scope = t('refer.scopeRequired');
    if (!expiresOn) local.expiresOn = t('refer.expiresRequired');
    setLocalErrors(local);
    setProblems([]);
    if (Object.keys(local).length > 0) {
      errorSummary.current?.focus();
      return;
    }
    const input: CreateReferralInput = {
      ...(isActivity ? { activityId: id } : { petCareOfferId: id }),
      pseudonymousReference: reference.trim() || undefined,
      ageGroup: (ageGroup || undefined) as AgeGroup | undefined,
      languages: languages.length ? languages : undefined,
      interpreterNeeded: interpreter,
      childrenAges: ages.length ? ages : undefined,
      pets: Object.entries(pets)
        .filter(([, count]) => (count ?? 0) > 0)
        .map(([species, count]) => ({ species: species as PetSpecies, count: count ?? 0 })),
      needDescription: need.trim() || undefined,
      consent: { scope, expiresOn },
    };
    setBusy(true);
    const created = await createReferral({ input }, { idempotencyKey });
    if (created.error || !created.data) {
      setBusy(false);
      setProblems(problemsOf(created.error, t));
      window.setTimeout(() => errorSummary.current?.focus(), 0);
      return;
    }
    const draft = created.data.createReferral;
    const sent = await transition({ id: draft.id, version: draft.version, action: 'SEND', reason: null });
    setBusy(false);
    if (sent.error) {
      setProblems(problemsOf(sent.error, t));
      window.setTimeout(() => errorSummary.current?.focus(), 0);
      return;
    }
    navigate(`/henvisninger/${draft.id}`, { state: { justSent: true } });
  }

  const allErrors = [
    ...Object.values(localErrors),
    ...problems.map((p) => (p.field && /must not contain/.test(p.serverMessage) ? t('refer.piiRefused') : p.message)),
  ];
  return (
    <section className="stack">
      <h1>{t('refer.title')}</h1>
      {offer && <p>{t('refer.to', { title: offer.title, organisation: offer.organisation.name })}</p>}
      <p>{t('refer.draftInMemory')}</p>
      <div ref={errorSummary} tabIndex={-1} role="alert" aria-live="assertive">
        {allErrors.length > 0 && (
          <div className="pkt-alert pkt-alert--error">
            <p>{t('refer.fixErrors')}</p>
            <ul>
              {allErrors.map((message, i) => (
                <li key={i}>{message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id="ref-reference"
          label={t('refer.reference')}
          hint={t('refer.referenceHint')}
          error={errorFor('pseudonymousReference')}
          warning={piiWarning(piiInReference)}
        >
          {(props) => <input {...props} value={reference} maxLength={40} autoComplete="off" onChange={(e) => setReference(e.target.value)} />}
        </Field>
        <Field id="ref-age" label={t('refer.ageGroup')} error={errorFor('ageGroup')}>
          {(props) => (
            <select {...props} value={ageGroup} onChange={(e) => setAgeGroup(e.target.value)}>
              <option value="">{t('refer.notGiven')}</option>
              {AGE_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`ageGroup.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('refer.languages')}</legend>
          <div className="filters">
            {LANGUAGE_CODES.map((code) => (
              <label key={code} className="check">
                <input type="checkbox" checked={languages.includes(code)} onChange={(e) => setLanguages(toggle(languages, code, e.target.checked))} />
                {t(`language.${code}`)}
              </label>
            ))}
          </div>
          <label className="check">
            <input type="checkbox" checked={interpreter} onChange={(e) => setInterpreter(e.target.checked)} />
            {t('refer.interpreter')}
          </label>
        </fieldset>
        <Field id="ref-children" label={t('refer.childrenAges')} hint={t('refer.childrenAgesHint')} error={errorFor('childrenAges')}>
          {(props) => <input {...props} value={childrenAges} inputMode="numeric" autoComplete="off" onChange={(e) => setChildrenAges(e.target.value)} />}
        </Field>
        <fieldset>
          <legend>{t('refer.pets')}</legend>
          <div className="filters">
            {PET_SPECIES.map((s) => (
              <label key={s} className="field">
                {t(`species.${s}`)}
                <input
                  type="number"
                  min={0}
                  max={10}
                  inputMode="numeric"
                  value={pets[s] ?? 0}
                  onChange={(e) => setPets({ ...pets, [s]: Math.max(0, Number.parseInt(e.target.value || '0', 10) || 0) })}
                />
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          id="ref-need"
          label={t('refer.need')}
          hint={t('refer.needHint', { max: NEED_MAX })}
          error={errorFor('needDescription')}
          warning={piiWarning(piiFound)}
        >
          {(props) => <textarea {...props} rows={5} maxLength={NEED_MAX} value={need} onChange={(e) => setNeed(e.target.value)} />}
        </Field>
        <fieldset aria-describedby={errorFor('scope') ? 'ref-scope-error' : undefined}>
          <legend>{t('refer.consent')}</legend>
          <p>{t('refer.consentHint')}</p>
          {CONSENT_FIELDS.map((f) => (
            <label key={f} className="check">
              <input type="checkbox" checked={scope.includes(f)} onChange={(e) => setScope(toggle(scope, f, e.target.checked))} />
              {t(`consentField.${f}`)}
            </label>
          ))}
          {errorFor('scope') && (
            <p id="ref-scope-error" className="field-error">
              {errorFor('scope')}
            </p>
          )}
          <div className="actions">
            <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small" onClick={() => setScope([...CONSENT_FIELDS])}>
              {t('refer.consentAll')}
            </button>
          </div>
        </fieldset>
        <Field id="ref-expires" label={t('refer.expiresOn')} error={errorFor('expiresOn')}>
          {(props) => <input {...props} type="date" min={today} max={addDays(today, 365)} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="pkt-btn pkt-btn--primary" disabled={busy}>
            {t('refer.send')}
          </button>
        </div>
      </form>
    </section>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
  warning?: string | null;
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control whose hint, warning and server error are read out with it. */
function Field({ id, label, hint, error, warning, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : null, `${id}-warning`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field-block">
      <label className="field" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      <div id={`${id}-warning`} aria-live="polite">
        {warning && (
          <p className="pii-warning" role="status">
            {warning}
          </p>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
