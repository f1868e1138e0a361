import { useMemo } from 'preact/hooks';
import type { Channel, Distribution, NetworkStats } from '../api/types';
import { useApp } from '../context';
import { bucketLabel, compact, formatInt, formatSat } from '../format';
import type { Translate } from '../i18n';
import { themeColor, UPlotChart, uPlot } from './UPlotChart';

const FEE_TICKS = [0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

function median(sorted: number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** The node's values put into the network's buckets, both as shares (%), trimmed to the buckets that hold anything. */
export function compareToNetwork(values: number[], dist: Distribution) {
  const nodeCounts = dist.buckets.map(() => 0);
  for (const v of values) {
    const i = dist.buckets.findIndex((b) => v >= b.from && (b.to === null || v < b.to));
    // eslint-disable-next-line security/detect-object-injection -- integer bucket index
    if (i >= 0) nodeCounts[i]++;
  }
  const netTotal = dist.count || 1;
  const nodeTotal = values.length || 1;
  // eslint-disable-next-line security/detect-object-injection -- integer bucket index
  let first = dist.buckets.findIndex((b, i) => b.count > 0 || nodeCounts[i] > 0);
  let last = dist.buckets.length - 1;
  // eslint-disable-next-line security/detect-object-injection -- integer bucket index
  while (last > 0 && dist.buckets[last].count === 0 && nodeCounts[last] === 0) last--;
  if (first < 0) first = 0;
  const buckets = dist.buckets.slice(first, last + 1);
  return {
    buckets,
    network: buckets.map((b) => Math.round((1000 * b.count) / netTotal) / 10),
    node: nodeCounts.slice(first, last + 1).map((c) => Math.round((1000 * c) / nodeTotal) / 10),
  };
}

function axisStyle() {
  const fg = themeColor('--fg-muted');
  const grid = themeColor('--grid');
  return { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
}

function histogramOptions(title: string, labels: string[], t: Translate, xLabel: string, height = 240) {
  const bars = uPlot.paths.bars!;
  const net = themeColor('--chart-network');
  const node = themeColor('--chart-node');
  return (width: number): uPlot.Options => ({
    title,
    width,
    height,
    scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.1))] } },
    axes: [
      // eslint-disable-next-line security/detect-object-injection -- integer axis position from uPlot
      { ...axisStyle(), label: xLabel, splits: () => labels.map((_, i) => i), values: (_u, splits) => splits.map((i) => labels[i] ?? '') },
      { ...axisStyle(), label: t('charts.share'), size: 50 },
    ],
    series: [
      // eslint-disable-next-line security/detect-object-injection -- integer axis position from uPlot
      { label: xLabel, value: (_u, v) => (v === null || v === undefined ? '' : (labels[v] ?? '')) },
      { label: t('charts.network'), stroke: net, fill: `${net}99`, width: 1, paths: bars({ size: [0.42, 48], align: -1 }), points: { show: false } },
      { label: t('charts.node'), stroke: node, fill: `${node}cc`, width: 1, paths: bars({ size: [0.42, 48], align: 1 }), points: { show: false } },
    ],
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
  });
}

/** The node's channels against the network: each channel by size and fee rate, and both distributions side by side. */
export function ChannelCharts({ channels, stats }: { channels: Channel[]; stats: NetworkStats | null }) {
  const { t, lang } = useApp();

  const scatter = useMemo(() => {
    const rows = channels
      .map((c) => ({
        cap: c.capacity,
        mine: c.local_policy && !c.local_policy.disabled ? c.local_policy.fee_rate_ppm : null,
        theirs: c.remote_policy && !c.remote_policy.disabled ? c.remote_policy.fee_rate_ppm : null,
      }))
      .filter((r) => r.cap > 0 && (r.mine !== null || r.theirs !== null))
      .sort((a, b) => a.cap - b.cap);
    // The node's own fees drawn last, on top of its peers'.
    const data: uPlot.AlignedData = [rows.map((r) => r.cap), rows.map((r) => r.theirs), rows.map((r) => r.mine)];
    const medSize = stats?.channel_size.median ?? null;
    const medFee = stats?.fee_rate.median ?? null;
    const you = themeColor('--chart-node');
    const peer = themeColor('--chart-peer');
    const muted = themeColor('--fg-muted');
    const medianLabel = t('charts.medianLine');
    const options = (width: number): uPlot.Options => ({
      title: t('charts.scatter'),
      width,
      height: 320,
      // Fee rates span 0 to 100k ppm with many zeros: an asinh scale is linear near 0 and logarithmic above.
      scales: { x: { time: false, distr: 3 }, y: { distr: 4, asinh: 1, range: (_u, _min, max) => [0, Math.max(10, max * 1.5)] } },
      axes: [
        { ...axisStyle(), label: t('charts.capacity'), values: (_u, splits) => splits.map((v) => (v === null || v === undefined ? '' : compact(v, lang))) },
        {
          ...axisStyle(),
          label: t('charts.feeRate'),
          size: 56,
          splits: (u) => FEE_TICKS.filter((v) => v <= (u.scales.y.max ?? 0)),
          values: (_u, splits) => splits.map((v) => (v === null || v === undefined ? '' : compact(v, lang))),
        },
      ],
      series: [
        { label: t('charts.capacity'), value: (_u, v) => (v === null || v === undefined ? '' : formatSat(v, lang)) },
        { label: t('charts.peer'), stroke: peer, fill: peer, paths: () => null, points: { show: true, size: 5, width: 1, stroke: peer, fill: `${peer}66` } },
        { label: t('charts.you'), stroke: you, fill: you, paths: () => null, points: { show: true, size: 6, width: 1, stroke: you, fill: `${you}aa` } },
      ],
      legend: { show: true },
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            const { left, top, width: w, height: h } = u.bbox;
            ctx.save();
            ctx.strokeStyle = muted;
            ctx.fillStyle = muted;
            ctx.lineWidth = uPlot.pxRatio;
            ctx.setLineDash([6 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
            ctx.font = `${11 * uPlot.pxRatio}px system-ui, sans-serif`;
            ctx.textAlign = 'left';
            ctx.textBaseline = 'alphabetic';
            if (medSize !== null) {
              const x = u.valToPos(medSize, 'x', true);
              if (x >= left && x <= left + w) {
                ctx.beginPath();
                ctx.moveTo(x, top);
                ctx.lineTo(x, top + h);
                ctx.stroke();
                ctx.fillText(medianLabel, x + 4 * uPlot.pxRatio, top + 12 * uPlot.pxRatio);
              }
            }
            if (medFee !== null) {
              const y = u.valToPos(medFee, 'y', true);
              if (y >= top && y <= top + h) {
                ctx.beginPath();
                ctx.moveTo(left, y);
                ctx.lineTo(left + w, y);
                ctx.stroke();
                ctx.fillText(medianLabel, left + 4 * uPlot.pxRatio, y - 4 * uPlot.pxRatio);
              }
            }
            ctx.restore();
          },
        ],
      },
    });
    return { data, options, points: rows.length };
  }, [channels, stats, t, lang]);

  const sizes = useMemo(() => {
    if (!stats) return null;
    const values = channels.filter((c) => c.usable).map((c) => c.capacity);
    const cmp = compareToNetwork(values, stats.channel_size);
    const labels = cmp.buckets.map((b) => bucketLabel(b, lang));
    const data: uPlot.AlignedData = [labels.map((_, i) => i), cmp.network, cmp.node];
    const nodeMedian = median([...values].sort((a, b) => a - b));
    return {
      data,
      options: histogramOptions(t('charts.sizes'), labels, t, t('charts.capacity')),
      points: values.length,
      desc: t('charts.sizes.desc', { node: formatSat(nodeMedian, lang), net: formatSat(stats.channel_size.median, lang) }),
    };
  }, [channels, stats, t, lang]);

  const fees = useMemo(() => {
    if (!stats) return null;
    const values = channels.filter((c) => c.local_policy && !c.local_policy.disabled).map((c) => c.local_policy!.fee_rate_ppm);
    const cmp = compareToNetwork(values, stats.fee_rate);
    const labels = cmp.buckets.map((b) => bucketLabel(b, lang));
    const data: uPlot.AlignedData = [labels.map((_, i) => i), cmp.network, cmp.node];
    const nodeMedian = median([...values].sort((a, b) => a - b));
    return {
      data,
      options: histogramOptions(t('charts.fees'), labels, t, t('charts.feeRate')),
      points: values.length,
      desc: t('charts.fees.desc', { node: `${formatInt(nodeMedian, lang)} ppm`, net: `${formatInt(stats.fee_rate.median, lang)} ppm` }),
    };
  }, [channels, stats, t, lang]);

  const scatterDesc = t('charts.scatter.desc', {
    n: formatInt(scatter.points, lang),
    size: formatSat(stats?.channel_size.median ?? null, lang),
    fee: formatInt(stats?.fee_rate.median ?? null, lang),
  });
  return (
    <div class="charts">
      <figure class="chart-figure">
        <UPlotChart name="channels-scatter" options={scatter.options} data={scatter.data} points={scatter.points} label={`${t('charts.scatter')}. ${scatterDesc}`} />
        <figcaption class="muted">{scatterDesc}</figcaption>
      </figure>
      {!stats && <p class="muted">{t('charts.noStats')}</p>}
      {sizes && (
        <figure class="chart-figure">
          <UPlotChart name="size-histogram" options={sizes.options} data={sizes.data} points={sizes.points} label={`${t('charts.sizes')}. ${sizes.desc}`} />
          <figcaption class="muted">{sizes.desc}</figcaption>
        </figure>
      )}
      {fees && (
        <figure class="chart-figure">
          <UPlotChart name="fee-histogram" options={fees.options} data={fees.data} points={fees.points} label={`${t('charts.fees')}. ${fees.desc}`} />
          <figcaption class="muted">{fees.desc}</figcaption>
        </figure>
      )}
    </div>
  );
}
