import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { graphql } from '../../gql';
import type { PetCareOfferFilter, Species } from '../../gql/graphql';
import { Freshness } from '../freshness/Freshness';
import { useShowMore } from '../paging/useShowMore';
import { BydelSelect } from './BydelSelect';
import { SPECIES } from './options';
import { SearchResults } from './SearchResults';

const SearchPetCareQuery = graphql(`
  query SearchPetCare($filter: PetCareOfferFilter, $first: Int!, $after: String) {
    petCareOffers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        careModel
        species
        placesAvailable
        lastVerifiedAt
        daysSinceVerified
        verificationState
        organisation {
          id
          name
        }
      }
    }
  }
`);

export function PetCareSearch() {
  const { t } = useTranslation();
  const [species, setSpecies] = useState('');
  const [bydel, setBydel] = useState('');
  const [neighbours, setNeighbours] = useState(false);
  const [availableNow, setAvailableNow] = useState(false);
  const filter = useMemo<PetCareOfferFilter>(() => {
    const f: PetCareOfferFilter = {};
    if (species) f.species = [species as Species];
    if (bydel) {
      f.bydel = bydel;
      if (neighbours) f.includeNeighbouringBydeler = true;
    }
    if (availableNow) f.availableNow = true;
    return f;
  }, [species, bydel, neighbours, availableNow]);
  const results = useShowMore(SearchPetCareQuery, { filter, first: 30, after: null }, (d) => d.petCareOffers);
  return (
    <div className="stack">
      <div className="filters">
        <label className="field">
          {t('petCare.species')}
          <select value={species} onChange={(e) => setSpecies(e.target.value)}>
            <option value="">{t('search.any')}</option>
            {SPECIES.map((s) => (
              <option key={s} value={s}>
                {t(`species.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <BydelSelect id="petcare-bydel" value={bydel} onChange={setBydel} />
        <label className="check">
          <input type="checkbox" checked={neighbours} disabled={!bydel} onChange={(e) => setNeighbours(e.target.checked)} />
          {t('search.neighbours')}
        </label>
        <label className="check">
          <input type="checkbox" checked={availableNow} onChange={(e) => setAvailableNow(e.target.checked)} />
          {t('petCare.availableNow')}
        </label>
      </div>
      <SearchResults results={results}>
        {(o) => (
          <>
            <h3>
              <Link to={`/dyrepass/${o.id}`}>{o.title}</Link>
            </h3>
            <p>
              {o.organisation.name} · {t(`careModel.${o.careModel}`)} · {o.species.map((s) => t(`species.${s}`)).join(', ')}
            </p>
            <p>
              {o.placesAvailable === null || o.placesAvailable === undefined ? t('petCare.placesUnknown') : t('petCare.places', { count: o.placesAvailable })}
            </p>
            <Freshness days={o.daysSinceVerified} state={o.verificationState} />
          </>
        )}
      </SearchResults>
    </div>
  );
}
