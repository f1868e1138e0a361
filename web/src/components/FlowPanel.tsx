import { useMemo, useState } from 'preact/hooks';
import type { Channel, FeeCurve, FlowSpread, NodeFlow } from '../api/types';
import { useApp } from '../context';
import { formatInt, formatNumber, formatPercent, formatSat, shortPubkey } from '../format';
import { useAsync } from '../hooks';
import { ErrorMessage } from './ErrorMessage';
import { peersOf } from './Neighbourhood';
import { themeColor, UPlotChart, uPlot } from './UPlotChart';

/** Points of the fee curve the page asks for (the API allows 2–50). */
export const CURVE_POINTS = 11;

function SpreadCell({ s, format }: { s: FlowSpread | null; format: (x: number) => string }) {
  if (!s) return <td class="num">—</td>;
  return (
    <td class="num">
      <strong>{format(s.p50)}</strong> <span class="muted">({format(s.p10)}–{format(s.p90)})</span>
    </td>
  );
}

/**
 * The node in the payment-flow model (`network_position.flow`), and the modelled fee curve of its channel(s) to a
 * chosen peer (`GET /node/{pk}/channels/{peer}/fee-curve`): forwards and revenue at each rate, the best rate marked.
 */
export function FlowPanel({ pubkey, flow, channels }: { pubkey: string; flow: NodeFlow; channels: Channel[] }) {
  const { t, lang } = useApp();
  const peers = useMemo(() => peersOf(channels), [channels]);
  const [peer, setPeer] = useState<string | null>(null);
  if (flow.status !== 'ready') {
    return (
      <p class="muted" role="status" data-testid="flow-status" data-state={flow.status}>
        {flow.status === 'computing' ? t('flow.computing') : t('flow.unavailable')}
      </p>
    );
  }
  const sat = (x: number) => formatNumber(x, lang, x < 10 ? 2 : 0);
  return (
    <div data-testid="flow-panel">
      <p class="muted">{t('flow.desc', { runs: formatInt(flow.runs, lang), payments: formatInt(flow.payments_per_run, lang) })}</p>
      <div class="table-wrap">
        <table data-testid="flow-table">
          <caption>{t('flow.caption')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('flow.forwards')}</th>
              <SpreadCell s={flow.forwards_per_day} format={(x) => formatNumber(x, lang, 1)} />
            </tr>
            <tr>
              <th scope="row">{t('flow.revenue')}</th>
              <SpreadCell s={flow.revenue_sat_per_day} format={sat} />
            </tr>
            <tr>
              <th scope="row">{t('flow.volume')}</th>
              <SpreadCell s={flow.volume_sat_per_day} format={(x) => formatSat(x, lang)} />
            </tr>
            <tr>
              <th scope="row">{t('flow.share')}</th>
              <SpreadCell s={flow.share_of_network_flow} format={(x) => formatPercent(x, lang, 3)} />
            </tr>
          </tbody>
        </table>
      </div>
      {peers.length > 0 && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const sel = (e.currentTarget.elements.namedItem('peer') as HTMLSelectElement).value;
            setPeer(sel);
          }}
        >
          <label>
            {t('flow.curve.peer')}{' '}
            <select name="peer" data-testid="fee-curve-peer">
              {peers.map((p) => (
                <option key={p.pubkey} value={p.pubkey}>
                  {p.alias ?? shortPubkey(p.pubkey)} ({formatSat(p.capacity, lang)})
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit">{t('flow.curve.show')}</button>
        </form>
      )}
      {peer && <FeeCurveView pubkey={pubkey} peer={peer} />}
    </div>
  );
}

function FeeCurveView({ pubkey, peer }: { pubkey: string; peer: string }) {
  const { api, t, lang } = useApp();
  const curve = useAsync((signal) => api.getFeeCurve(pubkey, peer, { points: CURVE_POINTS }, signal), [pubkey, peer], { retryWhileComputing: true });
  if (curve.state === 'error') return <ErrorMessage error={curve.error} />;
  if (curve.state !== 'done') {
    return (
      <p class="muted" role="status" aria-busy="true">
        {t('flow.curve.loading')}
      </p>
    );
  }
  return <FeeCurveChart curve={curve.value} lang={lang} t={t} />;
}

function FeeCurveChart({ curve, lang, t }: { curve: FeeCurve; lang: 'en' | 'fr'; t: ReturnType<typeof useApp>['t'] }) {
  const chart = useMemo(() => {
    const x = curve.points.map((p) => p.fee_rate_ppm);
    const data: uPlot.AlignedData = [x, curve.points.map((p) => p.node_revenue_sat_per_day.p50), curve.points.map((p) => p.node_revenue_sat_per_day.p10), curve.points.map((p) => p.node_revenue_sat_per_day.p90), curve.points.map((p) => p.revenue_sat_per_day.p50)];
    const fg = themeColor('--fg-muted');
    const grid = themeColor('--grid');
    const node = themeColor('--chart-node');
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const options = (width: number): uPlot.Options => ({
      title: t('flow.curve.title'),
      width,
      height: 240,
      scales: { x: { time: false } },
      axes: [
        { ...axis, label: t('flow.curve.rate') },
        { ...axis, label: t('flow.revenue'), size: 60 },
      ],
      series: [{}, { label: t('flow.curve.node'), stroke: node, width: 2 }, { label: 'p10', stroke: fg, dash: [4, 4] }, { label: 'p90', stroke: fg, dash: [4, 4] }, { label: t('flow.curve.channel'), stroke: themeColor('--chart-network'), width: 2 }],
    });
    return { data, options };
  }, [curve, t]);
  const desc = t('flow.curve.desc', { peer: curve.peer_alias ?? shortPubkey(curve.peer_pubkey), best: formatInt(curve.best.fee_rate_ppm, lang), current: formatInt(curve.current_fee_rate_ppm, lang) });
  return (
    <figure class="chart-figure" data-testid="fee-curve" data-best={String(curve.best.fee_rate_ppm)}>
      <UPlotChart name="fee-curve" options={chart.options} data={chart.data} points={curve.points.length} label={`${t('flow.curve.title')}. ${desc}`} />
      <figcaption class="muted">{desc}</figcaption>
      <div class="table-wrap">
        <table data-testid="fee-curve-table">
          <caption>{t('flow.curve.title')}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">{t('flow.curve.rate')}</th>
              <th scope="col" class="num">{t('flow.curve.channelForwards')}</th>
              <th scope="col" class="num">{t('flow.curve.channelRevenue')}</th>
              <th scope="col" class="num">{t('flow.curve.nodeRevenue')}</th>
            </tr>
          </thead>
          <tbody>
            {curve.points.map((p) => (
              <tr key={p.fee_rate_ppm} class={p.fee_rate_ppm === curve.best.fee_rate_ppm ? 'best' : undefined} aria-current={p.fee_rate_ppm === curve.best.fee_rate_ppm || undefined}>
                <td class="num">{formatInt(p.fee_rate_ppm, lang)}</td>
                <SpreadCell s={p.forwards_per_day} format={(x) => formatNumber(x, lang, 1)} />
                <SpreadCell s={p.revenue_sat_per_day} format={(x) => formatNumber(x, lang, 2)} />
                <SpreadCell s={p.node_revenue_sat_per_day} format={(x) => formatNumber(x, lang, 2)} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="cell-details">
        <summary>{t('flow.assumptions')}</summary>
        <ul>
          {curve.model.assumptions.map((a, i) => (
            <li key={i}>{a}</li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
