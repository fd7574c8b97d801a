import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';

import { firstProblem } from '../../lib/errors';

/** "Showing 30 of 120" and the button that loads the next page, for a list read with useShowMore. */
export function ShowMore(props: { shown?: number; total?: number; hasMore: boolean; loading: boolean; error?: CombinedError; onMore: () => void }) {
  const { t } = useTranslation();
  if (!props.hasMore && !props.error) return null;
  return (
    <div className="stack">
      {props.shown !== undefined && <p>{t('paging.shown', { count: props.shown, total: props.total })}</p>}
      {props.error && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          {firstProblem(props.error, t)}
        </div>
      )}
      {props.hasMore && (
        <button type="button" className="pkt-btn pkt-btn--secondary" disabled={props.loading} aria-busy={props.loading || undefined} onClick={props.onMore}>
          {props.loading ? t('common.loading') : t('paging.more')}
        </button>
      )}
    </div>
  );
}
