import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Health, Metrics, UpstreamMetrics } from '../api/types';
import { useApp } from '../context';
import { formatDuration, formatInt, formatMs, formatNumber, formatPercent } from '../format';
import type { MessageKey } from '../i18n';
import { ErrorMessage } from './ErrorMessage';
import { themeColor, UPlotChart, uPlot } from './UPlotChart';

export const POLL_MS = 5000;
/** Samples kept for the live chart: 10 minutes at one every 5 s. */
const KEEP = 120;

interface Sample {
  t: number;
  count: number;
  totalSeconds: number;
}

/** Requests per second and mean latency between consecutive polls of /metrics. */
function rates(samples: Sample[]) {
  const out: { t: number; rps: number; latencyMs: number | null }[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    // eslint-disable-next-line security/detect-object-injection -- integer loop index
    const b = samples[i];
    const dt = (b.t - a.t) / 1000;
    const dn = b.count - a.count;
    if (dt <= 0 || dn < 0) continue;
    out.push({ t: b.t / 1000, rps: dn / dt, latencyMs: dn > 0 ? ((b.totalSeconds - a.totalSeconds) / dn) * 1000 : null });
  }
  return out;
}

/**
 * The service itself: `GET /health` and `GET /metrics`, polled every 5 s while the tab is visible (paused on
 * demand), with request rate and latency drawn live from the differences between polls.
 */
export function ServicePage() {
  const { api, t, lang } = useApp();
  const [health, setHealth] = useState<Health | null>(null);
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [paused, setPaused] = useState(false);
  const [polls, setPolls] = useState(0);
  const [updated, setUpdated] = useState<Date | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('service.heading')} · ${t('app.title')}`;
  }, [t]);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);

  useEffect(() => {
    if (paused) return;
    const ctrl = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      if (document.visibilityState === 'hidden') {
        timer = window.setTimeout(poll, POLL_MS);
        return;
      }
      try {
        const [h, m] = await Promise.all([api.getHealth(ctrl.signal), api.getMetrics(ctrl.signal)]);
        if (ctrl.signal.aborted) return;
        setHealth(h);
        setMetrics(m);
        setError(null);
        setSamples((s) => [...s, { t: Date.now(), count: m.request_count, totalSeconds: m.request_count * m.average_response_time }].slice(-KEEP));
        setPolls((n) => n + 1);
        setUpdated(new Date());
      } catch (err) {
        if (ctrl.signal.aborted || (err as Error)?.name === 'AbortError') return;
        setError(err);
      }
      if (!ctrl.signal.aborted) timer = window.setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [api, paused]);

  const series = useMemo(() => rates(samples), [samples]);
  const last = series.at(-1) ?? null;

  return (
    <div class="page">
      <h1 ref={heading} tabIndex={-1}>
        {t('service.heading')}
      </h1>
      <div class="row">
        <p class="muted">{t('service.live', { s: POLL_MS / 1000 })}</p>
        <button type="button" class="secondary" aria-pressed={paused} onClick={() => setPaused(!paused)}>
          {paused ? t('service.resume') : t('service.pause')}
        </button>
        <p class="muted" data-testid="service-updated" data-polls={polls}>
          {updated ? t('service.updated', { time: updated.toLocaleTimeString(lang) }) : t('common.loading')}
        </p>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {health && <HealthView health={health} />}
      {metrics && (
        <section aria-labelledby="traffic-h" class="section">
          <h2 id="traffic-h">{t('service.metrics')}</h2>
          <dl class="cards">
            <Card label={t('service.requests')} value={formatInt(metrics.request_count, lang)} />
            <Card label={t('service.rate')} value={last ? t('service.rateValue', { n: formatNumber(last.rps, lang) }) : '—'} />
            <Card label={t('service.latency')} value={t('common.ms', { n: formatMs(metrics.average_response_time, lang) })} />
            <Card label={t('service.cache')} value={formatPercent(metrics.cache_hit_ratio, lang)} />
            <Card label={t('service.errors')} value={formatPercent(metrics.error_rate, lang, 2)} />
            <Card label={t('service.clientErrors')} value={formatPercent(metrics.client_error_rate, lang, 2)} />
          </dl>
          <LiveChart series={series} />
          <RoutesTable metrics={metrics} />
          <UpstreamsTable upstreams={metrics.upstreams} />
        </section>
      )}
    </div>
  );
}

function Card({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div class="card">
      <dt>{label}</dt>
      <dd class="card-value">{value}</dd>
      {sub && <dd class="card-sub">{sub}</dd>}
    </div>
  );
}

function HealthView({ health }: { health: Health }) {
  const { t, lang } = useApp();
  const g = health.graph;
  return (
    <section aria-labelledby="health-h" class="section">
      <h2 id="health-h">{t('service.health')}</h2>
      <p>
        <span class={`badge status-${health.status}`} data-testid="health-status">
          {t(`service.status.${health.status}` as MessageKey)}
        </span>{' '}
        {t('service.version', { v: health.version, uptime: formatDuration(health.uptime_seconds, lang) })}
      </p>
      {g.loaded && (
        <p class="muted">
          {t('service.graph', { nodes: formatInt(g.nodes, lang), channels: formatInt(g.channels, lang), date: g.snapshot_date ?? '—', source: g.source ?? '—' })}
        </p>
      )}
      {health.reasons.length > 0 && (
        <>
          <p class="small-title">{t('service.reasons')}</p>
          <ul class="warnings">
            {health.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      )}
      <div class="table-wrap">
        <table>
          <caption>{t('service.services')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('service.dep')}</th>
              <th scope="col">{t('service.state')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(health.services).map(([name, state]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>
                  <span class={`badge state-${state}`}>{t(`state.${state}` as MessageKey)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The samples' own span, and at least the last minute. Taken from the data rather than from uPlot's min and max:
 * for a single point uPlot widens those by a day in its time unit, which in seconds is 86,400,000 s (years).
 */
function timeRange(u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  const xs = u.data[0];
  if (xs.length === 0) return [min, max];
  const first = xs[0];
  const last = xs[xs.length - 1];
  return [Math.min(first, last - 60), last];
}

function LiveChart({ series }: { series: ReturnType<typeof rates> }) {
  const { t } = useApp();
  const data = useMemo<uPlot.AlignedData>(() => [series.map((s) => s.t), series.map((s) => s.rps), series.map((s) => s.latencyMs)], [series]);
  const options = useMemo(() => {
    const rate = themeColor('--chart-node');
    const latency = themeColor('--chart-peer');
    const fg = themeColor('--fg-muted');
    const grid = themeColor('--grid');
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    return (width: number): uPlot.Options => ({
      title: t('service.chart'),
      width,
      height: 220,
      scales: { x: { time: true, range: timeRange }, rps: { range: (_u, _min, max) => [0, Math.max(1, max * 1.2)] }, ms: { range: (_u, _min, max) => [0, Math.max(1, max * 1.2)] } },
      axes: [axis, { ...axis, scale: 'rps', label: t('service.chart.rate'), size: 50 }, { ...axis, scale: 'ms', side: 1, label: t('service.chart.latency'), size: 60, grid: { show: false } }],
      series: [
        {},
        { label: t('service.chart.rate'), scale: 'rps', stroke: rate, width: 2, points: { show: true, size: 4 } },
        { label: t('service.chart.latency'), scale: 'ms', stroke: latency, width: 2, dash: [6, 3], points: { show: true, size: 4 } },
      ],
    });
    // Rebuilt with the language only: new samples go through `data`.
  }, [t]);
  if (series.length === 0) return null;
  return <UPlotChart name="service-live" options={options} data={data} points={series.length} label={t('service.chart')} />;
}

function RoutesTable({ metrics }: { metrics: Metrics }) {
  const { t, lang } = useApp();
  return (
    <div class="table-wrap">
      <table data-testid="routes-table">
        <caption>
          {t('service.routes')} <span class="muted">{t('service.routes.caption')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('service.route')}</th>
            <th scope="col" class="num">{t('service.count')}</th>
            <th scope="col" class="num">p50</th>
            <th scope="col" class="num">p95</th>
            <th scope="col" class="num">p99</th>
            <th scope="col" class="num">4xx</th>
            <th scope="col" class="num">5xx</th>
          </tr>
        </thead>
        <tbody>
          {metrics.routes.map((r) => (
            <tr key={`${r.method} ${r.route}`}>
              <th scope="row">
                <code>
                  {r.method} {r.route}
                </code>
              </th>
              <td class="num">{formatInt(r.request_count, lang)}</td>
              <td class="num">{formatMs(r.p50, lang)}</td>
              <td class="num">{formatMs(r.p95, lang)}</td>
              <td class="num">{formatMs(r.p99, lang)}</td>
              <td class="num">{formatPercent(r.client_error_rate, lang)}</td>
              <td class="num">{formatPercent(r.error_rate, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UpstreamsTable({ upstreams }: { upstreams: Record<string, unknown> }) {
  const { t, lang } = useApp();
  const rows = Object.entries(upstreams) as [string, UpstreamMetrics][];
  if (rows.length === 0) return <p class="muted">{t('service.noUpstreams')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{t('service.upstreams')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('service.upstream')}</th>
            <th scope="col">{t('service.configured')}</th>
            <th scope="col">{t('service.breaker')}</th>
            <th scope="col" class="num">{t('service.calls')}</th>
            <th scope="col" class="num">{t('service.upErrors')}</th>
            <th scope="col" class="num">p95</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, u]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>{u.configured ? '✓' : '—'}</td>
              <td>
                <span class={`badge breaker-${u.breaker_state}`}>{u.breaker_state}</span>
              </td>
              <td class="num">{formatInt(u.calls, lang)}</td>
              <td class="num">{formatInt(u.errors, lang)}</td>
              <td class="num">{u.latency_ms?.p95 === null || u.latency_ms?.p95 === undefined ? '—' : t('common.ms', { n: formatInt(u.latency_ms.p95, lang) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
