import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { BydelSelect } from '../../features/search/BydelSelect';
import { CATEGORIES } from '../../features/search/options';
import { graphql } from '../../gql';
import type { ActivityCategory } from '../../gql/graphql';
import { firstProblem } from '../../lib/errors';
import { formatDate } from '../../lib/format';

const MyFeedsQuery = graphql(`
  query MyCalendarFeeds {
    myCalendarFeeds {
      id
      label
      createdAt
      revokedAt
      filter {
        bydeler
        categories
        targetGroups
      }
    }
  }
`);
const CreateFeedMutation = graphql(`
  mutation CreateCalendarFeed($input: CreateCalendarFeedInput!) {
    createCalendarFeed(input: $input) {
      path
      feed {
        id
        label
      }
    }
  }
`);
const RevokeFeedMutation = graphql(`
  mutation RevokeCalendarFeed($id: ID!) {
    revokeCalendarFeed(id: $id) {
      id
      revokedAt
    }
  }
`);

/**
 * Personal calendar feeds: a secret URL a calendar app subscribes to, showing the activities this
 * user may see. The URL is shown once, right after it is made; a feed that may have spread is revoked.
 */
export default function CalendarFeedsPage() {
  const { t } = useTranslation();
  usePageTitle('calendar.title');
  const [{ data, error }, refetch] = useQuery({ query: MyFeedsQuery, requestPolicy: 'cache-and-network' });
  const [, create] = useMutation(CreateFeedMutation);
  const [, revoke] = useMutation(RevokeFeedMutation);
  const [label, setLabel] = useState('');
  const [bydel, setBydel] = useState('');
  const [category, setCategory] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setMessage(null);
    const result = await create({
      input: { label: label.trim(), bydeler: bydel ? [bydel] : [], categories: category ? [category as ActivityCategory] : [], targetGroups: [] },
    });
    setBusy(false);
    if (result.error || !result.data) {
      setMessage(firstProblem(result.error, t));
      return;
    }
    // The API gives the path on its origin; this web server passes /calendar/ on, so the app's origin serves it.
    setCreated(`${window.location.origin}${result.data.createCalendarFeed.path}`);
    setLabel('');
    refetch({ requestPolicy: 'network-only' });
  }

  async function revokeFeed(id: string) {
    if (!window.confirm(t('calendar.revokeConfirm'))) return;
    const result = await revoke({ id });
    if (result.error) setMessage(firstProblem(result.error, t));
    refetch({ requestPolicy: 'network-only' });
  }

  const feeds = data?.myCalendarFeeds ?? [];
  return (
    <section className="stack">
      <h1>{t('calendar.title')}</h1>
      <p className="lead">{t('calendar.lead')}</p>
      <p>
        <a href="/calendar/activities.ics" download>
          {t('calendar.allActivities')}
        </a>
      </p>
      <div role="status" aria-live="polite">
        {created && (
          <div className="pkt-alert pkt-alert--success stack" data-testid="calendar-feed-url">
            <p>{t('calendar.created')}</p>
            <p>
              <code>{created}</code>
            </p>
            <p>{t('calendar.keepSecret')}</p>
          </div>
        )}
      </div>
      <div role="alert">{message && <div className="pkt-alert pkt-alert--error">{message}</div>}</div>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim()) void submit();
        }}
      >
        <h2>{t('calendar.newFeed')}</h2>
        <label className="field" htmlFor="feed-label">
          {t('calendar.label')}
          <input id="feed-label" required maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} autoComplete="off" />
        </label>
        <BydelSelect id="feed-bydel" value={bydel} onChange={setBydel} />
        <label className="field" htmlFor="feed-category">
          {t('search.category')}
          <select id="feed-category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('search.any')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <div>
          <button type="submit" className="pkt-btn pkt-btn--primary pkt-btn--small" disabled={busy}>
            {t('calendar.create')}
          </button>
        </div>
      </form>
      <h2>{t('calendar.yourFeeds')}</h2>
      {error && <p role="alert">{t('common.error')}</p>}
      {feeds.length === 0 ? (
        <p>{t('calendar.none')}</p>
      ) : (
        <ul className="results">
          {feeds.map((f) => (
            <li key={f.id} className="result" data-testid="calendar-feed">
              <h3>{f.label}</h3>
              <p>
                {t('calendar.createdOn', { date: formatDate(f.createdAt) })}
                {f.revokedAt ? ` · ${t('calendar.revokedOn', { date: formatDate(f.revokedAt) })}` : ''}
              </p>
              {!f.revokedAt && (
                <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small" onClick={() => void revokeFeed(f.id)}>
                  {t('calendar.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
