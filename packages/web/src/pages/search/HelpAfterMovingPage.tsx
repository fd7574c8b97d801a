import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { BydelSelect } from '../../features/search/BydelSelect';
import { graphql } from '../../gql';

const HelpAfterMovingQuery = graphql(`
  query HelpAfterMoving($bydel: String!) {
    helpAfterMoving(bydel: $bydel) {
      bydel {
        code
        name
      }
      cooperationContact {
        role
        office
        phone
        email
      }
      volunteerCentres {
        id
        name
        publicPhone
        publicEmail
        website
      }
      helperOffers {
        id
        title
        category
        venueLabel
        organisation {
          id
          name
        }
      }
    }
  }
`);

/**
 * "Help after moving to Bydel X" in one step, for shelter staff: the bydel's frivilligsentral(er),
 * their helper offers and the bydel's contact for cooperation with the shelter.
 */
export default function HelpAfterMovingPage() {
  const { t } = useTranslation();
  usePageTitle('afterMoving.title');
  const [bydel, setBydel] = useState('');
  const [{ data, fetching, error }] = useQuery({ query: HelpAfterMovingQuery, variables: { bydel }, pause: !bydel });
  const h = bydel ? data?.helpAfterMoving : undefined;
  return (
    <section className="stack">
      <h1>{t('afterMoving.title')}</h1>
      <p className="lead">{t('afterMoving.lead')}</p>
      <form className="inline-form" onSubmit={(e) => e.preventDefault()}>
        <BydelSelect id="after-moving-bydel" value={bydel} onChange={setBydel} />
      </form>
      {fetching && <p aria-busy="true">{t('common.loading')}</p>}
      {error && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          {t('common.error')}
        </div>
      )}
      {h && (
        <div className="stack" aria-live="polite">
          <h2>{t('afterMoving.heading', { bydel: h.bydel.name })}</h2>
          <h3>{t('afterMoving.contact')}</h3>
          {h.cooperationContact ? (
            <dl className="facts" data-testid="cooperation-contact">
              <dt>{t('afterMoving.role')}</dt>
              <dd>{h.cooperationContact.role}</dd>
              <dt>{t('afterMoving.office')}</dt>
              <dd>{h.cooperationContact.office}</dd>
              {h.cooperationContact.phone && (
                <>
                  <dt>{t('afterMoving.phone')}</dt>
                  <dd>
                    <a href={`tel:${h.cooperationContact.phone}`}>{h.cooperationContact.phone}</a>
                  </dd>
                </>
              )}
              {h.cooperationContact.email && (
                <>
                  <dt>{t('afterMoving.email')}</dt>
                  <dd>
                    <a href={`mailto:${h.cooperationContact.email}`}>{h.cooperationContact.email}</a>
                  </dd>
                </>
              )}
            </dl>
          ) : (
            <p>{t('afterMoving.noContact')}</p>
          )}
          <h3>{t('afterMoving.centres')}</h3>
          {h.volunteerCentres.length === 0 ? (
            <p>{t('afterMoving.noCentres')}</p>
          ) : (
            <ul>
              {h.volunteerCentres.map((c) => (
                <li key={c.id}>
                  {c.name}
                  {c.publicPhone ? ` · ${c.publicPhone}` : ''}
                  {c.publicEmail ? ` · ${c.publicEmail}` : ''}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('afterMoving.offers')}</h3>
          {h.helperOffers.length === 0 ? (
            <p>{t('afterMoving.noOffers')}</p>
          ) : (
            <ul className="results" data-testid="helper-offers">
              {h.helperOffers.map((a) => (
                <li key={a.id} className="result">
                  <h4>
                    <Link to={`/tilbud/${a.id}`}>{a.title}</Link>
                  </h4>
                  <p>
                    {a.organisation.name} · {a.venueLabel} · {t(`category.${a.category}`)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
