import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { ContactPersonSelect, SelectField, TextField } from '../../features/editing/fields';
import { OfferEditorLayout, useOfferSave } from '../../features/editing/OfferEditor';
import { useRebasedForm } from '../../features/editing/useRebasedForm';
import { CATEGORIES, COST_KINDS, JOIN_MODES, VENUE_KINDS, WEEKDAYS } from '../../features/search/options';
import { graphql } from '../../gql';
import type { ActivityCategory, CostKind, JoinMode, VenueKind, Weekday } from '../../gql/graphql';
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

/** What the form holds, as one value: compared with what was loaded to see what this user changed. */
interface ActivityForm extends Record<string, unknown> {
  title: string;
  description: string;
  category: ActivityCategory;
  venueKind: VenueKind;
  locationId: string;
  joinMode: JoinMode;
  costKind: CostKind;
  priceNok: string;
  capacity: string;
  contactPersonId: string;
  weekly: Slot[];
  exceptions: Exception[];
}

const EMPTY: ActivityForm = {
  title: '',
  description: '',
  category: 'SOCIAL',
  venueKind: 'LOCATION',
  locationId: '',
  joinMode: 'OPEN',
  costKind: 'FREE',
  priceNok: '',
  capacity: '',
  contactPersonId: '',
  weekly: [],
  exceptions: [],
};

/** Create or edit an activity, with its weekly schedule and the dates it does not take place. */
export default function ActivityEditorPage() {
  const { t } = useTranslation();
  usePageTitle('activityEditor.title');
  const { id = 'ny' } = useParams();
  const existing = id !== 'ny';
  const organisationId = useUser()?.organisationId ?? '';
  const [{ data, error: loadError }, refetch] = useQuery({
    query: ActivityEditorQuery,
    variables: { id: existing ? id : '-', organisationId, existing },
    pause: !organisationId,
  });
  const [, create] = useMutation(CreateActivity);
  const [, update] = useMutation(UpdateActivity);

  const activity = data?.activity;
  const loaded = useMemo(
    () =>
      activity
        ? {
            version: activity.version,
            values: {
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
              // Only the input's fields: the query's answer also carries __typename, which an input refuses.
              weekly: activity.schedule.weekly.map((s) => ({ weekday: s.weekday, startTime: s.startTime, endTime: s.endTime })),
              exceptions: activity.schedule.exceptions.map((e) => ({ date: e.date, note: e.note ?? '' })),
            },
          }
        : null,
    [activity],
  );
  const { form, set, version, conflict, setConflict } = useRebasedForm(EMPTY, loaded);
  const { problems, save, err } = useOfferSave(setConflict);
  const { weekly, exceptions } = form;

  function submit() {
    const common = {
      title: form.title,
      description: form.description,
      category: form.category,
      venueKind: form.venueKind,
      locationId: form.venueKind === 'LOCATION' && form.locationId ? form.locationId : undefined,
      joinMode: form.joinMode,
      costKind: form.costKind,
      priceNok: form.costKind === 'PAID' && form.priceNok ? Number(form.priceNok) : undefined,
      capacity: form.capacity ? Number(form.capacity) : undefined,
      contactPersonId: form.contactPersonId || undefined,
      schedule: { weekly, exceptions: exceptions.map((e) => ({ date: e.date, note: e.note || undefined })), dates: [] },
    };
    void save(() => (existing ? update({ id, input: { ...common, version } }) : create({ input: { ...common, organisationId } })));
  }

  const setWeekly = (next: Slot[]) => set('weekly', next);
  const setExceptions = (next: Exception[]) => set('exceptions', next);
  return (
    <OfferEditorLayout
      heading={existing ? t('activityEditor.editTitle') : t('activityEditor.title')}
      conflict={conflict}
      problems={problems}
      loadError={loadError}
      onReload={() => refetch({ requestPolicy: 'network-only' })}
      onSubmit={submit}
    >
      <TextField id="act-title" label={t('activityEditor.name')} value={form.title} onChange={(v) => set('title', v)} error={err('title')} required />
      <TextField
        id="act-description"
        label={t('activityEditor.description')}
        value={form.description}
        onChange={(v) => set('description', v)}
        error={err('description')}
        required
        multiline
      />
      <SelectField
        label={t('search.category')}
        value={form.category}
        options={CATEGORIES}
        optionLabel={(c) => t(`category.${c}`)}
        onChange={(v) => set('category', v)}
      />
      <SelectField
        label={t('activityEditor.venueKind')}
        value={form.venueKind}
        options={VENUE_KINDS}
        optionLabel={(v) => t(`venueKind.${v}`)}
        onChange={(v) => set('venueKind', v)}
      />
      {form.venueKind === 'LOCATION' && (
        <label className="field">
          {t('activityEditor.location')}
          <select value={form.locationId} onChange={(e) => set('locationId', e.target.value)} aria-invalid={err('locationId') ? true : undefined}>
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
      <SelectField
        label={t('activityEditor.joinMode')}
        value={form.joinMode}
        options={JOIN_MODES}
        optionLabel={(j) => t(`joinMode.${j}`)}
        onChange={(v) => set('joinMode', v)}
      />
      <SelectField
        label={t('activityEditor.cost')}
        value={form.costKind}
        options={COST_KINDS}
        optionLabel={(c) => t(`costKind.${c}`)}
        onChange={(v) => set('costKind', v)}
      />
      {form.costKind === 'PAID' && (
        <TextField
          id="act-price"
          label={t('activityEditor.price')}
          value={form.priceNok}
          onChange={(v) => set('priceNok', v)}
          error={err('priceNok')}
          type="number"
        />
      )}
      <TextField
        id="act-capacity"
        label={t('activityEditor.capacity')}
        value={form.capacity}
        onChange={(v) => set('capacity', v)}
        error={err('capacity')}
        type="number"
      />
      <ContactPersonSelect value={form.contactPersonId} options={data?.contactPersons ?? []} onChange={(v) => set('contactPersonId', v)} />
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
    </OfferEditorLayout>
  );
}
