import { openAmount, openCap } from '../../candidates/open-sizing';
import { openChannelCommands } from '../commands/command-templates';
import type { NodeAnalysis } from '../node-analysis';
import type { NodeRoleAssessment } from '../node-role.classifier';
import type { Finding, Rule } from '../recommendation.types';
import { baseFinding, graphEvidence, peerName } from './rule-helpers';

/**
 * Below five peers (distinct, each with a channel enabled both ways: parallel channels to one peer fail
 * together) one or two offline peers isolate the node; five is a common operator floor.
 */
export const MIN_ACTIVE_CHANNELS = 5;
/** With fewer than three such peers, the node is one failure away from being cut off. */
export const CRITICAL_ACTIVE_CHANNELS = 3;
/** "Well connected" = among the 50 nodes with the most distinct usable peers. */
export const HUB_COUNT = 50;
const HUB_TARGET_SELECTION = `top ${HUB_COUNT} hubs by distinct peers`;
/** How many simulated channel candidates become recommendations. */
export const MAX_CANDIDATE_RECOMMENDATIONS = 3;

/**
 * The size of an open to `pubkey`: the shared pool's size when the peer is one of its candidates (so every rule
 * proposes the same amount for the same peer), else the network's median channel sized to the node's own capital.
 */
function openSize(node: NodeAnalysis, pubkey: string): number {
  const pooled = node.candidates?.find((c) => c.pubkey === pubkey);
  return pooled?.suggestedCapacitySat ?? openAmount(node.summary, node.network.medianChannelSat, openCap(node.summary, node.network.medianChannelSat));
}

/** Peers the shared pool vetted out: no rule advises opening to them. */
function rejected(node: NodeAnalysis): Set<string> {
  return new Set((node.candidates ?? []).filter((c) => !c.vetting.passed).map((c) => c.pubkey));
}

/** Candidates of the shared pool that passed vetting, in the pool's order (best first). */
function vettedCandidates(node: NodeAnalysis) {
  return (node.candidates ?? []).filter((c) => c.vetting.passed);
}

/** Hubs the node has no channel with, best first. */
function hubsNotPeered(node: NodeAnalysis) {
  const peers = new Set(node.channels.map((c) => c.peerPubkey));
  const vettedOut = rejected(node);
  return node.network.hubs.filter((h) => h.pubkey !== node.pubkey && !peers.has(h.pubkey) && !vettedOut.has(h.pubkey));
}

function notRoutable(node: NodeAnalysis): Finding | null {
  if (node.routable || node.summary.totalChannels === 0) return null;
  return baseFinding({
    rule: 'not_routable',
    type: 'channel_management',
    category: 'operational',
    priority: 'critical',
    message: 'not_routable',
    params: { channels: node.summary.totalChannels },
    channelsAffected: node.summary.totalChannels,
    evidence: [graphEvidence(node, 'announced_channels', node.summary.totalChannels, 'channels'), graphEvidence(node, 'usable_channels', 0, 'channels')],
    confidence: 0.9,
    impactScore: node.summary.totalCapacitySat,
  });
}

function fewChannels(node: NodeAnalysis): Finding | null {
  const active = node.summary.bidirectionalPeers;
  if (active >= MIN_ACTIVE_CHANNELS) return null;
  const candidates = vettedCandidates(node).filter((c) => c.gainInBetweennessRank > 0 || c.gainInClosenessRank > 0);
  const targets = candidates.length > 0 ? candidates.map((c) => ({ pubkey: c.pubkey, alias: c.alias })) : hubsNotPeered(node);
  if (targets.length === 0) return null;
  const amount = openSize(node, targets[0].pubkey);
  return baseFinding({
    rule: 'few_channels',
    type: 'network_topology',
    category: 'connectivity',
    priority: active < CRITICAL_ACTIVE_CHANNELS ? 'high' : 'medium',
    message: 'few_channels',
    params: { active, missing: MIN_ACTIVE_CHANNELS - active, goal: MIN_ACTIVE_CHANNELS, amount, target: peerName({ peerAlias: targets[0].alias, peerPubkey: targets[0].pubkey }) },
    targetNodes: targets.slice(0, 3).map((t) => t.pubkey),
    currentValue: active,
    suggestedValue: MIN_ACTIVE_CHANNELS,
    channelsAffected: 0,
    amountSuggestion: amount,
    direction: 'outbound',
    evidence: [
      graphEvidence(node, 'peers_enabled_both_ways', active, 'peers'),
      graphEvidence(node, 'active_channels', node.summary.activeChannels, 'channels'),
      graphEvidence(node, 'network_median_channel_size', node.network.medianChannelSat, 'sat'),
      graphEvidence(node, 'target_selection', candidates.length > 0 ? 'channel-candidate simulation' : HUB_TARGET_SELECTION, ''),
    ],
    confidence: 0.85,
    impactScore: amount * (MIN_ACTIVE_CHANNELS - active),
    commands: openChannelCommands(targets[0].pubkey, amount),
  });
}

function noHub(node: NodeAnalysis): Finding | null {
  if (!node.routable) return null;
  const hubs = node.network.hubs.slice(0, HUB_COUNT);
  if (hubs.some((h) => h.pubkey === node.pubkey)) return null;
  const peers = new Set(node.channels.filter((c) => c.usable).map((c) => c.peerPubkey));
  if (hubs.some((h) => peers.has(h.pubkey))) return null;
  const targets = hubsNotPeered(node).slice(0, 3);
  if (targets.length === 0) return null;
  const amount = openSize(node, targets[0].pubkey);
  return baseFinding({
    rule: 'no_hub',
    type: 'network_topology',
    category: 'connectivity',
    priority: 'medium',
    message: 'no_hub',
    params: { hubCount: HUB_COUNT, amount, target: peerName({ peerAlias: targets[0].alias, peerPubkey: targets[0].pubkey }) },
    targetNodes: targets.map((t) => t.pubkey),
    amountSuggestion: amount,
    direction: 'outbound',
    evidence: [
      graphEvidence(node, 'peers_among_top_hubs', 0, 'peers'),
      ...targets.map((t) => graphEvidence(node, `hub_distinct_peers:${t.pubkey.slice(0, 16)}`, t.degree, 'peers')),
    ],
    confidence: 0.7,
    impactScore: amount,
    commands: openChannelCommands(targets[0].pubkey, amount),
  });
}

/**
 * The best vetted candidates of the shared pool (the order `/channel-candidates` returns), sized to the node's
 * own capital, with the vetting evidence.
 */
function candidates(node: NodeAnalysis, role: NodeRoleAssessment | undefined): Finding[] {
  // A sink's fees tell the network not to route through it: betweenness gains would earn nothing. What a new
  // channel does for it is reach (closeness: shorter, cheaper paths for its own payments), so that ranks them.
  const sink = role?.role === 'merchant_sink';
  // A sink either prices routing out (≥ 10,000 ppm) or gives it away (≤ 1 ppm, a merchant): the reason says which.
  const pricedOut = Number(role?.evidence.find((e) => e.name === 'own_policies_at_or_above_10000_ppm')?.value ?? 0) >= 50;
  const pool = vettedCandidates(node);
  const picked = sink
    ? pool.filter((c) => c.gainInClosenessRank > 0).sort((a, b) => b.gainInClosenessRank - a.gainInClosenessRank)
    : pool.filter((c) => c.gainInBetweennessRank > 0);
  return picked
    .slice(0, MAX_CANDIDATE_RECOMMENDATIONS)
    .map((c, i) =>
      baseFinding({
        rule: 'channel_candidate',
        type: 'network_topology',
        category: 'connectivity',
        priority: i === 0 && !sink ? 'medium' : 'low',
        message: sink ? (pricedOut ? 'channel_candidate_sink' : 'channel_candidate_merchant') : 'channel_candidate',
        params: { target: peerName({ peerAlias: c.alias, peerPubkey: c.pubkey }), amount: c.suggestedCapacitySat, betweenness: c.gainInBetweennessRank, closeness: c.gainInClosenessRank },
        targetNodes: [c.pubkey],
        amountSuggestion: c.suggestedCapacitySat,
        direction: 'outbound',
        evidence: [
          graphEvidence(node, 'gain_in_betweenness_rank', c.gainInBetweennessRank, 'places'),
          graphEvidence(node, 'gain_in_closeness_rank', c.gainInClosenessRank, 'places'),
          graphEvidence(node, 'gain_in_eigenvector_rank', c.gainInEigenvectorRank, 'places'),
          graphEvidence(node, 'minimum_viable_capacity', c.minimumViableCapacitySat, 'sat'),
          graphEvidence(node, 'ideal_capacity', c.idealCapacitySat, 'sat'),
          graphEvidence(node, 'suggested_capacity', c.suggestedCapacitySat, 'sat'),
          graphEvidence(node, 'suggested_capacity_rule', c.suggestedCapacityRule, ''),
          graphEvidence(node, 'candidate_zombie_share', c.vetting.zombieShare, 'share'),
          graphEvidence(node, 'candidate_inbound_fee_lower_median', c.vetting.inboundFeeMedianPpm, 'ppm'),
          graphEvidence(node, 'candidate_shared_peers', c.vetting.sharedPeers, 'peers'),
          ...c.vetting.concerns.map((text) => graphEvidence(node, 'candidate_concern', text, '')),
        ],
        confidence: c.vetting.concerns.length > 0 ? 0.5 : 0.6,
        impactScore: (sink ? c.gainInClosenessRank : c.gainInBetweennessRank) * 1e6,
        commands: openChannelCommands(c.pubkey, c.suggestedCapacitySat),
      }),
    );
}

/** Connectivity: routable at all, enough channels, a link to the well-connected core, simulated candidates. */
export const connectivityRules: Rule = (node, role) => {
  const out = [notRoutable(node), fewChannels(node), noHub(node)].filter((f): f is Finding => f !== null);
  return [...out, ...candidates(node, role)];
};
