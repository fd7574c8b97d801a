import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ServerProblem } from '../../lib/errors';

/** A labelled text input with the server's problem (if any) under it, announced and linked. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  type?: string;
  required?: boolean;
  multiline?: boolean;
  min?: number;
}) {
  const describedBy = props.error ? `${props.id}-error` : undefined;
  const common = {
    id: props.id,
    value: props.value,
    required: props.required,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <>
      <label className="field" htmlFor={props.id}>
        {props.label}
        {props.multiline ? (
          <textarea {...common} rows={4} onChange={(e) => props.onChange(e.target.value)} />
        ) : (
          <input {...common} type={props.type ?? 'text'} min={props.min} onChange={(e) => props.onChange(e.target.value)} />
        )}
      </label>
      {props.error && (
        <p id={describedBy} className="field-error">
          {props.error}
        </p>
      )}
    </>
  );
}

/** A labelled select over a fixed list, each option's text from the catalogue. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (value: T) => void;
  children?: ReactNode;
}) {
  return (
    <label className="field">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.children}
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.optionLabel(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The alerts above an editor form: a stale version ("someone changed this; reload", with the
 * button that reloads and keeps this user's edits) and the problems that name no field.
 */
export function EditorAlerts({ conflict, problems, onReload }: { conflict: boolean; problems: ServerProblem[]; onReload: () => void }) {
  const { t } = useTranslation();
  const general = problems.filter((p) => !p.field && p.code !== 'CONFLICT');
  return (
    <div role="alert">
      {conflict && (
        <div className="pkt-alert pkt-alert--warning">
          <p>{t('referral.conflict')}</p>
          <button type="button" className="pkt-btn pkt-btn--secondary pkt-btn--small" onClick={onReload}>
            {t('referral.reload')}
          </button>
        </div>
      )}
      {general.length > 0 && <div className="pkt-alert pkt-alert--error">{general.map((p) => p.message).join(' ')}</div>}
    </div>
  );
}

/** The offer's contact person, one of the organisation's (or none). */
export function ContactPersonSelect({
  value,
  options,
  onChange,
}: {
  value: string;
  options: ReadonlyArray<{ id: string; name: string }>;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="field">
      {t('offer.contact')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('activityEditor.none')}</option>
        {options.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A group of checkboxes over a list: the chosen values, in the list's order of choosing. */
export function CheckboxGroup<T extends string>(props: {
  legend: string;
  values: readonly T[];
  chosen: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (chosen: T[]) => void;
  error?: string | null;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className="filters">
        {props.values.map((v) => (
          <label key={v} className="check">
            <input
              type="checkbox"
              checked={props.chosen.includes(v)}
              onChange={(e) => props.onChange(e.target.checked ? [...props.chosen, v] : props.chosen.filter((x) => x !== v))}
            />
            {props.optionLabel(v)}
          </label>
        ))}
      </div>
      {props.error && <p className="field-error">{props.error}</p>}
    </fieldset>
  );
}
