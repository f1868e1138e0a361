import type { ChannelCandidate } from '../../graph/analytics/channel-candidates';
import type { LightningGraph } from '../../graph/model/lightning-graph';
import { summarizeNode } from '../../graph/stats/node-stats';
import type { CandidatePeer } from '../recommendations/node-analysis';
import { OpenSize, sizeOpen } from './open-sizing';

/**
 * Vetting of a simulated channel candidate: what an operator checks before opening a channel, beyond the
 * rank gains. The snapshot has no uptime; a channel with no enabled direction (a zombie) is its nearest sign.
 */

/** More than half of its channels dead: the node is mostly gone or does not maintain its channels (CoinGate: 62 %). */
export const MAX_ZOMBIE_SHARE = 0.5;
/**
 * The median fee its peers charge to forward toward it must reach this: liquidity everyone sends there at
 * 1 ppm earns nothing, so there is no demand a new channel could serve. 10 ppm is also the smallest fee
 * change worth gossiping.
 */
export const MIN_DEMAND_FEE_PPM = 10;
/** Fewer enabled fees toward the candidate than this say nothing about demand. */
export const MIN_DEMAND_SAMPLE = 3;
/** Half of the node's peers already peer with the candidate: the new channel mostly duplicates routes it has. */
export const MAX_SHARED_PEER_SHARE = 0.5;

export interface CandidateVetting {
  /** No rejection reason. */
  passed: boolean;
  /** Why the candidate is not advised (empty when passed). */
  reasons: string[];
  /** Worth knowing, not disqualifying. */
  concerns: string[];
  announcedChannels: number;
  /** Share of the candidate's announced channels with no enabled direction. */
  zombieShare: number;
  /** Median fee rate its peers charge to forward toward it (enabled policies); null when none. */
  inboundFeeMedianPpm: number | null;
  /** Share of those fees at 1 ppm or less. */
  inboundFeeAtMost1PpmShare: number | null;
  inboundFeeSampleSize: number;
  /** The node's peers that already have a usable channel with the candidate. */
  sharedPeers: number;
  /** sharedPeers over the node's distinct peers; null when the node has none. */
  sharedPeerShare: number | null;
}

export interface PooledCandidate extends ChannelCandidate {
  vetting: CandidateVetting;
  /** The open sized to the node's own capital (see {@link sizeOpen}). */
  suggested: OpenSize;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** What vetting reads of a candidate, whoever asks: computed once per graph and candidate. */
interface CandidateFacts {
  announced: number;
  zombies: number;
  /** Enabled fee rates its peers charge toward it, ascending. */
  inbound: number[];
  /** How many of those are 1 ppm or less. */
  atMost1Ppm: number;
  /** Peers with a usable channel to it. */
  usablePeers: Set<number>;
}

const factsCache = new WeakMap<LightningGraph, Map<number, CandidateFacts>>();

function candidateFacts(g: LightningGraph, c: number): CandidateFacts {
  let perGraph = factsCache.get(g);
  if (!perGraph) factsCache.set(g, (perGraph = new Map()));
  const known = perGraph.get(c);
  if (known) return known;
  const facts: CandidateFacts = { announced: 0, zombies: 0, inbound: [], atMost1Ppm: 0, usablePeers: new Set() };
  for (const ch of g.channelsOf(c)) {
    facts.announced++;
    if (!g.isUsable(ch)) {
      facts.zombies++;
      continue;
    }
    const slot = g.inboundSlot(ch, c);
    // eslint-disable-next-line security/detect-object-injection -- slot is an integer policy index of the graph
    if (g.isEnabled(slot)) facts.inbound.push(g.feeRatePpm[slot]);
    facts.usablePeers.add(g.peerOf(ch, c));
  }
  facts.inbound.sort((a, b) => a - b);
  facts.atMost1Ppm = facts.inbound.filter((x) => x <= 1).length;
  perGraph.set(c, facts);
  return facts;
}

/** See {@link CandidateVetting}. `nodePeers` are the node's distinct peers (any announced channel). */
export function vetCandidate(g: LightningGraph, c: number, nodePeers: ReadonlySet<number>): CandidateVetting {
  const { announced, zombies, inbound, atMost1Ppm, usablePeers } = candidateFacts(g, c);
  let shared = 0;
  for (const p of nodePeers) if (usablePeers.has(p)) shared++;
  const zombieShare = announced > 0 ? zombies / announced : 0;
  const median = inbound.length > 0 ? lowerMedian(inbound) : null;
  const lowShare = inbound.length > 0 ? atMost1Ppm / inbound.length : null;
  const sharedShare = nodePeers.size > 0 ? shared / nodePeers.size : null;
  const reasons: string[] = [];
  const concerns: string[] = [];
  if (zombieShare > MAX_ZOMBIE_SHARE) reasons.push(`${pct(zombieShare)} of its ${announced} channels have no enabled direction (more than ${pct(MAX_ZOMBIE_SHARE)})`);
  if (median === null || inbound.length < MIN_DEMAND_SAMPLE) concerns.push(`only ${inbound.length} enabled fee(s) toward it: demand cannot be judged`);
  else if (median < MIN_DEMAND_FEE_PPM) reasons.push(`its peers charge a lower median of ${median} ppm to reach it (under ${MIN_DEMAND_FEE_PPM} ppm): no demand a new channel would be paid for`);
  if (sharedShare !== null && nodePeers.size >= 2 && sharedShare >= MAX_SHARED_PEER_SHARE) {
    concerns.push(`${shared} of the node’s ${nodePeers.size} peers already have a channel with it: the new channel duplicates routes the node has`);
  }
  return {
    passed: reasons.length === 0,
    reasons,
    concerns,
    announcedChannels: announced,
    zombieShare: Math.round(zombieShare * 1e4) / 1e4,
    inboundFeeMedianPpm: median,
    inboundFeeAtMost1PpmShare: lowShare === null ? null : Math.round(lowShare * 1e4) / 1e4,
    inboundFeeSampleSize: inbound.length,
    sharedPeers: shared,
    sharedPeerShare: sharedShare === null ? null : Math.round(sharedShare * 1e4) / 1e4,
  };
}

/** The lower median of an ascending array (an observed value, never an average of two). */
function lowerMedian(sorted: readonly number[]): number {
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Order of the shared pool: vetted candidates first, then rank gains (betweenness, closeness, eigenvector), then node index. */
export function byPoolOrder(a: PooledCandidate, b: PooledCandidate): number {
  return (
    Number(b.vetting.passed) - Number(a.vetting.passed) ||
    b.betweenness.gain - a.betweenness.gain ||
    b.closeness.gain - a.closeness.gain ||
    b.eigenvector.gain - a.eigenvector.gain ||
    a.node - b.node
  );
}

/**
 * Vets and sizes simulated candidates for node v. With `keepOrder` the input order is kept (an operator's
 * own shortlist); otherwise the result is in {@link byPoolOrder}, the one order that `/channel-candidates`,
 * recommendations and plans all read.
 */
export function buildCandidatePool(
  g: LightningGraph,
  v: number,
  simulated: readonly ChannelCandidate[],
  networkMedianChannelSat: number,
  opts: { keepOrder?: boolean } = {},
): PooledCandidate[] {
  const own = summarizeNode(g, v);
  const peers = new Set<number>();
  for (const ch of g.channelsOf(v)) peers.add(g.peerOf(ch, v));
  const pooled = simulated.map((x) => ({
    ...x,
    vetting: vetCandidate(g, x.node, peers),
    suggested: sizeOpen(own, x.capacity.idealSat, networkMedianChannelSat),
  }));
  return opts.keepOrder ? pooled : pooled.sort(byPoolOrder);
}

/** A pooled candidate as the recommendation rules read it. */
export function toCandidatePeer(x: PooledCandidate): CandidatePeer {
  return {
    pubkey: x.pubkey,
    alias: x.alias,
    gainInBetweennessRank: x.betweenness.gain,
    gainInClosenessRank: x.closeness.gain,
    gainInEigenvectorRank: x.eigenvector.gain,
    idealCapacitySat: x.capacity.idealSat,
    minimumViableCapacitySat: x.capacity.minimumViableSat,
    suggestedCapacitySat: x.suggested.amountSat,
    suggestedCapacityRule: x.suggested.basis,
    vetting: x.vetting,
  };
}
