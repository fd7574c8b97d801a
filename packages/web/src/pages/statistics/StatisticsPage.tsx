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
  // Every month of the period, empty ones too, so the bars keep their place in time.
  const byMonth = useMemo(() => {
    const totals = new Map<string, number>();
    for (let m = fromMonth, i = 0; m <= toMonth && i < 60; m = monthsBack(m, -1), i++) totals.set(m, 0);
    for (const c of cells) totals.set(c.month, (totals.get(c.month) ?? 0) + (isShown(c) ? c.count : 0));
    return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [cells, fromMonth, toMonth]);
  const max = Math.max(1, ...byMonth.map(([, n]) => n));

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
      {cells.length > 0 && (
        <figure className="chart">
          <svg className="bar-chart" role="img" aria-labelledby="chart-caption" viewBox={`0 0 ${byMonth.length * 40} 140`}>
            {byMonth.map(([month, n], i) => (
              <g key={month}>
                <rect x={i * 40 + 6} y={115 - (n / max) * 90} width={28} height={(n / max) * 90}>
                  <title>{`${month}: ${formatNumber(n)}`}</title>
                </rect>
                <text x={i * 40 + 20} y={111 - (n / max) * 90} textAnchor="middle" fontSize="10">
                  {n > 0 ? formatNumber(n) : ''}
                </text>
                <text x={i * 40 + 20} y={130} textAnchor="middle" fontSize="9">
                  {month.slice(2)}
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
