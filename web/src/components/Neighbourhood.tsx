import { useMemo } from 'preact/hooks';
import type { Channel, ChannelCandidate } from '../api/types';
import { useApp } from '../context';
import { formatInt, formatSat, shortPubkey } from '../format';
import { hrefFor, onLinkClick } from '../router';

export const MAX_PEERS = 30;
const W = 820;
const H = 560;
const CX = W / 2;
const CY = H / 2;
const R_PEERS = 140;
const R_CANDIDATES = 255;
const LABELLED_PEERS = 12;

interface Peer {
  pubkey: string;
  alias: string | null;
  capacity: number;
  channels: number;
}

/** Channels grouped by peer, biggest total capacity first. */
export function peersOf(channels: Channel[]): Peer[] {
  const byPeer = new Map<string, Peer>();
  for (const c of channels) {
    const p = byPeer.get(c.peer_pubkey) ?? { pubkey: c.peer_pubkey, alias: c.peer_alias, capacity: 0, channels: 0 };
    p.capacity += c.capacity;
    p.channels++;
    byPeer.set(c.peer_pubkey, p);
  }
  return [...byPeer.values()].sort((a, b) => b.capacity - a.capacity || a.pubkey.localeCompare(b.pubkey));
}

/**
 * Ring slots for peers given biggest first: the labelled ones spread evenly around the ring (not all on one side),
 * the rest filling the slots between them in order.
 */
export function ringSlots(n: number, labelled: number): number[] {
  const slots = new Array<number>(n);
  const taken = new Set<number>();
  const k = Math.min(labelled, n);
  for (let i = 0; i < k; i++) {
    let s = Math.round((i * n) / k) % n;
    while (taken.has(s)) s = (s + 1) % n;
    // eslint-disable-next-line security/detect-object-injection -- integer slot index
    slots[i] = s;
    taken.add(s);
  }
  let free = 0;
  for (let i = k; i < n; i++) {
    while (taken.has(free)) free++;
    // eslint-disable-next-line security/detect-object-injection -- integer slot index
    slots[i] = free;
    taken.add(free);
  }
  return slots;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The node, its biggest peers on a ring (size by capacity with them), and the best channel candidates on an outer
 * ring with dashed links. Every label is an SVG text node (aliases are never parsed as markup); every peer and
 * candidate is a keyboard-focusable link to its own page.
 */
export function Neighbourhood({ alias, channels, candidates }: { alias: string; channels: Channel[]; candidates: ChannelCandidate[] | null }) {
  const { t, lang } = useApp();
  const peers = useMemo(() => peersOf(channels), [channels]);
  const shown = peers.slice(0, MAX_PEERS);
  const slots = ringSlots(shown.length, LABELLED_PEERS);
  const maxCap = Math.max(1, ...shown.map((p) => p.capacity), ...(candidates ?? []).map((c) => c.capacity));
  const radius = (cap: number) => 4 + 10 * Math.sqrt(cap / maxCap);
  const at = (i: number, n: number, r: number, offset = 0) => {
    const a = -Math.PI / 2 + (2 * Math.PI * (i + offset)) / Math.max(n, 1);
    return { x: CX + r * Math.cos(a), y: CY + r * Math.sin(a), a };
  };
  const label = (x: number, y: number, a: number, r: number, text: string, cls: string) => {
    const lx = x + (r + 4) * Math.cos(a);
    const ly = y + (r + 4) * Math.sin(a);
    const anchor = Math.abs(Math.cos(a)) < 0.2 ? 'middle' : Math.cos(a) > 0 ? 'start' : 'end';
    return (
      <text x={lx} y={ly + (Math.sin(a) > 0.2 ? 10 : Math.sin(a) < -0.2 ? -2 : 4)} text-anchor={anchor} class={cls}>
        {text}
      </text>
    );
  };
  const cands = candidates ?? [];
  return (
    <svg
      class="neighbourhood"
      viewBox={`0 0 ${W} ${H}`}
      role="group"
      aria-label={t('graph.label', { alias })}
      data-peers={shown.length}
      data-candidates={cands.length}
    >
      <g class="links">
        {shown.map((p, i) => {
          // eslint-disable-next-line security/detect-object-injection -- integer slot index
          const { x, y } = at(slots[i], shown.length, R_PEERS);
          return <line key={p.pubkey} x1={CX} y1={CY} x2={x} y2={y} class="link" stroke-width={1 + 3 * Math.sqrt(p.capacity / maxCap)} />;
        })}
        {cands.map((c, j) => {
          const { x, y } = at(j, cands.length, R_CANDIDATES, 0.5);
          return <line key={c.pubkey} x1={CX} y1={CY} x2={x} y2={y} class="link candidate-link" />;
        })}
      </g>
      {shown.map((p, i) => {
        // eslint-disable-next-line security/detect-object-injection -- integer slot index
        const { x, y, a } = at(slots[i], shown.length, R_PEERS);
        const name = p.alias ?? shortPubkey(p.pubkey);
        const r = radius(p.capacity);
        const title = `${name} · ${formatSat(p.capacity, lang)} · ${formatInt(p.channels, lang)} ch.`;
        return (
          <a key={p.pubkey} href={hrefFor.node(p.pubkey)} onClick={onLinkClick} aria-label={title} class="peer">
            <title>{title}</title>
            <circle cx={x} cy={y} r={r} />
            {i < LABELLED_PEERS && label(x, y, a, r, truncate(name, 13), 'node-label')}
          </a>
        );
      })}
      {cands.map((c, j) => {
        const { x, y, a } = at(j, cands.length, R_CANDIDATES, 0.5);
        const name = c.alias ?? shortPubkey(c.pubkey);
        const r = radius(c.capacity);
        const title = `${t('graph.legend.candidate')}: ${name} · ${formatSat(c.capacity, lang)}`;
        return (
          <a key={c.pubkey} href={hrefFor.node(c.pubkey)} onClick={onLinkClick} aria-label={title} class="candidate">
            <title>{title}</title>
            <circle cx={x} cy={y} r={r} />
            {label(x, y, a, r, truncate(name, 18), 'node-label candidate-label')}
          </a>
        );
      })}
      <g class="self">
        <circle cx={CX} cy={CY} r={18} />
        <text x={CX} y={CY + 36} text-anchor="middle" class="node-label self-label">
          {truncate(alias, 24)}
        </text>
      </g>
    </svg>
  );
}
