import { useTranslation } from 'react-i18next';

export function ContactCard({
  contact,
}: {
  contact: { name: string; title?: string | null; phone?: string | null; email?: string | null } | null | undefined;
}) {
  const { t } = useTranslation();
  if (!contact) return <p>{t('offer.noContact')}</p>;
  return (
    <div>
      <p>
        <strong>{contact.name}</strong>
        {contact.title ? `, ${contact.title}` : ''}
      </p>
      {contact.phone && (
        <p>
          <a className="pkt-btn pkt-btn--secondary pkt-btn--small" href={`tel:${contact.phone}`}>
            {t('offer.call', { phone: contact.phone })}
          </a>
        </p>
      )}
      {contact.email && (
        <p>
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </p>
      )}
    </div>
  );
}
