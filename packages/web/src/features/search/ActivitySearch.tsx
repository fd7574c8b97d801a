import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { graphql } from '../../gql';
import type { ActivityCategory, ActivityFilter, TargetGroup, Weekday } from '../../gql/graphql';
import { formatWeekdayDateTime } from '../../lib/format';
import { Freshness } from '../freshness/Freshness';
import { useShowMore } from '../paging/useShowMore';
import { BydelSelect } from './BydelSelect';
import { CATEGORIES, LANGUAGE_CODES, TARGET_GROUPS, WEEKDAYS } from './options';
import { SearchResults } from './SearchResults';
import { targetGroupFilter } from './target-groups';
import { useDebounced } from './useDebounced';

const SearchActivitiesQuery = graphql(`
  query SearchActivities($filter: ActivityFilter, $first: Int!, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        category
        venueLabel
        costKind
        daysSinceVerified
        verificationState
        organisation {
          id
          name
        }
        bydel {
          code
          name
        }
        nextOccurrences(first: 1) {
          startsAt
        }
      }
    }
  }
`);

/** Results per page ("show more" asks for the next). */
const PAGE_SIZE = 30;

/** Days within which an offer counts as "verified recently". */
const RECENT_DAYS = 30;

export function ActivitySearch() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [bydel, setBydel] = useState('');
  const [neighbours, setNeighbours] = useState(false);
  const [category, setCategory] = useState('');
  const [targetGroup, setTargetGroup] = useState('');
  const [allGroups, setAllGroups] = useState<TargetGroup[]>([]);
  const [excluded, setExcluded] = useState<TargetGroup[]>([]);
  const [age, setAge] = useState('');
  const [language, setLanguage] = useState('');
  const [weekday, setWeekday] = useState('');
  const [freeOnly, setFreeOnly] = useState(false);
  const [recent, setRecent] = useState(false);
  // On a phone the filters fold away under one line, so the results come first.
  const [wide] = useState(() => window.matchMedia('(min-width: 48rem)').matches);
  const settledText = useDebounced(text.trim());
  const settledAge = useDebounced(age);

  const filter = useMemo<ActivityFilter>(() => {
    const f: ActivityFilter = {};
    if (settledText) f.text = settledText;
    if (bydel) {
      f.bydeler = [bydel];
      if (neighbours) f.includeNeighbouringBydeler = true;
    }
    if (category) f.categories = [category as ActivityCategory];
    Object.assign(f, targetGroupFilter(targetGroup as TargetGroup | '', allGroups, excluded));
    const ageNumber = Number.parseInt(settledAge, 10);
    if (Number.isInteger(ageNumber) && ageNumber >= 0 && ageNumber <= 120) f.age = ageNumber;
    if (language) f.languages = [language];
    if (weekday) f.weekdays = [weekday as Weekday];
    if (freeOnly) f.freeOnly = true;
    if (recent) f.verifiedWithinDays = RECENT_DAYS;
    return f;
  }, [settledText, bydel, neighbours, category, targetGroup, allGroups, excluded, settledAge, language, weekday, freeOnly, recent]);

  const activeFilters = Object.keys(filter).filter((k) => k !== 'text' && k !== 'includeNeighbouringBydeler').length;
  const results = useShowMore(SearchActivitiesQuery, { filter, first: PAGE_SIZE, after: null }, (d) => d.activities);

  return (
    <div className="stack">
      <form role="search" onSubmit={(e) => e.preventDefault()} className="stack">
        <label className="field" htmlFor="search-text">
          {t('search.text')}
          <input
            id="search-text"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
            placeholder={t('search.placeholder')}
          />
        </label>
        <details className="filters-panel" open={wide}>
          <summary>{t('search.filters', { count: activeFilters })}</summary>
          <div className="filters">
            <BydelSelect id="search-bydel" value={bydel} onChange={setBydel} />
            <label className="check">
              <input type="checkbox" checked={neighbours} disabled={!bydel} onChange={(e) => setNeighbours(e.target.checked)} />
              {t('search.neighbours')}
            </label>
            <label className="field">
              {t('search.category')}
              <select value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{t('search.any')}</option>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`category.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('search.targetGroup')}
              <select value={targetGroup} onChange={(e) => setTargetGroup(e.target.value)}>
                <option value="">{t('search.any')}</option>
                {TARGET_GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {t(`targetGroup.${g}`)}
                  </option>
                ))}
              </select>
            </label>
            <TargetGroupChecks legend={t('search.allTargetGroups')} name="all-groups" chosen={allGroups} disabled={excluded} onChange={setAllGroups} />
            <TargetGroupChecks
              legend={t('search.excludeTargetGroups')}
              name="exclude-groups"
              chosen={excluded}
              disabled={[...allGroups, ...(targetGroup ? [targetGroup as TargetGroup] : [])]}
              onChange={setExcluded}
            />
            <label className="field">
              {t('search.age')}
              <input type="number" inputMode="numeric" min={0} max={120} value={age} onChange={(e) => setAge(e.target.value)} />
            </label>
            <label className="field">
              {t('search.language')}
              <select value={language} onChange={(e) => setLanguage(e.target.value)}>
                <option value="">{t('search.any')}</option>
                {LANGUAGE_CODES.map((code) => (
                  <option key={code} value={code}>
                    {t(`language.${code}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('search.weekday')}
              <select value={weekday} onChange={(e) => setWeekday(e.target.value)}>
                <option value="">{t('search.any')}</option>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {t(`weekday.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={freeOnly} onChange={(e) => setFreeOnly(e.target.checked)} />
              {t('search.freeOnly')}
            </label>
            <label className="check">
              <input type="checkbox" checked={recent} onChange={(e) => setRecent(e.target.checked)} />
              {t('search.verifiedRecently', { count: RECENT_DAYS })}
            </label>
          </div>
        </details>
      </form>
      <SearchResults results={results}>
        {(a) => (
          <>
            <h3>
              <Link to={`/tilbud/${a.id}`}>{a.title}</Link>
            </h3>
            <p>
              {a.organisation.name} · {a.venueLabel}
              {a.bydel ? ` · ${a.bydel.name}` : ''} · {t(`category.${a.category}`)}
              {a.costKind === 'FREE' || a.costKind === 'SPONSORED' ? ` · ${t('offer.free')}` : ''}
            </p>
            {a.nextOccurrences[0] && <p>{t('offer.next', { when: formatWeekdayDateTime(a.nextOccurrences[0].startsAt) })}</p>}
            <Freshness days={a.daysSinceVerified} state={a.verificationState} />
          </>
        )}
      </SearchResults>
    </div>
  );
}

/** A set of target groups as checkboxes: "all of these" or "none of these". */
function TargetGroupChecks({
  legend,
  name,
  chosen,
  disabled,
  onChange,
}: {
  legend: string;
  name: string;
  chosen: TargetGroup[];
  disabled: TargetGroup[];
  onChange: (groups: TargetGroup[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="target-groups">
      <legend>{legend}</legend>
      {TARGET_GROUPS.map((g) => (
        <label key={g} className="check">
          <input
            type="checkbox"
            name={name}
            value={g}
            checked={chosen.includes(g)}
            disabled={disabled.includes(g)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, g] : chosen.filter((x) => x !== g))}
          />
          {t(`targetGroup.${g}`)}
        </label>
      ))}
    </fieldset>
  );
}
