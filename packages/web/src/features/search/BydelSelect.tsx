import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

import { graphql } from '../../gql';
import { sortNorwegian } from '../../lib/format';

const BydelerQuery = graphql(`
  query Bydeler {
    bydeler(includeStatistical: false) {
      code
      name
    }
  }
`);

export function BydelSelect({ id, value, onChange }: { id: string; value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: BydelerQuery });
  return (
    <label className="field" htmlFor={id}>
      {t('search.bydel')}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('search.any')}</option>
        {sortNorwegian(data?.bydeler ?? [], (b) => b.name).map((b) => (
          <option key={b.code} value={b.code}>
            {b.name}
          </option>
        ))}
      </select>
    </label>
  );
}
