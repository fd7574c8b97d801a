import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { Freshness } from '../../features/freshness/Freshness';
import { graphql } from '../../gql';
import { formatWeekdayDateTime } from '../../lib/format';
import { useUser } from '../../session/SessionProvider';
import { ContactCard } from './ContactCard';

const ActivityQuery = graphql(`
  query ActivityPage($id: ID!) {
    activity(id: $id) {
      id
      title
      description
      category
      venueKind
      venueLabel
      joinMode
      costKind
      priceNok
      placesAvailable
      languages
      ageMin
      ageMax
      daysSinceVerified
      verificationState
      organisation {
        id
        name
      }
      location {
        name
        streetAddress
        postalCode
        postalTown
      }
      bydel {
        name
      }
      nextOccurrences(first: 5) {
        startsAt
        endsAt
      }
      contactPerson {
        name
        title
        phone
        email
      }
    }
  }
`);

export default function ActivityPage() {
  const { t } = useTranslation();
  usePageTitle('offer.title');
  const { id = '' } = useParams();
  const user = useUser();
  const [{ data, fetching, error }] = useQuery({ query: ActivityQuery, variables: { id } });
  if (fetching && !data) return <p aria-busy="true">{t('common.loading')}</p>;
  const a = data?.activity;
  if (error || !a) return <h1>{t('common.notFound')}</h1>;
  return (
    <article className="stack">
      <Link to="/sok">{t('offer.backToSearch')}</Link>
      <h1>{a.title}</h1>
      <p>{a.organisation.name}</p>
      <Freshness days={a.daysSinceVerified} state={a.verificationState} />
      <p>{a.description}</p>
      <h2>{t('offer.where')}</h2>
      {/* The server sends a shelter's address only to its own staff; otherwise only the label "På krisesenteret". */}
      <p>
        {a.venueLabel}
        {a.location?.streetAddress ? `, ${a.location.streetAddress}` : ''}
        {a.location?.postalCode ? `, ${a.location.postalCode} ${a.location.postalTown ?? ''}` : ''}
        {a.bydel ? ` (${a.bydel.name})` : ''}
      </p>
      <h2>{t('offer.when')}</h2>
      {a.nextOccurrences.length === 0 ? (
        <p>{t('offer.noDates')}</p>
      ) : (
        <ul>
          {a.nextOccurrences.map((o) => (
            <li key={o.startsAt}>{formatWeekdayDateTime(o.startsAt)}</li>
          ))}
        </ul>
      )}
      <p className="actions">
        {/* Served by the API through this origin (the web server passes /calendar/ on, as the signed-in user). */}
        <a className="pkt-btn pkt-btn--secondary pkt-btn--small" href={`/calendar/activities/${encodeURIComponent(a.id)}.ics`} download>
          {t('calendar.addToCalendar')}
        </a>
        <Link to="/kalender">{t('calendar.feedsLink')}</Link>
      </p>
      <h2>{t('offer.howToJoin')}</h2>
      <p>{t(`joinMode.${a.joinMode}`)}</p>
      <p>{a.costKind === 'PAID' ? t('offer.price', { price: a.priceNok ?? 0 }) : t('offer.free')}</p>
      {a.placesAvailable !== null && a.placesAvailable !== undefined && <p>{t('petCare.places', { count: a.placesAvailable })}</p>}
      <h2>{t('offer.contact')}</h2>
      <ContactCard contact={a.contactPerson} />
      {user?.role === 'SHELTER_STAFF' && (
        <p>
          <Link className="pkt-btn pkt-btn--primary" to={`/henvis/aktivitet/${a.id}`}>
            {t('offer.refer')}
          </Link>
        </p>
      )}
    </article>
  );
}
