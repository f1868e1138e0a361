import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../context';
import { formatInt, formatSat } from '../format';
import { useAsync } from '../hooks';
import { hrefFor, onLinkClick } from '../router';
import { networkStats } from '../stats-cache';
import { ErrorMessage } from './ErrorMessage';

const EXAMPLES = [
  { alias: 'ACINQ', pubkey: '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f' },
  { alias: 'CoinGate', pubkey: '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3' },
  { alias: 'Instant', pubkey: '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e' },
];

/** A figure not known yet: the card keeps its place so the page does not jump when it arrives. */
const PENDING = '…';

export function HomePage() {
  const { t, lang, api } = useApp();
  const figure = (n: number | null | undefined) => (n === null || n === undefined ? PENDING : formatInt(n, lang));
  const stats = useAsync((signal) => networkStats(api, signal), [api], { retryWhileComputing: true });
  // Health answers at once with the graph's counts: shown while the distributions are still being computed.
  const health = useAsync((signal) => api.getHealth(signal), [api]);
  const graph = health.state === 'done' && health.value.graph.loaded ? health.value.graph : null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${t('home.heading')} · ${t('app.title')}`;
  }, [t]);
  return (
    <div class="page">
      <h1 ref={heading} tabIndex={-1}>
        {t('home.heading')}
      </h1>
      <p class="lead">{t('home.intro')}</p>
      <section aria-labelledby="examples-h">
        <h2 id="examples-h">{t('home.examples')}</h2>
        <ul class="examples">
          {EXAMPLES.map((e) => (
            <li key={e.pubkey}>
              <a href={hrefFor.node(e.pubkey)} onClick={onLinkClick}>
                {e.alias}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="network-h" aria-busy={stats.state === 'loading'}>
        <h2 id="network-h">{t('home.network')}</h2>
        {stats.state === 'error' && <ErrorMessage error={stats.error} />}
        {stats.state === 'done' ? (
          <p class="muted">{t('home.snapshot', { date: stats.value.snapshot_date, source: stats.value.source })}</p>
        ) : (
          stats.state !== 'error' && <p class="muted">{graph?.snapshot_date ? t('home.computing', { date: graph.snapshot_date }) : t('common.loading')}</p>
        )}
        {stats.state !== 'error' && (
          <dl class="cards">
            <Card label={t('home.nodes')} value={figure(stats.state === 'done' ? stats.value.nodes : graph?.nodes)} />
            <Card label={t('home.routable')} value={figure(stats.state === 'done' ? stats.value.routable_nodes : graph?.routable_nodes)} />
            <Card label={t('home.channels')} value={figure(stats.state === 'done' ? stats.value.channels : graph?.channels)} />
            <Card label={t('home.usable')} value={figure(stats.state === 'done' ? stats.value.usable_channels : null)} />
            <Card label={t('home.medianSize')} value={stats.state === 'done' ? formatSat(stats.value.channel_size.median, lang) : PENDING} />
            <Card label={t('home.medianFee')} value={stats.state === 'done' ? `${formatInt(stats.value.fee_rate.median, lang)} ppm` : PENDING} />
          </dl>
        )}
      </section>
    </div>
  );
}

function Card({ label, value }: { label: string; value: string }) {
  return (
    <div class="card">
      <dt>{label}</dt>
      <dd class="card-value">{value}</dd>
    </div>
  );
}
