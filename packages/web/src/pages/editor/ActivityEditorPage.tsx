import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { CATEGORIES, WEEKDAYS } from '../../features/search/options';
import { graphql } from '../../gql';
import type { ActivityCategory, CostKind, JoinMode, VenueKind, Weekday } from '../../gql/graphql';
import { fieldProblem, isConflict, problemsOf, type ServerProblem } from '../../lib/errors';
import { rebaseEdits } from '../../lib/rebase-edits';
import { useUser } from '../../session/SessionProvider';

const ActivityEditorQuery = graphql(`
  query ActivityEditor($id: ID!, $organisationId: ID!, $existing: Boolean!) {
    activity(id: $id) @include(if: $existing) {
      id
      version
      title
      description
      category
      venueKind
      joinMode
      costKind
      priceNok
      capacity
      location {
        id
      }
      contactPerson {
        id
      }
      schedule {
        weekly {
          weekday
          startTime
          endTime
        }
        exceptions {
          date
          note
        }
      }
    }
    locations(organisationId: $organisationId) {
      id
      name
    }
    contactPersons(organisationId: $organisationId) {
      id
      name
    }
  }
`);

const CreateActivity = graphql(`
  mutation CreateActivity($input: CreateActivityInput!) {
    createActivity(input: $input) {
      id
      version
    }
  }
`);

const UpdateActivity = graphql(`
  mutation UpdateActivity($id: ID!, $input: UpdateActivityInput!) {
    updateActivity(id: $id, input: $input) {
      id
      version
    }
  }
`);

interface Slot {
  weekday: Weekday;
  startTime: string;
  endTime: string;
}
interface Exception {
  date: string;
  note: string;
}

/** Create or edit an activity, with its weekly schedule and the dates it does not take place. */
export default function ActivityEditorPage() {
  const { t } = useTranslation();
  usePageTitle('activityEditor.title');
  const { id = 'ny' } = useParams();
  const existing = id !== 'ny';
  const navigate = useNavigate();
  const organisationId = useUser()?.organisationId ?? '';
  const [{ data }, refetch] = useQuery({
    query: ActivityEditorQuery,
    variables: { id: existing ? id : '-', organisationId, existing },
    pause: !organisationId,
  });
  const [, create] = useMutation(CreateActivity);
  const [, update] = useMutation(UpdateActivity);

  const [version, setVersion] = useState(0);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<ActivityCategory>('SOCIAL');
  const [venueKind, setVenueKind] = useState<VenueKind>('LOCATION');
  const [locationId, setLocationId] = useState('');
  const [joinMode, setJoinMode] = useState<JoinMode>('OPEN');
  const [costKind, setCostKind] = useState<CostKind>('FREE');
  const [priceNok, setPriceNok] = useState('');
  const [capacity, setCapacity] = useState('');
  const [contactPersonId, setContactPersonId] = useState('');
  const [weekly, setWeekly] = useState<Slot[]>([]);
  const [exceptions, setExceptions] = useState<Exception[]>([]);
  const [problems, setProblems] = useState<ServerProblem[]>([]);
  const [conflict, setConflict] = useState(false);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);

  const activity = data?.activity;
  // What the form holds, as one value: compared with what was loaded to see what this user changed.
  const form = { title, description, category, venueKind, locationId, joinMode, costKind, priceNok, capacity, contactPersonId, weekly, exceptions };
  const formNow = useRef(form);
  formNow.current = form;
  const loadedForm = useRef<typeof form | null>(null);
  // Fill the form from the server. A reload after a conflict keeps what this user changed and takes
  // everything else from the newer version (rebaseEdits), so saving again loses neither edit.
  useEffect(() => {
    if (!activity || loadedVersion === activity.version) return;
    setVersion(activity.version);
    setLoadedVersion(activity.version);
    setConflict(false);
    const newer: typeof form = {
      title: activity.title,
      description: activity.description,
      category: activity.category,
      venueKind: activity.venueKind,
      locationId: activity.location?.id ?? '',
      joinMode: activity.joinMode,
      costKind: activity.costKind,
      priceNok: activity.priceNok?.toString() ?? '',
      capacity: activity.capacity?.toString() ?? '',
      contactPersonId: activity.contactPerson?.id ?? '',
      weekly: activity.schedule.weekly.map((s) => ({ ...s })),
      exceptions: activity.schedule.exceptions.map((e) => ({ date: e.date, note: e.note ?? '' })),
    };
    const next = loadedForm.current ? rebaseEdits(loadedForm.current, formNow.current, newer) : newer;
    loadedForm.current = newer;
    setTitle(next.title);
    setDescription(next.description);
    setCategory(next.category);
    setVenueKind(next.venueKind);
    setLocationId(next.locationId);
    setJoinMode(next.joinMode);
    setCostKind(next.costKind);
    setPriceNok(next.priceNok);
    setCapacity(next.capacity);
    setContactPersonId(next.contactPersonId);
    setWeekly(next.weekly);
    setExceptions(next.exceptions);
  }, [activity, loadedVersion]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblems([]);
    const common = {
      title,
      description,
      category,
      venueKind,
      locationId: venueKind === 'LOCATION' && locationId ? locationId : undefined,
      joinMode,
      costKind,
      priceNok: costKind === 'PAID' && priceNok ? Number(priceNok) : undefined,
      capacity: capacity ? Number(capacity) : undefined,
      contactPersonId: contactPersonId || undefined,
      schedule: { weekly, exceptions: exceptions.map((e) => ({ date: e.date, note: e.note || undefined })), dates: [] },
    };
    if (existing) {
      const result = await update({ id, input: { ...common, version } });
      if (result.error) {
        if (isConflict(result.error)) setConflict(true);
        setProblems(problemsOf(result.error));
        return;
      }
      navigate('/mine-tilbud');
    } else {
      const result = await create({ input: { ...common, organisationId } });
      if (result.error) {
        setProblems(problemsOf(result.error));
        return;
      }
      navigate('/mine-tilbud');
    }
  }

  const err = (field: string) => fieldProblem(problems, field);
  const general = problems.filter((p) => !p.field && p.code !== 'CONFLICT');
  return (
    <section className="stack">
      <Link to="/mine-tilbud">{t('activityEditor.back')}</Link>
      <h1>{existing ? t('activityEditor.editTitle') : t('activityEditor.title')}</h1>
      <div role="alert">
        {conflict && (
          <div className="pkt-alert pkt-alert--warning">
            <p>{t('referral.conflict')}</p>
            <button type="button" className="pkt-btn pkt-btn--secondary pkt-btn--small" onClick={() => refetch({ requestPolicy: 'network-only' })}>
              {t('referral.reload')}
            </button>
          </div>
        )}
        {general.length > 0 && <div className="pkt-alert pkt-alert--error">{general.map((p) => p.message).join(' ')}</div>}
      </div>
      <form className="form-grid" onSubmit={(e) => void save(e)}>
        <TextField id="act-title" label={t('activityEditor.name')} value={title} onChange={setTitle} error={err('title')} required />
        <label className="field" htmlFor="act-description">
          {t('activityEditor.description')}
          <textarea
            id="act-description"
            rows={4}
            value={description}
            required
            onChange={(e) => setDescription(e.target.value)}
            aria-invalid={err('description') ? true : undefined}
          />
        </label>
        {err('description') && <p className="field-error">{err('description')}</p>}
        <label className="field">
          {t('search.category')}
          <select value={category} onChange={(e) => setCategory(e.target.value as ActivityCategory)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('activityEditor.venueKind')}
          <select value={venueKind} onChange={(e) => setVenueKind(e.target.value as VenueKind)}>
            {(['LOCATION', 'AT_SHELTER', 'ONLINE'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`venueKind.${v}`)}
              </option>
            ))}
          </select>
        </label>
        {venueKind === 'LOCATION' && (
          <label className="field">
            {t('activityEditor.location')}
            <select value={locationId} onChange={(e) => setLocationId(e.target.value)} aria-invalid={err('locationId') ? true : undefined}>
              <option value="">{t('activityEditor.choose')}</option>
              {data?.locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {err('locationId') && <p className="field-error">{err('locationId')}</p>}
        <label className="field">
          {t('activityEditor.joinMode')}
          <select value={joinMode} onChange={(e) => setJoinMode(e.target.value as JoinMode)}>
            {(['OPEN', 'SIGN_UP', 'REFERRAL_ONLY'] as const).map((j) => (
              <option key={j} value={j}>
                {t(`joinMode.${j}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('activityEditor.cost')}
          <select value={costKind} onChange={(e) => setCostKind(e.target.value as CostKind)}>
            {(['FREE', 'SPONSORED', 'PAID'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`costKind.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {costKind === 'PAID' && (
          <TextField id="act-price" label={t('activityEditor.price')} value={priceNok} onChange={setPriceNok} error={err('priceNok')} type="number" />
        )}
        <TextField id="act-capacity" label={t('activityEditor.capacity')} value={capacity} onChange={setCapacity} error={err('capacity')} type="number" />
        <label className="field">
          {t('offer.contact')}
          <select value={contactPersonId} onChange={(e) => setContactPersonId(e.target.value)}>
            <option value="">{t('activityEditor.none')}</option>
            {data?.contactPersons.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('activityEditor.weekly')}</legend>
          {weekly.map((slot, i) => (
            <div key={i} className="inline-form">
              <label className="field">
                {t('search.weekday')}
                <select value={slot.weekday} onChange={(e) => setWeekly(weekly.map((s, j) => (j === i ? { ...s, weekday: e.target.value as Weekday } : s)))}>
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {t(`weekday.${d}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                {t('activityEditor.from')}
                <input
                  type="time"
                  value={slot.startTime}
                  onChange={(e) => setWeekly(weekly.map((s, j) => (j === i ? { ...s, startTime: e.target.value } : s)))}
                />
              </label>
              <label className="field">
                {t('activityEditor.to')}
                <input type="time" value={slot.endTime} onChange={(e) => setWeekly(weekly.map((s, j) => (j === i ? { ...s, endTime: e.target.value } : s)))} />
              </label>
              <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small" onClick={() => setWeekly(weekly.filter((_, j) => j !== i))}>
                {t('activityEditor.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="pkt-btn pkt-btn--secondary pkt-btn--small"
            onClick={() => setWeekly([...weekly, { weekday: 'MONDAY', startTime: '17:00', endTime: '19:00' }])}
          >
            {t('activityEditor.addSlot')}
          </button>
          {err('schedule') && <p className="field-error">{err('schedule')}</p>}
        </fieldset>
        <fieldset>
          <legend>{t('activityEditor.exceptions')}</legend>
          {exceptions.map((ex, i) => (
            <div key={i} className="inline-form">
              <label className="field">
                {t('activityEditor.date')}
                <input type="date" value={ex.date} onChange={(e) => setExceptions(exceptions.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)))} />
              </label>
              <label className="field">
                {t('activityEditor.note')}
                <input value={ex.note} onChange={(e) => setExceptions(exceptions.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))} />
              </label>
              <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small" onClick={() => setExceptions(exceptions.filter((_, j) => j !== i))}>
                {t('activityEditor.remove')}
              </button>
            </div>
          ))}
          <button type="button" className="pkt-btn pkt-btn--secondary pkt-btn--small" onClick={() => setExceptions([...exceptions, { date: '', note: '' }])}>
            {t('activityEditor.addException')}
          </button>
        </fieldset>
        <div className="actions">
          <button type="submit" className="pkt-btn pkt-btn--primary">
            {t('activityEditor.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  type?: string;
  required?: boolean;
}) {
  return (
    <>
      <label className="field" htmlFor={props.id}>
        {props.label}
        <input
          id={props.id}
          type={props.type ?? 'text'}
          value={props.value}
          required={props.required}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? `${props.id}-error` : undefined}
        />
      </label>
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </>
  );
}
