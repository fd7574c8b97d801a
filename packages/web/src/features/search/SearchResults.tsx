import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ShowMore } from '../paging/ShowMore';
import type { useShowMore } from '../paging/useShowMore';

type Results<N> = Pick<
  ReturnType<typeof useShowMore<unknown, { after?: string | null }, N>>,
  'nodes' | 'totalCount' | 'hasMore' | 'showMore' | 'loadingMore' | 'moreError' | 'fetching' | 'error' | 'data'
>;

/**
 * The live part of a search page: the result count (announced politely), an error, the results
 * as a list, and "show more" for the next page.
 */
export function SearchResults<N extends { id: string }>({ results, children }: { results: Results<N>; children: (node: N) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status" aria-live="polite">
        {results.fetching ? t('common.loading') : results.data ? t('search.resultCount', { count: results.totalCount }) : ''}
      </p>
      {results.error && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          {t('common.error')}
        </div>
      )}
      <ul className="results" aria-label={t('search.results')}>
        {results.nodes.map((node) => (
          <li key={node.id} className="result">
            {children(node)}
          </li>
        ))}
      </ul>
      <ShowMore
        shown={results.nodes.length}
        total={results.totalCount}
        hasMore={results.hasMore}
        loading={results.loadingMore}
        error={results.moreError}
        onMore={() => void results.showMore()}
      />
    </>
  );
}
