import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { usePageTitle } from '../../app/usePageTitle';
import { ActivitySearch } from '../../features/search/ActivitySearch';
import { PetCareSearch } from '../../features/search/PetCareSearch';

export default function SearchPage() {
  const { t } = useTranslation();
  usePageTitle('search.title');
  const [tab, setTab] = useState<'activities' | 'petcare'>('activities');
  return (
    <section className="stack">
      <h1>{t('search.title')}</h1>
      <div role="group" aria-label={t('search.kind')} className="actions">
        <button
          type="button"
          className={`pkt-btn pkt-btn--small ${tab === 'activities' ? 'pkt-btn--primary' : 'pkt-btn--secondary'}`}
          aria-pressed={tab === 'activities'}
          onClick={() => setTab('activities')}
        >
          {t('search.activities')}
        </button>
        <button
          type="button"
          className={`pkt-btn pkt-btn--small ${tab === 'petcare' ? 'pkt-btn--primary' : 'pkt-btn--secondary'}`}
          aria-pressed={tab === 'petcare'}
          onClick={() => setTab('petcare')}
        >
          {t('search.petCare')}
        </button>
      </div>
      {tab === 'activities' ? <ActivitySearch /> : <PetCareSearch />}
    </section>
  );
}
