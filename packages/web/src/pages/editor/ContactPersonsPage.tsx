import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { graphql } from '../../gql';
import { fieldProblem, firstProblem, problemsOf, type ServerProblem } from '../../lib/errors';
import { sortNorwegian } from '../../lib/format';
import { useUser } from '../../session/SessionProvider';

const ContactPersonsQuery = graphql(`
  query ContactPersons($organisationId: ID!) {
    contactPersons(organisationId: $organisationId) {
      id
      name
      title
      phone
      email
      version
    }
  }
`);

const AddContactPerson = graphql(`
  mutation AddContactPerson($input: AddContactPersonInput!) {
    addContactPerson(input: $input) {
      id
    }
  }
`);

const UpdateContactPerson = graphql(`
  mutation UpdateContactPerson($id: ID!, $input: UpdateContactPersonInput!) {
    updateContactPerson(id: $id, input: $input) {
      id
      version
      name
      title
      phone
      email
    }
  }
`);

const RemoveContactPerson = graphql(`
  mutation RemoveContactPerson($id: ID!) {
    removeContactPerson(id: $id)
  }
`);

/** The organisation's contact persons: the names and numbers staff call from an offer page. */
export default function ContactPersonsPage() {
  const { t } = useTranslation();
  usePageTitle('contacts.title');
  const organisationId = useUser()?.organisationId ?? '';
  const [{ data }, refetch] = useQuery({ query: ContactPersonsQuery, variables: { organisationId }, pause: !organisationId });
  const [, add] = useMutation(AddContactPerson);
  const [, remove] = useMutation(RemoveContactPerson);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<ServerProblem[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await add({ input: { organisationId, name, title: title || undefined, phone: phone || undefined, email: email || undefined } });
    setProblems(problemsOf(result.error, t));
    if (!result.error) {
      setName('');
      setTitle('');
      setPhone('');
      setEmail('');
      refetch({ requestPolicy: 'network-only' });
    }
  }

  const fields = [
    { id: 'cp-name', key: 'name', label: t('contacts.name'), value: name, set: setName, type: 'text', required: true },
    { id: 'cp-title', key: 'title', label: t('contacts.role'), value: title, set: setTitle, type: 'text', required: false },
    { id: 'cp-phone', key: 'phone', label: t('contacts.phone'), value: phone, set: setPhone, type: 'tel', required: false },
    { id: 'cp-email', key: 'email', label: t('contacts.email'), value: email, set: setEmail, type: 'email', required: false },
  ];
  return (
    <section className="stack">
      <h1>{t('contacts.title')}</h1>
      <ul className="results">
        {sortNorwegian(data?.contactPersons ?? [], (c) => c.name).map((c) => (
          <li key={c.id} className="result">
            <strong>{c.name}</strong>
            {c.title ? `, ${c.title}` : ''} {c.phone && <a href={`tel:${c.phone}`}>{c.phone}</a>} {c.email}
            <button
              type="button"
              className="pkt-btn pkt-btn--tertiary pkt-btn--small"
              onClick={() => void remove({ id: c.id }).then(() => refetch({ requestPolicy: 'network-only' }))}
            >
              {t('contacts.remove', { name: c.name })}
            </button>
            <EditContact contact={c} onDone={() => refetch({ requestPolicy: 'network-only' })} />
          </li>
        ))}
      </ul>
      <h2>{t('contacts.add')}</h2>
      <div role="alert">{problems.some((p) => !p.field) && <div className="pkt-alert pkt-alert--error">{problems.map((p) => p.message).join(' ')}</div>}</div>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        {fields.map((f) => {
          const error = fieldProblem(problems, f.key);
          return (
            <div key={f.id}>
              <label className="field" htmlFor={f.id}>
                {f.label}
                <input
                  id={f.id}
                  type={f.type}
                  value={f.value}
                  required={f.required}
                  onChange={(e) => f.set(e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${f.id}-error` : undefined}
                />
              </label>
              {error && (
                <p id={`${f.id}-error`} className="field-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div className="actions">
          <button type="submit" className="pkt-btn pkt-btn--primary">
            {t('contacts.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Change a contact person's title or phone in place; a stale version says so and keeps the typing. */
function EditContact({
  contact,
  onDone,
}: {
  contact: { id: string; name: string; title?: string | null; phone?: string | null; version: number };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [, update] = useMutation(UpdateContactPerson);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(contact.title ?? '');
  const [phone, setPhone] = useState(contact.phone ?? '');
  const [message, setMessage] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small" aria-expanded={false} onClick={() => setOpen(true)}>
        {t('contacts.edit', { name: contact.name })}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void update({ id: contact.id, input: { version: contact.version, title: title || null, phone: phone || null } }).then((r) => {
          if (r.error) setMessage(firstProblem(r.error, t));
          else {
            setMessage(null);
            setOpen(false);
            onDone();
          }
        });
      }}
    >
      <label className="field" htmlFor={`cp-title-${contact.id}`}>
        {t('contacts.role')}
        <input id={`cp-title-${contact.id}`} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field" htmlFor={`cp-phone-${contact.id}`}>
        {t('contacts.phone')}
        <input id={`cp-phone-${contact.id}`} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      </label>
      <button type="submit" className="pkt-btn pkt-btn--secondary pkt-btn--small">
        {t('contacts.save')}
      </button>
      <span role="alert">{message}</span>
    </form>
  );
}
