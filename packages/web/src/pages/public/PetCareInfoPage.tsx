import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { SPECIES } from '../../features/search/options';
import { graphql } from '../../gql';

const PetCareAvailabilityQuery = graphql(`
  query PetCareAvailability($dog: Species!, $cat: Species!, $small: Species!, $bird: Species!, $reptile: Species!, $other: Species!) {
    dog: petCareAvailability(species: $dog) {
      ...Availability
    }
    cat: petCareAvailability(species: $cat) {
      ...Availability
    }
    small: petCareAvailability(species: $small) {
      ...Availability
    }
    bird: petCareAvailability(species: $bird) {
      ...Availability
    }
    reptile: petCareAvailability(species: $reptile) {
      ...Availability
    }
    other: petCareAvailability(species: $other) {
      ...Availability
    }
  }
  fragment Availability on PetCareAvailability {
    species
    available
    howToAsk
    howToAskEnglish
  }
`);

/**
 * For anyone, signed in or not: whether pet care for each species can be arranged through Oslo's
 * crisis shelters, and that one asks shelter staff. The API gives no provider, count, place or
 * contact, and this page asks for none.
 */
export default function PetCareInfoPage() {
  const { t, i18n } = useTranslation();
  usePageTitle('petCareInfo.title');
  const [{ data, error }] = useQuery({
    query: PetCareAvailabilityQuery,
    variables: { dog: 'DOG', cat: 'CAT', small: 'SMALL_MAMMAL', bird: 'BIRD', reptile: 'REPTILE', other: 'OTHER' },
  });
  const answers = data ? [data.dog, data.cat, data.small, data.bird, data.reptile, data.other] : [];
  const ordered = SPECIES.map((s) => answers.find((a) => a.species === s)).filter((a): a is (typeof answers)[number] => !!a);
  return (
    <section className="stack">
      <h1>{t('petCareInfo.title')}</h1>
      <p className="lead">{t('petCareInfo.lead')}</p>
      {error && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          {t('common.error')}
        </div>
      )}
      {!data && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {ordered.length > 0 && (
        <ul className="results" data-testid="pet-care-availability">
          {ordered.map((a) => (
            <li key={a.species} className="result">
              <h2>{t(`species.${a.species}`)}</h2>
              <p>{a.available ? t('petCareInfo.available') : t('petCareInfo.notAvailable')}</p>
              <p>{i18n.language === 'en' ? a.howToAskEnglish : a.howToAsk}</p>
            </li>
          ))}
        </ul>
      )}
      <p>{t('petCareInfo.askStaff')}</p>
    </section>
  );
}
