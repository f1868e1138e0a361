import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CandidateVetting, ChannelCandidate, NodeInfo } from '../api/types';
import { useApp } from '../context';
import { formatInt, formatNumber, formatPercent, formatSat, shortPubkey } from '../format';
import { hrefFor, onLinkClick } from '../router';
import { useAsync, RETRY_MS } from '../hooks';
import { networkStats } from '../stats-cache';
import { ChannelCharts } from './ChannelCharts';
import { ChannelsTable } from './ChannelsTable';
import { CopyButton } from './CopyButton';
import { ErrorMessage } from './ErrorMessage';
import { FlowPanel } from './FlowPanel';
import { HistoryTable } from './HistoryTable';
import { MAX_PEERS, Neighbourhood, peersOf } from './Neighbourhood';
import { PlanForm } from './PlanForm';
import { Recommendations } from './Recommendations';
import { SummaryCards } from './SummaryCards';

export const CANDIDATES = 5;

/** User Timing names: the test and anyone with DevTools read the first render from them. */
export const MARK_VISIBLE = 'dashboard:node-summary-visible';
export const MEASURE_FIRST_RENDER = 'dashboard:node-first-render';

function Section({ id, title, children, busy }: { id: string; title: string; children: ComponentChildren; busy?: boolean }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} aria-busy={busy || undefined} class="section">
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * One node: summary cards first (from node info alone), then everything that needs more requests (network
 * distribution, history, candidates, advice), each rendering on its own as its answer arrives.
 */
export function NodePage({ pubkey }: { pubkey: string }) {
  const { api, t, lang } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  const info = useAsync((signal) => api.getNodeInfo(pubkey, {}, signal), [pubkey], { retryWhileComputing: true });
  const value: NodeInfo | null = info.state === 'done' ? info.value : null;
  const ok = value !== null;
  const history = useAsync((signal) => api.getNodeInfo(pubkey, { includeHistorical: true }, signal), [pubkey], { enabled: ok, retryWhileComputing: true });
  const stats = useAsync((signal) => networkStats(api, signal), [api], { enabled: ok, retryWhileComputing: true });
  const candidates = useAsync((signal) => api.getChannelCandidates(pubkey, CANDIDATES, signal), [pubkey], { enabled: ok, retryWhileComputing: true });
  // Centralities are computed after boot: until they are, the position says "computing"; ask again shortly.
  const [latest, setLatest] = useState<NodeInfo | null>(null);
  const shown = latest && value && latest.pubkey === value.pubkey ? latest : value;
  const computing = (shown?.network_position.status === 'computing' && shown.network_position.routable) || shown?.network_position.flow.status === 'computing';
  useEffect(() => {
    if (!computing) return;
    const ctrl = new AbortController();
    const timer = window.setTimeout(() => api.getNodeInfo(pubkey, {}, ctrl.signal).then(setLatest, () => undefined), RETRY_MS);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [computing, shown, pubkey, api]);

  useEffect(() => {
    if (!value) return;
    // Two frames: the first runs before the browser paints the cards, the second after it did.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        performance.mark(MARK_VISIBLE);
        try {
          performance.measure(MEASURE_FIRST_RENDER, 'api:getNodeInfo:response', MARK_VISIBLE);
        } catch {
          // No response mark (answer served before the page loaded): nothing to measure.
        }
      }),
    );
    heading.current?.focus({ preventScroll: true });
  }, [value]);

  const alias = shown?.node_info.alias ?? null;
  useEffect(() => {
    document.title = `${alias ?? pubkey.slice(0, 12)} · ${t('app.title')}`;
  }, [alias, pubkey, t]);

  if (info.state === 'error') {
    return (
      <div class="page">
        <h1 ref={heading} tabIndex={-1}>
          {t('node.heading')}
        </h1>
        <p class="pubkey">
          <code>{pubkey}</code>
        </p>
        <ErrorMessage error={info.error} id="node-error" />
      </div>
    );
  }
  if (!shown) {
    return (
      <div class="page" aria-busy="true">
        <h1>{t('node.heading')}</h1>
        <p class="pubkey">
          <code>{pubkey}</code>
        </p>
        <p class="muted" role="status">
          {t('common.loading')}
        </p>
      </div>
    );
  }

  const peers = peersOf(shown.channels).length;
  const cands = candidates.state === 'done' ? candidates.value.candidates : null;
  return (
    <div class="page node-page">
      <h1 ref={heading} tabIndex={-1} class="node-title">
        {alias ?? t('node.noAlias')}
      </h1>
      <p class="pubkey">
        <span class="visually-hidden">{t('node.pubkey')}: </span>
        <code data-testid="node-pubkey">{shown.pubkey}</code> <CopyButton text={shown.pubkey} what={t('node.pubkey')} />
      </p>
      <p class="muted">{t('node.source', { source: shown.source, date: shown.network_position.snapshot_date })}</p>
      <nav aria-label={t('node.sections')} class="toc">
        <a href="#summary">{t('cards.heading')}</a>
        <a href="#charts">{t('charts.heading')}</a>
        <a href="#history">{t('history.heading')}</a>
        <a href="#flow">{t('flow.heading')}</a>
        <a href="#neighbourhood">{t('graph.heading')}</a>
        <a href="#channels">{t('channels.heading')}</a>
        <a href="#recommendations">{t('recs.heading')}</a>
        <a href="#plan">{t('plan.heading')}</a>
      </nav>
      {shown.warnings.length > 0 && (
        <details class="warnings-box">
          <summary>{t('node.warnings', { n: shown.warnings.length })}</summary>
          <ul>
            {shown.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}

      <Section id="summary" title={t('cards.heading')}>
        <SummaryCards info={shown} />
      </Section>

      <Section id="charts" title={t('charts.heading')} busy={stats.state === 'loading'}>
        {stats.state === 'error' && <ErrorMessage error={stats.error} />}
        <ChannelCharts channels={shown.channels} stats={stats.state === 'done' ? stats.value : null} />
      </Section>

      <Section id="history" title={t('history.heading')} busy={history.state === 'loading'}>
        {history.state === 'loading' && <p class="muted">{t('history.loading')}</p>}
        {history.state === 'error' && <ErrorMessage error={history.error} />}
        {history.state === 'done' &&
          (history.value.historical && history.value.historical.length > 0 ? (
            <HistoryTable info={shown} history={history.value.historical} />
          ) : (
            <p>{t('history.none')}</p>
          ))}
      </Section>

      <Section id="flow" title={t('flow.heading')} busy={shown.network_position.flow.status === 'computing'}>
        <FlowPanel pubkey={shown.pubkey} flow={shown.network_position.flow} channels={shown.channels} />
      </Section>

      <Section id="neighbourhood" title={t('graph.heading')} busy={candidates.state === 'loading'}>
        <p class="muted">
          {t('graph.desc', { shown: formatInt(Math.min(MAX_PEERS, peers), lang), total: formatInt(peers, lang), cands: CANDIDATES })}
        </p>
        <ul class="legend" aria-hidden="true">
          <li>
            <span class="swatch self" /> {t('graph.legend.node')}
          </li>
          <li>
            <span class="swatch peer" /> {t('graph.legend.peer')}
          </li>
          <li>
            <span class="swatch candidate" /> {t('graph.legend.candidate')}
          </li>
        </ul>
        <Neighbourhood alias={alias ?? shown.pubkey.slice(0, 12)} channels={shown.channels} candidates={cands} />
        <div role="status" aria-live="polite" data-testid="candidates-status">
          {(candidates.state === 'loading' || candidates.retrying !== null) && (
            <p class="muted" data-state="computing">
              {t('graph.candidates.computing')}
            </p>
          )}
        </div>
        {candidates.state === 'error' && <ErrorMessage error={candidates.error} />}
        {cands && <CandidatesTable candidates={cands} />}
      </Section>

      <Section id="channels" title={t('channels.heading')}>
        <ChannelsTable channels={shown.channels} />
      </Section>

      <Section id="recommendations" title={t('recs.heading')}>
        <Recommendations pubkey={shown.pubkey} />
      </Section>

      <Section id="plan" title={t('plan.heading')}>
        <PlanForm pubkey={shown.pubkey} />
      </Section>
    </div>
  );
}

function CandidatesTable({ candidates }: { candidates: ChannelCandidate[] }) {
  const { t, lang } = useApp();
  if (candidates.length === 0) return <p>{t('graph.candidates.none')}</p>;
  return (
    <div class="table-wrap">
      <table data-testid="candidates-table">
        <caption>{t('graph.candidates')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('graph.cand.alias')}</th>
            <th scope="col" class="num">{t('graph.cand.capacity')}</th>
            <th scope="col" class="num">{t('graph.cand.gain')}</th>
            <th scope="col" class="num">{t('graph.cand.closeness')}</th>
            <th scope="col" class="num">{t('graph.cand.size')}</th>
            <th scope="col" class="num">{t('graph.cand.fee')}</th>
            <th scope="col">{t('graph.cand.vetting')}</th>
            <th scope="col" class="num">{t('graph.cand.modelled')}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.pubkey}>
              <th scope="row">
                <a href={hrefFor.node(c.pubkey)} onClick={onLinkClick}>
                  {c.alias ?? shortPubkey(c.pubkey)}
                </a>
              </th>
              <td class="num">{formatSat(c.capacity, lang)}</td>
              <td class="num">{formatInt(c.gain_in_betweenness_rank, lang)}</td>
              <td class="num">{formatInt(c.gain_in_closeness_rank, lang)}</td>
              <td class="num" data-testid="candidate-size">
                {formatSat(c.suggested_capacity, lang)}
                <details class="cell-details">
                  <summary>{t('graph.cand.sizeRule')}</summary>
                  <p>{c.suggested_capacity_rule}</p>
                </details>
              </td>
              <td class="num">
                {formatInt(c.passive_fee_ppm, lang)}–{formatInt(c.active_fee_ppm, lang)}
              </td>
              <td data-testid="candidate-vetting" data-passed={String(c.vetting.passed)}>
                <VettingCell vetting={c.vetting} />
              </td>
              <td class="num" data-testid="candidate-modelled">
                {c.modelled_flow ? (
                  <>
                    {formatNumber(c.modelled_flow.node_revenue_sat_per_day.before.p50, lang)} → {formatNumber(c.modelled_flow.node_revenue_sat_per_day.after.p50, lang)}
                    <details class="cell-details">
                      <summary>{t('graph.cand.modelledNote')}</summary>
                      <p>{c.modelled_flow.note}</p>
                    </details>
                  </>
                ) : (
                  t('graph.cand.modelledNone')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The verdict first; the reasons, concerns and figures behind it folded. */
function VettingCell({ vetting: v }: { vetting: CandidateVetting }) {
  const { t, lang } = useApp();
  return (
    <>
      <span class={`badge ${v.passed ? 'vetting-passed' : 'vetting-failed'}`}>{v.passed ? t('graph.cand.passed') : t('graph.cand.failed')}</span>
      <details class="cell-details">
        <summary>{t('graph.cand.vettingDetails')}</summary>
        <ul>
          {[...v.reasons, ...v.concerns].map((r, i) => (
            <li key={i}>{r}</li>
          ))}
          <li>{t('graph.cand.zombies', { share: formatPercent(v.zombie_share, lang), n: formatInt(v.announced_channels, lang) })}</li>
          <li>
            {v.inbound_fee_median_ppm === null
              ? t('graph.cand.inboundFeeNone')
              : t('graph.cand.inboundFee', { ppm: formatInt(v.inbound_fee_median_ppm, lang), n: formatInt(v.inbound_fee_sample_size, lang) })}
          </li>
          <li>{t('graph.cand.shared', { n: formatInt(v.shared_peers, lang) })}</li>
        </ul>
      </details>
    </>
  );
}
