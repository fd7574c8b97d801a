import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { Freshness } from '../../features/freshness/Freshness';
import { graphql } from '../../gql';
import { formatDate } from '../../lib/format';
import { useUser } from '../../session/SessionProvider';
import { ContactCard } from './ContactCard';

const PetCareOfferQuery = graphql(`
  query PetCareOfferPage($id: ID!) {
    petCareOffer(id: $id) {
      id
      title
      description
      careModel
      species
      placesAvailable
      maxStayDays
      costKind
      pricePerDayNok
      howToRequest
      requirementsNote
      lastVerifiedAt
      daysSinceVerified
      verificationState
      organisation {
        name
      }
      bydeler {
        code
        name
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

export default function PetCareOfferPage() {
  const { t } = useTranslation();
  usePageTitle('offer.title');
  const { id = '' } = useParams();
  const user = useUser();
  const [{ data, fetching, error }] = useQuery({ query: PetCareOfferQuery, variables: { id } });
  if (fetching && !data) return <p aria-busy="true">{t('common.loading')}</p>;
  const o = data?.petCareOffer;
  if (error || !o) return <h1>{t('common.notFound')}</h1>;
  return (
    <article className="stack">
      <Link to="/sok">{t('offer.backToSearch')}</Link>
      <h1>{o.title}</h1>
      <p>
        {o.organisation.name} · {t(`careModel.${o.careModel}`)}
      </p>
      <p>
        {t('offer.verifiedOn', { date: formatDate(o.lastVerifiedAt) })} · <Freshness days={o.daysSinceVerified} state={o.verificationState} />
      </p>
      <p>{o.description}</p>
      <p>{o.species.map((s) => t(`species.${s}`)).join(', ')}</p>
      <p>{o.bydeler.map((b) => b.name).join(', ')}</p>
      <p>{o.placesAvailable === null || o.placesAvailable === undefined ? t('petCare.placesUnknown') : t('petCare.places', { count: o.placesAvailable })}</p>
      <h2>{t('offer.howToJoin')}</h2>
      <p>{o.howToRequest}</p>
      {o.requirementsNote && <p>{o.requirementsNote}</p>}
      <h2>{t('offer.contact')}</h2>
      <ContactCard contact={o.contactPerson} />
      {user?.role === 'SHELTER_STAFF' && (
        <p>
          <Link className="pkt-btn pkt-btn--primary" to={`/henvis/dyrepass/${o.id}`}>
            {t('offer.refer')}
          </Link>
        </p>
      )}
    </article>
  );
}
