import type { HistoryPoint, NodeInfo } from '../api/types';
import { useApp } from '../context';
import { formatInt, formatSat, formatSigned } from '../format';

/** The node now and in each older embedded snapshot, with the change since then under each figure. */
export function HistoryTable({ info, history }: { info: NodeInfo; history: HistoryPoint[] }) {
  const { t, lang } = useApp();
  const m = info.metrics;
  const p = info.network_position;
  const int = (n: number | null) => formatInt(n, lang);
  const sat = (n: number | null) => formatSat(n, lang);
  const change = (v: number | null, f: (x: number) => string = (x) => formatInt(x, lang)) =>
    v === null ? null : <span class="change">{t('history.change', { v: formatSigned(v, lang, f) })}</span>;
  return (
    <div class="table-wrap">
      <table data-testid="history-table">
        <caption>{t('history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.date')}</th>
            <th scope="col">{t('history.present')}</th>
            <th scope="col" class="num">{t('history.channels')}</th>
            <th scope="col" class="num">{t('history.capacity')}</th>
            <th scope="col" class="num">{t('history.peers')}</th>
            <th scope="col" class="num">{t('history.fee')}</th>
            <th scope="col" class="num">{t('history.degreeRank')}</th>
            <th scope="col" class="num">{t('history.capacityRank')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              {p.snapshot_date} <span class="muted">({t('history.now')})</span>
            </th>
            <td>{t('history.yes')}</td>
            <td class="num">{int(m.total_channels)}</td>
            <td class="num">{sat(m.total_capacity)}</td>
            <td class="num">{int(m.distinct_peers)}</td>
            <td class="num">{int(m.median_outbound_fee_rate_ppm)}</td>
            <td class="num">
              {int(p.degree.rank)} <span class="muted">/ {int(p.total_nodes)}</span>
            </td>
            <td class="num">
              {int(p.capacity.rank)} <span class="muted">/ {int(p.total_nodes)}</span>
            </td>
          </tr>
          {history.map((h) => (
            <tr key={h.snapshot_date}>
              <th scope="row">{h.snapshot_date}</th>
              <td>{h.present ? t('history.yes') : t('history.absent')}</td>
              <td class="num">
                {int(h.total_channels)} {change(h.change.total_channels)}
              </td>
              <td class="num">
                {sat(h.total_capacity)} {change(h.change.total_capacity, (x) => formatSat(x, lang))}
              </td>
              <td class="num">
                {int(h.distinct_peers)} {change(h.change.distinct_peers)}
              </td>
              <td class="num">
                {int(h.median_fee_rate_ppm)} {change(h.change.median_fee_rate_ppm)}
              </td>
              <td class="num">
                {int(h.degree_rank)} <span class="muted">/ {int(h.nodes_in_snapshot)}</span> {change(h.change.degree_rank)}
              </td>
              <td class="num">
                {int(h.capacity_rank)} <span class="muted">/ {int(h.nodes_in_snapshot)}</span> {change(h.change.capacity_rank)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
