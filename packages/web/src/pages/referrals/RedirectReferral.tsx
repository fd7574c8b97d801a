import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { useDebounced } from '../../features/search/useDebounced';
import { graphql } from '../../gql';
import { firstProblem, isConflict } from '../../lib/errors';
import { useIdempotencyKey } from '../../session/idempotency';

const RedirectCandidatesQuery = graphql(`
  query RedirectCandidates($text: String) {
    activities(first: 10, filter: { text: $text }) {
      nodes {
        id
        title
        organisation {
          name
        }
      }
    }
  }
`);

const RedirectReferralMutation = graphql(`
  mutation RedirectReferral($id: ID!, $input: RedirectReferralInput!) {
    redirectReferral(id: $id, input: $input) {
      id
    }
  }
`);

/** A declined referral sent on to another activity, as a new linked draft that the shelter then sends. */
export function RedirectReferral({ referral }: { referral: { id: string; version: number } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const settled = useDebounced(text.trim());
  const [{ data }] = useQuery({ query: RedirectCandidatesQuery, variables: { text: settled || null }, pause: !settled });
  const [, redirect] = useMutation(RedirectReferralMutation);
  const idempotencyKey = useIdempotencyKey();
  const [message, setMessage] = useState<string | null>(null);

  async function choose(activityId: string) {
    const result = await redirect({ id: referral.id, input: { activityId, version: referral.version } }, { idempotencyKey });
    if (result.error || !result.data) {
      setMessage(isConflict(result.error) ? t('referral.conflict') : firstProblem(result.error, t));
      return;
    }
    navigate(`/henvisninger/${result.data.redirectReferral.id}`);
  }

  return (
    <section className="stack">
      <h2>{t('referral.redirect')}</h2>
      <label className="field" htmlFor="redirect-search">
        {t('referral.redirectSearch')}
        <input id="redirect-search" type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
      </label>
      <div role="alert">{message && <div className="pkt-alert pkt-alert--error">{message}</div>}</div>
      <ul>
        {data?.activities.nodes.map((a) => (
          <li key={a.id}>
            {a.title} ({a.organisation.name}){' '}
            <button type="button" className="pkt-btn pkt-btn--secondary pkt-btn--small" onClick={() => void choose(a.id)}>
              {t('referral.redirectTo')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
