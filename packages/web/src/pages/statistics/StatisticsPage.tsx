import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { graphql } from '../../gql';
import { formatNumber, osloToday } from '../../lib/format';
import { isShown, statisticsCsv } from './csv';

const StatisticsQuery = graphql(`
  query ReferralStatistics($fromMonth: String!, $toMonth: String!) {
    referralStatistics(fromMonth: $fromMonth, toMonth: $toMonth) {
      bydelCode
      month
      category
      outcome
      count
      suppressed
    }
  }
`);

function monthsBack(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * The bydel's referrals by month × category × outcome. A suppressed cell (fewer than five) is never
 * shown or exported as a number, only as "fewer than 5".
 */
export default function StatisticsPage() {
  const { t } = useTranslation();
  usePageTitle('statistics.title');
  const thisMonth = osloToday().slice(0, 7);
  const [fromMonth, setFromMonth] = useState(monthsBack(thisMonth, 11));
  const [toMonth, setToMonth] = useState(thisMonth);
  const [{ data, fetching, error }] = useQuery({ query: StatisticsQuery, variables: { fromMonth, toMonth } });
  const cells = useMemo(() => data?.referralStatistics ?? [], [data]);

  const label = (c: (typeof cells)[number]) => (isShown(c) ? formatNumber(c.count) : t('statistics.suppressed'));
  // One bar per published cell, never a sum: a missing cell may be 0 or withheld, so totals would mislead.
  const shown = cells.filter(isShown);
  const max = Math.max(1, ...shown.map((c) => c.count));

  function download() {
    const csv = statisticsCsv([t('statistics.month'), t('statistics.bydel'), t('statistics.category'), t('statistics.outcome'), t('statistics.count')], cells);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `samspill-statistikk-${fromMonth}-${toMonth}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="stack">
      <h1>{t('statistics.title')}</h1>
      <div className="inline-form">
        <label className="field">
          {t('statistics.from')}
          <input type="month" value={fromMonth} onChange={(e) => e.target.value && setFromMonth(e.target.value)} />
        </label>
        <label className="field">
          {t('statistics.to')}
          <input type="month" value={toMonth} onChange={(e) => e.target.value && setToMonth(e.target.value)} />
        </label>
        <button type="button" className="pkt-btn pkt-btn--secondary pkt-btn--small" onClick={download} disabled={cells.length === 0}>
          {t('statistics.download')}
        </button>
      </div>
      {fetching && !data && <p aria-busy="true">{t('common.loading')}</p>}
      {error && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          {t('common.error')}
        </div>
      )}
      {shown.length > 0 && (
        <figure className="chart">
          <svg className="bar-chart" role="img" aria-labelledby="chart-caption" viewBox={`0 0 400 ${shown.length * 24 + 4}`}>
            {shown.map((c, i) => (
              <g key={`${c.month}-${c.bydelCode}-${c.category}-${c.outcome}`}>
                <text x={0} y={i * 24 + 16} fontSize="10">
                  {`${c.month} · ${t(`category.${c.category}`, { defaultValue: c.category })} · ${t(`outcome.${c.outcome}`)}`}
                </text>
                <rect x={220} y={i * 24 + 4} width={(c.count / max) * 150} height={16}>
                  <title>{formatNumber(c.count)}</title>
                </rect>
                <text x={224 + (c.count / max) * 150} y={i * 24 + 16} fontSize="10">
                  {formatNumber(c.count)}
                </text>
              </g>
            ))}
          </svg>
          <figcaption id="chart-caption">{t('statistics.chartCaption')}</figcaption>
        </figure>
      )}
      {data && cells.length === 0 && <p>{t('statistics.none')}</p>}
      {cells.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption>{t('statistics.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statistics.month')}</th>
                <th scope="col">{t('statistics.category')}</th>
                <th scope="col">{t('statistics.outcome')}</th>
                <th scope="col">{t('statistics.count')}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c, i) => (
                <tr key={i}>
                  <td>{c.month}</td>
                  <td>{t(`category.${c.category}`, { defaultValue: c.category })}</td>
                  <td>{t(`outcome.${c.outcome}`)}</td>
                  <td>{label(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
