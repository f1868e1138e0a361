import { MIN_USEFUL_CHANNEL_SAT, openCap } from '../../candidates/open-sizing';
import { closeChannelCommands, enableChannelCommands, feeChangeCommands, forceCloseCommands, maxHtlcCommands } from '../commands/command-templates';
import type { ChannelView, NodeAnalysis } from '../node-analysis';
import { classifyNodeRole } from '../node-role.classifier';
import type { Finding, Rule } from '../recommendation.types';
import { baseFinding, channelRef, graphEvidence, peerName, enabledLocal } from './rule-helpers';

/** Below 34 blocks (CLN's default) there is little time to get an HTLC confirmed on chain in a fee spike. */
export const MIN_SAFE_CLTV_DELTA = 34;
/** What to raise a too-short delta to: LND's default. */
export const SUGGESTED_CLTV_DELTA = 80;
/** Above 288 blocks (two days) pathfinding penalises the lock time and many routes exceed their total cap. */
export const MAX_REASONABLE_CLTV_DELTA = 288;
/** A max_htlc under 10 % of capacity and under 100k sat blocks most payments worth routing. */
export const MIN_MAX_HTLC_SHARE = 0.1;
export const MIN_MAX_HTLC_MSAT = 100_000_000;
/**
 * Some nodes (ACINQ among them) set max_htlc per channel from the live balance, to tell senders which
 * directions can carry a payment: many distinct max_htlc/capacity ratios reveal it, and then a small
 * max_htlc is a signal, not a mistake.
 */
export const DYNAMIC_MAX_HTLC_MIN_CHANNELS = 10;
export const DYNAMIC_MAX_HTLC_MIN_DISTINCT_RATIOS = 5;

export function managesMaxHtlcDynamically(node: NodeAnalysis): boolean {
  const counted = (ch: ChannelView) => {
    const local = enabledLocal(ch);
    return local !== null && local.maxHtlcMsat !== null && ch.capacitySat !== 0;
  };
  // Most nodes have too few channels to tell: counted first, the ratios are formatted only when they can.
  let n = 0;
  for (const ch of node.channels) if (counted(ch)) n++;
  if (n < DYNAMIC_MAX_HTLC_MIN_CHANNELS) return false;
  const ratios = new Set<string>();
  for (const ch of node.channels) if (counted(ch)) ratios.add((ch.local!.maxHtlcMsat! / (ch.capacitySat * 1000)).toFixed(2));
  return ratios.size >= DYNAMIC_MAX_HTLC_MIN_DISTINCT_RATIOS;
}

export { MIN_USEFUL_CHANNEL_SAT };
/** One peer holding more than half of the active capacity is a single point of failure. */
export const CONCENTRATION_SHARE = 0.5;
/** Zombie-channel advice lists at most this many peers. */
const ZOMBIE_TARGETS = 10;

/** How long to wait for a peer to come back before closing a channel whose own direction stays disabled. */
export const DISABLED_GRACE_DAYS = 3;
/** A force-close: commitment transaction (~200 vB with anchors) plus the sweep of the node's own output (~110 vB). */
export const FORCE_CLOSE_VBYTES = 310;
/** Zombie advice writes command lines for at most this many channels (the largest first); all are listed. */
export const MAX_CLOSE_COMMAND_LINES = 25;

const on = (p: ChannelView['local']) => !!p && !p.disabled;

/** The node's own direction is not enabled (a null policy in the snapshot, or a disabled one) while the peer's is. */
export function ownDirectionDisabled(ch: ChannelView): boolean {
  return !on(ch.local) && on(ch.remote);
}

function disabledLocal(node: NodeAnalysis, ch: ChannelView): Finding | null {
  if (!ownDirectionDisabled(ch)) return null;
  return baseFinding({
    rule: 'channel_disabled',
    type: 'channel_management',
    category: 'operational',
    priority: ch.capacitySat >= node.network.medianChannelSat ? 'high' : 'medium',
    message: 'channel_disabled',
    params: { peer: peerName(ch), capacity: ch.capacitySat, days: DISABLED_GRACE_DAYS },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: ch.local ? 'disabled' : 'no policy',
    suggestedValue: 'enabled',
    direction: 'outbound',
    evidence: [
      graphEvidence(node, 'own_direction', ch.local ? 'disabled' : 'no policy announced (null)', ''),
      graphEvidence(node, 'peer_direction_enabled', 'true', ''),
      graphEvidence(node, 'channel_capacity', ch.capacitySat, 'sat'),
      graphEvidence(node, 'node_capacity_share_with_own_direction_disabled', node.summary.totalCapacitySat ? Math.round((1000 * node.summary.ownDisabledCapacitySat) / node.summary.totalCapacitySat) / 10 : 0, '%'),
    ],
    confidence: 0.8,
    impactScore: ch.capacitySat,
    commands: enableChannelCommands(channelRef(ch), [], DISABLED_GRACE_DAYS),
  });
}

/** Channels with no enabled direction, all in one finding, each with a force-close line (largest first). */
function zombies(node: NodeAnalysis): Finding | null {
  const dead = node.channels.filter((c) => !on(c.local) && !on(c.remote));
  if (dead.length === 0 || !node.routable) return null; // a node with nothing usable gets `not_routable` instead
  const capacity = dead.reduce((s, c) => s + c.capacitySat, 0);
  const largest = [...dead].sort((a, b) => b.capacitySat - a.capacitySat || (a.peerPubkey < b.peerPubkey ? -1 : 1));
  const vbytes = dead.length * FORCE_CLOSE_VBYTES;
  return baseFinding({
    rule: 'zombie_channels',
    type: 'channel_management',
    category: 'cost',
    priority: capacity >= 10 * node.network.medianChannelSat ? 'medium' : 'low',
    message: 'zombie_channels',
    params: { count: dead.length, capacity, vbytes },
    channel: dead.length === 1 ? dead[0] : null,
    channels: largest,
    targetNodes: [...new Set(largest.map((c) => c.peerPubkey))].slice(0, ZOMBIE_TARGETS),
    channelsAffected: dead.length,
    amountSuggestion: capacity,
    evidence: [
      graphEvidence(node, 'channels_without_enabled_direction', dead.length, 'channels'),
      graphEvidence(node, 'capacity_locked', capacity, 'sat'),
      graphEvidence(node, 'on_chain_size_of_force_closes', vbytes, `vB (about ${FORCE_CLOSE_VBYTES} vB each: commitment + sweep)`),
      graphEvidence(node, 'lock_time_after_force_close', 'to_self_delay', 'blocks (often 144–2016; not in the graph)'),
    ],
    confidence: 0.6,
    impactScore: capacity,
    commands: forceCloseCommands(largest.map((c) => ({ ...channelRef(c), capacitySat: c.capacitySat })), MAX_CLOSE_COMMAND_LINES),
  });
}

function cltv(node: NodeAnalysis, ch: ChannelView): Finding | null {
  const local = enabledLocal(ch);
  if (!local) return null;
  const low = local.cltvDelta < MIN_SAFE_CLTV_DELTA;
  if (!low && local.cltvDelta <= MAX_REASONABLE_CLTV_DELTA) return null;
  const target = low ? SUGGESTED_CLTV_DELTA : Math.max(SUGGESTED_CLTV_DELTA, Math.round(node.network.medianCltvDelta));
  return baseFinding({
    rule: low ? 'cltv_low' : 'cltv_high',
    type: low ? 'security' : 'fee_adjustment',
    category: 'operational',
    priority: low ? 'high' : 'low',
    message: low ? 'cltv_low' : 'cltv_high',
    params: { peer: peerName(ch), current: local.cltvDelta, suggested: target, networkMedian: node.network.medianCltvDelta },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: local.cltvDelta,
    suggestedValue: target,
    direction: 'outbound',
    evidence: [graphEvidence(node, 'own_cltv_delta', local.cltvDelta, 'blocks'), graphEvidence(node, 'network_median_cltv_delta', node.network.medianCltvDelta, 'blocks')],
    confidence: 0.8,
    impactScore: ch.capacitySat,
    policyChange: { cltvDelta: target },
    commands: feeChangeCommands(channelRef(ch), local, { ...local, cltvDelta: target }),
  });
}

/**
 * A small max_htlc is questioned, never raised to a number: LND refuses a max_htlc above the channel's
 * negotiated max in-flight amount, which public data does not show, so the command carries a placeholder
 * and says where to read the ceiling.
 */
function maxHtlc(node: NodeAnalysis, ch: ChannelView): Finding | null {
  const local = enabledLocal(ch);
  if (!local || local.maxHtlcMsat === null) return null;
  const capMsat = ch.capacitySat * 1000;
  if (local.maxHtlcMsat >= MIN_MAX_HTLC_SHARE * capMsat || local.maxHtlcMsat >= MIN_MAX_HTLC_MSAT) return null;
  return baseFinding({
    rule: 'max_htlc_small',
    type: 'channel_management',
    category: 'operational',
    priority: 'low',
    message: 'max_htlc_small',
    params: { peer: peerName(ch), currentSat: Math.floor(local.maxHtlcMsat / 1000), capacity: ch.capacitySat },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: local.maxHtlcMsat,
    suggestedValue: null,
    direction: 'outbound',
    evidence: [graphEvidence(node, 'own_max_htlc', local.maxHtlcMsat, 'msat'), graphEvidence(node, 'channel_capacity', ch.capacitySat, 'sat')],
    confidence: 0.4,
    impactScore: ch.capacitySat,
    commands: maxHtlcCommands(channelRef(ch), { ...local, maxHtlcMsat: local.maxHtlcMsat }),
  });
}

function smallChannel(node: NodeAnalysis, ch: ChannelView): Finding | null {
  // A channel as large as the opens the advice itself sizes for this node (a very small node's usual
  // channel) is not called too small: the advice would otherwise open what it then tells the node to close.
  if (!ch.usable || ch.capacitySat >= Math.min(MIN_USEFUL_CHANNEL_SAT, openCap(node.summary, node.network.medianChannelSat))) return null;
  return baseFinding({
    rule: 'small_channel',
    type: 'channel_management',
    category: 'cost',
    priority: 'low',
    message: 'small_channel',
    params: { peer: peerName(ch), capacity: ch.capacitySat, threshold: MIN_USEFUL_CHANNEL_SAT },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: ch.capacitySat,
    evidence: [graphEvidence(node, 'channel_capacity', ch.capacitySat, 'sat'), graphEvidence(node, 'network_median_channel_size', node.network.medianChannelSat, 'sat')],
    confidence: 0.5,
    impactScore: ch.capacitySat,
    commands: closeChannelCommands(channelRef(ch)),
  });
}

/** Flagged at any peer count: 100 % on one peer is the worst case, not a case to skip. */
function concentration(node: NodeAnalysis): Finding | null {
  if (node.summary.activeCapacitySat === 0) return null;
  const byPeer = new Map<string, { cap: number; ch: ChannelView }>();
  for (const ch of node.channels) {
    if (!ch.usable) continue;
    const e = byPeer.get(ch.peerPubkey);
    byPeer.set(ch.peerPubkey, { cap: (e?.cap ?? 0) + ch.capacitySat, ch: e?.ch ?? ch });
  }
  // The largest stake, ties by pubkey: what sorting the entries and taking the first gave, in one pass.
  let peer = '';
  let top: { cap: number; ch: ChannelView } | undefined;
  for (const [p, e] of byPeer) if (top === undefined || e.cap > top.cap || (e.cap === top.cap && p < peer)) [peer, top] = [p, e];
  if (top === undefined) return null;
  const share = top.cap / node.summary.activeCapacitySat;
  if (share <= CONCENTRATION_SHARE) return null;
  return baseFinding({
    rule: 'concentration',
    type: 'network_topology',
    category: 'connectivity',
    priority: byPeer.size === 1 ? 'high' : 'medium',
    message: byPeer.size === 1 ? 'concentration_single_peer' : 'concentration',
    params: { peer: peerName(top.ch), share: Math.round(share * 100), channels: node.channels.filter((c) => c.peerPubkey === peer && c.usable).length },
    targetNodes: [peer],
    currentValue: Math.round(share * 1000) / 1000,
    suggestedValue: CONCENTRATION_SHARE,
    evidence: [graphEvidence(node, 'top_peer_capacity_share', Math.round(share * 1000) / 10, '%'), graphEvidence(node, 'active_peers', node.summary.activePeers, 'peers')],
    confidence: 0.7,
    impactScore: top.cap,
  });
}

/** Reliability and hygiene: disabled and zombie channels, CLTV and max_htlc outliers (routing nodes only), tiny channels, concentration. */
export const reliabilityRules: Rule = (node, role = classifyNodeRole(node)) => {
  const out: Finding[] = [];
  const dynamicMaxHtlc = managesMaxHtlcDynamically(node);
  for (const ch of node.channels) {
    // In this order: disabled, CLTV, max_htlc, small (pushed one by one, no array per channel).
    const disabled = disabledLocal(node, ch);
    if (disabled) out.push(disabled);
    if (role.canRoute) {
      const c = cltv(node, ch);
      if (c) out.push(c);
      const m = dynamicMaxHtlc ? null : maxHtlc(node, ch);
      if (m) out.push(m);
    }
    const small = smallChannel(node, ch);
    if (small) out.push(small);
  }
  for (const f of [zombies(node), concentration(node)]) if (f) out.push(f);
  return out;
};
