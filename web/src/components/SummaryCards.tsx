import type { Centrality, NodeInfo, RankedValue } from '../api/types';
import { useApp } from '../context';
import { formatInt, formatNumber, formatSat } from '../format';

/** The node at a glance: size, fees, and its rank and percentile on each of the five position measures. */
export function SummaryCards({ info }: { info: NodeInfo }) {
  const { t, lang } = useApp();
  const m = info.metrics;
  const p = info.network_position;
  const rankSub = (r: { rank: number; percentile: number }, total: number) =>
    `${t('common.rankOf', { rank: formatInt(r.rank, lang), total: formatInt(total, lang) })} · ${t('common.percentile', { p: formatNumber(r.percentile, lang) })}`;
  const ranked = (label: string, r: RankedValue, value: string) => <Card key={label} label={label} value={value} sub={p.routable ? rankSub(r, p.total_nodes) : t('cards.notRoutable')} />;
  const central = (label: string, c: Centrality | null) => {
    const sub = c ? rankSub(c, p.routable_nodes) : !p.routable ? t('cards.notRoutable') : p.status === 'computing' ? t('cards.computing') : t('cards.unavailable');
    return <Card key={label} label={label} value={c ? `#${formatInt(c.rank, lang)}` : '—'} sub={sub} busy={!c && p.routable && p.status === 'computing'} />;
  };
  return (
    <dl class="cards" data-testid="summary-cards">
      <Card label={t('cards.channels')} value={formatInt(m.total_channels, lang)} sub={t('common.active', { n: formatInt(m.active_channels, lang) })} />
      <Card label={t('cards.capacity')} value={formatSat(m.total_capacity, lang)} sub={t('common.active', { n: formatSat(m.active_capacity, lang) })} />
      <Card label={t('cards.peers')} value={formatInt(m.distinct_peers, lang)} sub={t('common.active', { n: formatInt(m.active_peers, lang) })} />
      <Card label={t('cards.medianSize')} value={formatSat(m.median_channel_size, lang)} />
      <Card
        label={t('cards.medianFee')}
        value={m.median_outbound_fee_rate_ppm === null ? '—' : `${formatInt(m.median_outbound_fee_rate_ppm, lang)} ppm`}
        sub={m.median_outbound_base_fee_msat === null ? undefined : t('cards.baseFee', { n: formatInt(m.median_outbound_base_fee_msat, lang) })}
      />
      {ranked(t('cards.degree'), p.degree, formatInt(p.degree.value, lang))}
      {ranked(t('cards.capacityRank'), p.capacity, `#${formatInt(p.capacity.rank, lang)}`)}
      {central(t('cards.betweenness'), p.betweenness)}
      {central(t('cards.closeness'), p.closeness)}
      {central(t('cards.eigenvector'), p.eigenvector)}
    </dl>
  );
}

function Card({ label, value, sub, busy }: { label: string; value: string; sub?: string; busy?: boolean }) {
  return (
    <div class="card" aria-busy={busy || undefined}>
      <dt>{label}</dt>
      <dd class="card-value">{value}</dd>
      {sub && <dd class="card-sub">{sub}</dd>}
    </div>
  );
}
