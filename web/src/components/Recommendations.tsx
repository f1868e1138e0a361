import { useState } from 'preact/hooks';
import { PRIORITIES, type Commands, type CoveredChannel, type Evidence, type NodeRole, type Priority, type Recommendation } from '../api/types';
import { useApp } from '../context';
import { formatInt, formatNumber, formatSat, shortPubkey } from '../format';
import { useAsync } from '../hooks';
import type { MessageKey } from '../i18n';
import { CommandLine } from './CopyButton';
import { ErrorMessage } from './ErrorMessage';

/** The most important first; the rest on demand (a hub can have twenty). */
const FIRST = 6;
const CATEGORIES = ['revenue', 'connectivity', 'liquidity', 'operational', 'cost'] as const;

/** The lncli / lightning-cli lines of an action, their undo lines, and the placeholders to fill in first. */
export function CommandsView({ commands }: { commands: Commands }) {
  const { t } = useApp();
  return (
    <div class="commands">
      {commands.lnd && <CommandLine label="lncli" command={commands.lnd} />}
      {commands.cln && <CommandLine label="lightning-cli" command={commands.cln} />}
      {commands.placeholders.length > 0 && (
        <div class="placeholders">
          <p class="small-title">{t('recs.placeholders')}</p>
          <ul>
            {commands.placeholders.map((p) => (
              <li key={p.token}>
                <code>{p.token}</code>: {p.meaning}. <code class="inline-command">{p.how_to_find}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {commands.revert && (commands.revert.lnd || commands.revert.cln) && (
        <details>
          <summary>{t('recs.revert')}</summary>
          {commands.revert.lnd && <CommandLine label="lncli (undo)" command={commands.revert.lnd} />}
          {commands.revert.cln && <CommandLine label="lightning-cli (undo)" command={commands.revert.cln} />}
        </details>
      )}
      {commands.notes.length > 0 && (
        <ul class="notes">
          {commands.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The facts behind an advice or a role, folded: name, value with its unit, source and date. */
function EvidenceTable({ evidence, summary }: { evidence: Evidence[]; summary: string }) {
  const { t, lang } = useApp();
  return (
    <details class="evidence">
      <summary>{summary}</summary>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('recs.ev.name')}</th>
              <th scope="col" class="num">{t('recs.ev.value')}</th>
              <th scope="col">{t('recs.ev.source')}</th>
            </tr>
          </thead>
          <tbody>
            {evidence.map((e, i) => (
              <tr key={i}>
                <th scope="row">
                  <code>{e.name}</code>
                </th>
                <td class="num">
                  {typeof e.value === 'number' ? formatNumber(e.value, lang, 4) : (e.value ?? '—')} {e.unit}
                </td>
                <td>
                  {e.source}
                  {e.date ? ` · ${e.date}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** What the node is, decided before any advice: a node that cannot route gets no routing-fee advice. */
export function NodeRoleView({ role }: { role: NodeRole }) {
  const { t } = useApp();
  return (
    <div class="node-role" data-testid="node-role" data-role={role.role}>
      <p>
        <strong>{t('recs.role', { role: t(`role.${role.role}` as MessageKey) })}</strong> · {role.can_route ? t('recs.role.canRoute') : t('recs.role.cannotRoute')}
      </p>
      {role.evidence.length > 0 && <EvidenceTable evidence={role.evidence} summary={t('recs.role.evidence', { n: role.evidence.length })} />}
    </div>
  );
}

/** Parallel channels to one peer, or a list of zombies, that one recommendation acts on. */
function CoveredChannels({ channels }: { channels: CoveredChannel[] }) {
  const { t, lang } = useApp();
  return (
    <details class="covered" data-testid="covered-channels" data-count={channels.length}>
      <summary>{t('recs.covered', { n: formatInt(channels.length, lang) })}</summary>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('recs.covered.channel')}</th>
              <th scope="col">{t('recs.covered.peer')}</th>
              <th scope="col" class="num">{t('recs.covered.capacity')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c, i) => (
              <tr key={i}>
                <td>{c.channel_id ? <code>{c.channel_id}</code> : <span class="muted">{t('recs.covered.unknownId')}</span>}</td>
                <td>
                  <code title={c.peer_pubkey}>{shortPubkey(c.peer_pubkey)}</code>
                </td>
                <td class="num">{formatSat(c.capacity_sat, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function RecommendationCard({ rec }: { rec: Recommendation }) {
  const { t, lang } = useApp();
  return (
    <li class="rec" data-priority={rec.priority}>
      <div class="rec-head">
        <span class={`badge priority-${rec.priority}`}>{t(`priority.${rec.priority}` as MessageKey)}</span>
        <span class="badge">{t(`category.${rec.category}` as MessageKey)}</span>
        <span class="muted">{t('recs.confidence', { n: formatInt(rec.confidence * 100, lang) })}</span>
      </div>
      <h3 class="rec-action">{rec.action}</h3>
      <p>
        <strong>{t('recs.reason')}:</strong> {rec.reason}
      </p>
      <p>
        <strong>{t('recs.impact')}:</strong> {rec.estimated_impact}
      </p>
      {rec.commands ? <CommandsView commands={rec.commands} /> : <p class="muted">{t('recs.noCommand')}</p>}
      {rec.covered_channels.length > 0 && <CoveredChannels channels={rec.covered_channels} />}
      {rec.evidence.length > 0 && <EvidenceTable evidence={rec.evidence} summary={t('recs.evidence', { n: rec.evidence.length })} />}
    </li>
  );
}

/** `GET /node/{pk}/recommendations` in the chosen language, filterable by category and priority. */
export function Recommendations({ pubkey }: { pubkey: string }) {
  const { api, t, lang } = useApp();
  const [category, setCategory] = useState('');
  const [priority, setPriority] = useState('');
  const [all, setAll] = useState(false);
  const recs = useAsync(
    (signal) => api.getRecommendations(pubkey, { category: category || undefined, priority: (priority || undefined) as Priority | undefined }, signal),
    [pubkey, category, priority, lang],
    { retryWhileComputing: true },
  );
  return (
    <div aria-busy={recs.state === 'loading'}>
      <div class="filters">
        <label>
          {t('recs.filterCategory')}{' '}
          <select value={category} onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('recs.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recs.filterPriority')}{' '}
          <select value={priority} onChange={(e) => setPriority((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('recs.all')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {recs.state === 'loading' && <p class="muted">{t('common.loading')}</p>}
      {recs.state === 'error' && <ErrorMessage error={recs.error} />}
      {recs.state === 'done' && (
        <>
          <NodeRoleView role={recs.value.node_role} />
          <p class="muted" data-testid="recs-count">
            {t('recs.count', { n: formatInt(recs.value.total_count, lang) })}
          </p>
          {recs.value.warnings.length > 0 && (
            <ul class="warnings">
              {recs.value.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          {recs.value.recommendations.length === 0 ? (
            <p>{t('recs.none')}</p>
          ) : (
            <>
              <ol class="recs" lang={recs.value.language}>
                {(all ? recs.value.recommendations : recs.value.recommendations.slice(0, FIRST)).map((r) => (
                  <RecommendationCard key={r.id} rec={r} />
                ))}
              </ol>
              {recs.value.recommendations.length > FIRST && (
                <button type="button" class="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
                  {all ? t('common.showFewer') : t('common.showAll', { n: formatInt(recs.value.recommendations.length, lang) })}
                </button>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
