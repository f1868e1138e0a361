import type { GraphState } from '../../graph/graph.service';
import type { LightningGraph } from '../../graph/model/lightning-graph';
import { NodeSummary } from '../../graph/stats/node-stats';
import { countAbove, countBelow, median } from '../../graph/stats/ranking';
import { CompetingFees } from '../recommendations/competing-fees';
import { ChannelView, NetworkFacts, networkFeeIndex, NodeAnalysis, PolicyView } from '../recommendations/node-analysis';
import type { LiveChannel, LiveNode, LivePolicy } from './live-node.types';

/** Advice for a node outside the graph rests on fewer facts (no centralities, often partial policies). */
export const LIVE_NODE_CONFIDENCE_FACTOR = 0.7;

export interface RankedAgainstGraph {
  value: number;
  /** 1 + graph nodes with a strictly higher value (the node would share the best rank of its ties). */
  rank: number;
  /** Share (0–100) of the graph's nodes with a strictly lower value. */
  percentile: number;
}

interface SortedDistributions {
  degree: Float64Array;
  capacity: Float64Array;
}

const distributionCache = new WeakMap<LightningGraph, SortedDistributions>();

/** The graph's degree and capacity values, ascending: computed once per graph. */
function distributions(state: GraphState): SortedDistributions {
  const cached = distributionCache.get(state.graph);
  if (cached) return cached;
  const d = { degree: Float64Array.from(state.ranks.degree).sort(), capacity: Float64Array.from(state.ranks.capacitySat).sort() };
  distributionCache.set(state.graph, d);
  return d;
}

/** Where `value` would stand among the graph's values (ascending), with the graph's rank and percentile rules. */
export function rankAgainst(sortedAsc: ArrayLike<number>, value: number): RankedAgainstGraph {
  const n = sortedAsc.length;
  return { value, rank: countAbove(sortedAsc, value) + 1, percentile: n === 0 ? 0 : Math.round((10000 * countBelow(sortedAsc, value)) / n) / 100 };
}

/** A channel can route when the source says it is active (or does not say). */
const usable = (c: LiveChannel) => c.active !== false;

/** The node's own direction is enabled: a known fee, not disabled, on a channel that is not inactive. */
function ownEnabled(c: LiveChannel): boolean {
  if (!c.policy || c.policy.feeRatePpm === null) return false;
  return c.policy.disabled === null ? usable(c) : !c.policy.disabled;
}

/** The peer's direction is enabled; a source that never reports peer policies (mempool) leaves it to the channel status. */
function peerEnabled(node: LiveNode, c: LiveChannel): boolean {
  if (!node.reportsPeerPolicies) return usable(c);
  return !!c.peerPolicy && c.peerPolicy.disabled !== true;
}

/** Degree (distinct peers over usable channels) and capacity of usable channels, as the graph's ranks count them. */
export function liveDegreeAndCapacity(node: LiveNode): { degree: number; capacitySat: number } {
  const peers = new Set<string>();
  let capacitySat = 0;
  for (const c of node.channels) {
    if (!usable(c)) continue;
    peers.add(c.peerPubkey);
    capacitySat += c.capacitySat;
  }
  return { degree: peers.size, capacitySat };
}

export function livePosition(state: GraphState, node: LiveNode): { degree: RankedAgainstGraph; capacity: RankedAgainstGraph } {
  const d = distributions(state);
  const { degree, capacitySat } = liveDegreeAndCapacity(node);
  return { degree: rankAgainst(d.degree, degree), capacity: rankAgainst(d.capacity, capacitySat) };
}

/** The same figures as summarizeNode computes for a graph node, from the live source's channels. */
export function liveNodeSummary(node: LiveNode): NodeSummary {
  const sizes: number[] = [];
  const ppm: number[] = [];
  const base: number[] = [];
  const peers = new Set<string>();
  const activePeers = new Set<string>();
  const bidirectional = new Set<string>();
  let totalCapacitySat = 0;
  let activeChannels = 0;
  let activeCapacitySat = 0;
  let outboundUsableChannels = 0;
  let outboundUsableCapacitySat = 0;
  let ownDisabledChannels = 0;
  let ownDisabledCapacitySat = 0;
  for (const c of node.channels) {
    const cap = c.capacitySat;
    sizes.push(cap);
    totalCapacitySat += cap;
    peers.add(c.peerPubkey);
    if (usable(c)) {
      activeChannels++;
      activeCapacitySat += cap;
      activePeers.add(c.peerPubkey);
    }
    const peerOn = peerEnabled(node, c);
    if (ownEnabled(c)) {
      ppm.push(c.policy!.feeRatePpm!);
      if (c.policy!.baseFeeMsat !== null) base.push(c.policy!.baseFeeMsat);
      outboundUsableChannels++;
      outboundUsableCapacitySat += cap;
      if (peerOn) bidirectional.add(c.peerPubkey);
    } else if (peerOn) {
      ownDisabledChannels++;
      ownDisabledCapacitySat += cap;
    }
  }
  const asc = (a: number, b: number) => a - b;
  sizes.sort(asc);
  ppm.sort(asc);
  base.sort(asc);
  return {
    totalChannels: node.channels.length,
    totalCapacitySat,
    activeChannels,
    activeCapacitySat,
    distinctPeers: peers.size,
    activePeers: activePeers.size,
    outboundUsableChannels,
    outboundUsableCapacitySat,
    ownDisabledChannels,
    ownDisabledCapacitySat,
    bidirectionalPeers: bidirectional.size,
    meanChannelSat: sizes.length ? Math.round(totalCapacitySat / sizes.length) : null,
    medianChannelSat: median(sizes),
    medianOutboundFeePpm: median(ppm),
    medianOutboundBaseFeeMsat: median(base),
  };
}

/**
 * A live policy as the rules read it. The rules and the command lines need a base fee and a CLTV delta; where
 * the source does not give them (mempool), the network's medians stand in and `assumed` says so.
 */
function policyView(p: LivePolicy | null, channelUsable: boolean, facts: NetworkFacts, assumed: Set<string>): PolicyView | null {
  if (!p || p.feeRatePpm === null) return null;
  if (p.baseFeeMsat === null) assumed.add('base_fee_msat');
  if (p.cltvDelta === null) assumed.add('cltv_delta');
  const view: PolicyView = {
    baseFeeMsat: p.baseFeeMsat ?? facts.medianBaseFeeMsat,
    feeRatePpm: p.feeRatePpm,
    cltvDelta: p.cltvDelta ?? facts.medianCltvDelta,
    minHtlcMsat: p.minHtlcMsat,
    maxHtlcMsat: p.maxHtlcMsat,
    disabled: p.disabled ?? !channelUsable,
  };
  if (p.inboundFeeRatePpm !== null) {
    view.inboundFeeRatePpm = p.inboundFeeRatePpm;
    view.inboundBaseFeeMsat = p.inboundBaseFeeMsat ?? 0;
  }
  return view;
}

export interface LiveAnalysis {
  analysis: NodeAnalysis;
  /** Policy fields the source does not give, for which the network medians stand in. */
  assumedPolicyFields: string[];
  /** Channels whose peer the graph knows: only those have a competition to compare fees with. */
  peersInGraph: number;
}

/**
 * The rules' input for a node the graph does not know, from a live source: its channels and policies, the
 * competition into each peer the graph knows (every enabled fee toward that peer in the graph; the node's own
 * channels are not in the graph, so nothing is excluded), and its degree and capacity ranked against the graph.
 */
export function analyseLiveNode(state: GraphState, node: LiveNode, sourceName: string): LiveAnalysis {
  const g = state.graph;
  const idx = networkFeeIndex(state);
  const assumed = new Set<string>();
  const noCompetition = CompetingFees.of([]);
  const competition = new Map<number, CompetingFees>();
  let peersInGraph = 0;
  const channels: ChannelView[] = node.channels.map((c) => {
    const u = g.indexOf(c.peerPubkey);
    let comp = noCompetition;
    if (u >= 0) {
      peersInGraph++;
      // eslint-disable-next-line security/detect-object-injection -- u is an integer node id from graph.indexOf
      comp = competition.get(u) ?? CompetingFees.excluding(idx.inboundFees.subarray(idx.inboundOffset[u], idx.inboundOffset[u + 1]), []);
      competition.set(u, comp);
    }
    const ok = usable(c);
    return {
      shortChannelId: c.shortChannelId,
      channelPoint: c.channelPoint,
      peerPubkey: c.peerPubkey,
      // eslint-disable-next-line security/detect-object-injection -- u is an integer node id from graph.indexOf
      peerAlias: c.peerAlias ?? (u >= 0 ? g.aliases[u] : null),
      capacitySat: c.capacitySat,
      usable: ok,
      local: policyView(c.policy, ok, idx.facts, assumed),
      remote: node.reportsPeerPolicies ? policyView(c.peerPolicy, ok, idx.facts, new Set()) : null,
      competingFeesPpm: comp,
    };
  });
  const summary = liveNodeSummary(node);
  const pos = livePosition(state, node);
  const analysis: NodeAnalysis = {
    pubkey: node.pubkey,
    alias: node.alias,
    summary,
    degree: pos.degree.value,
    degreeRank: pos.degree.rank,
    capacityRank: pos.capacity.rank,
    routable: pos.degree.value > 0,
    channels,
    network: idx.facts,
    source: `${sourceName}+${state.source}`,
    confidenceFactor: LIVE_NODE_CONFIDENCE_FACTOR,
  };
  return { analysis, assumedPolicyFields: [...assumed].sort(), peersInGraph };
}
