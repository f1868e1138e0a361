import { feeChangeCommands } from '../commands/command-templates';
import type { ChannelView, NodeAnalysis } from '../node-analysis';
import type { Finding, Rule } from '../recommendation.types';
import { baseFinding, channelRef, graphEvidence, niceFee, peerName, enabledLocal } from './rule-helpers';

/** Below this many competing channels into a peer, "the market" for that peer is too thin to compare with. */
export const MIN_COMPETITORS = 5;
/** Under a quarter of the competition's median: liquidity sold far below what routers pay elsewhere. */
export const UNDERPRICED_RATIO = 0.25;
/** Over four times the competition's median: pathfinding routes around the channel. */
export const OVERPRICED_RATIO = 4;
/** Fee changes smaller than this (ppm, and 20 %) are noise: each update is gossip that peers rate-limit. */
export const MIN_FEE_DELTA_PPM = 10;
export const MIN_FEE_DELTA_RATIO = 0.2;
/** A fixed fee above 5 sat makes small payments (most of them) uneconomic through the channel. */
export const HIGH_BASE_FEE_MSAT = 5_000;
/** 10× away from the node's own median fee usually means a forgotten default, not a strategy. */
export const OWN_MEDIAN_OUTLIER_RATIO = 10;
/** The own-median comparison needs a few priced channels to mean anything. */
export const MIN_OWN_POLICIES = 3;
/** A fee floor for free-routing channels: the network's median, but never below 1 ppm. */
const FREE_ROUTING_FLOOR_PPM = 1;

function worthChanging(current: number, next: number): boolean {
  const delta = Math.abs(next - current);
  return delta >= MIN_FEE_DELTA_PPM && delta >= MIN_FEE_DELTA_RATIO * Math.max(current, 1);
}

function competitionFinding(node: NodeAnalysis, ch: ChannelView): Finding | null {
  const local = enabledLocal(ch);
  const comp = ch.competingFeesPpm;
  if (!local || comp.length < MIN_COMPETITORS) return null;
  const med = comp.quantile(0.5);
  const cur = local.feeRatePpm;
  let rule: 'fee_underpriced' | 'fee_overpriced';
  if (med > 0 && cur < UNDERPRICED_RATIO * med) rule = 'fee_underpriced';
  else if (cur > OVERPRICED_RATIO * Math.max(med, 1) && cur > comp.quantile(0.9)) rule = 'fee_overpriced';
  else return null;
  const p25 = comp.quantile(0.25);
  const p75 = comp.quantile(0.75);
  // Underpriced: the competition's lower quartile, or half its median when even that quartile is below the
  // current fee. Overpriced: its upper quartile.
  const target = niceFee(rule === 'fee_underpriced' ? (p25 > cur ? p25 : med / 2) : p75);
  if (!worthChanging(cur, target) || (rule === 'fee_underpriced') !== target > cur) return null;
  const next = { ...local, feeRatePpm: target };
  const pctBefore = comp.percentBelow(cur);
  const pctAfter = comp.percentBelow(target);
  const big = ch.capacitySat >= node.network.medianChannelSat;
  return baseFinding({
    rule,
    type: 'fee_adjustment',
    category: 'revenue',
    priority: rule === 'fee_underpriced' && big ? 'high' : 'medium',
    message: rule,
    params: {
      peer: peerName(ch),
      current: cur,
      suggested: target,
      median: med,
      competitors: comp.length,
      multiple: OVERPRICED_RATIO,
      ratio: cur > 0 ? (target / cur).toFixed(1) : '∞',
      pctBefore,
      pctAfter: rule === 'fee_underpriced' ? Math.round(100 - pctAfter) : pctAfter,
    },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: cur,
    suggestedValue: target,
    direction: 'outbound',
    evidence: [
      graphEvidence(node, 'own_fee_rate', cur, 'ppm'),
      graphEvidence(node, 'competing_channels_into_peer', comp.length, 'channels'),
      graphEvidence(node, 'competing_fee_rate_p25', p25, 'ppm'),
      graphEvidence(node, 'competing_fee_rate_median', med, 'ppm'),
      graphEvidence(node, 'competing_fee_rate_p75', p75, 'ppm'),
      graphEvidence(node, 'percentile_among_competitors_before', pctBefore, '% of competing fees below'),
      graphEvidence(node, 'percentile_among_competitors_after', pctAfter, '% of competing fees below'),
      graphEvidence(node, 'channel_capacity', ch.capacitySat, 'sat'),
    ],
    confidence: Math.min(0.9, 0.5 + comp.length / 100),
    impactScore: ch.capacitySat * Math.abs(Math.log((target + 1) / (cur + 1))),
    commands: feeChangeCommands(channelRef(ch), local, next),
  });
}

function freeRouting(node: NodeAnalysis, ch: ChannelView): Finding | null {
  const local = enabledLocal(ch);
  if (!local || local.feeRatePpm !== 0 || local.baseFeeMsat !== 0) return null;
  const target = Math.max(FREE_ROUTING_FLOOR_PPM, niceFee(ch.competingFeesPpm.length >= MIN_COMPETITORS ? ch.competingFeesPpm.quantile(0.25) : node.network.medianFeePpm));
  return baseFinding({
    rule: 'fee_free_routing',
    type: 'fee_adjustment',
    category: 'revenue',
    priority: ch.capacitySat >= node.network.medianChannelSat ? 'high' : 'medium',
    message: 'fee_free_routing',
    params: { peer: peerName(ch), suggested: target, perMillion: target },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: 0,
    suggestedValue: target,
    direction: 'outbound',
    evidence: [
      graphEvidence(node, 'own_fee_rate', 0, 'ppm'),
      graphEvidence(node, 'own_base_fee', 0, 'msat'),
      graphEvidence(node, 'network_median_fee_rate', node.network.medianFeePpm, 'ppm'),
      graphEvidence(node, 'channel_capacity', ch.capacitySat, 'sat'),
    ],
    confidence: 0.8,
    impactScore: ch.capacitySat,
    commands: feeChangeCommands(channelRef(ch), local, { ...local, feeRatePpm: target }),
  });
}

function highBaseFee(node: NodeAnalysis, ch: ChannelView): Finding | null {
  const local = enabledLocal(ch);
  if (!local || local.baseFeeMsat <= HIGH_BASE_FEE_MSAT) return null;
  const target = Math.min(1000, Math.max(0, Math.round(node.network.medianBaseFeeMsat)));
  return baseFinding({
    rule: 'fee_high_base',
    type: 'fee_adjustment',
    category: 'revenue',
    priority: 'medium',
    message: 'fee_high_base',
    params: { peer: peerName(ch), current: local.baseFeeMsat, suggested: target, networkMedian: node.network.medianBaseFeeMsat },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: local.baseFeeMsat,
    suggestedValue: target,
    direction: 'outbound',
    evidence: [
      graphEvidence(node, 'own_base_fee', local.baseFeeMsat, 'msat'),
      graphEvidence(node, 'network_median_base_fee', node.network.medianBaseFeeMsat, 'msat'),
    ],
    confidence: 0.75,
    impactScore: ch.capacitySat / 2,
    commands: feeChangeCommands(channelRef(ch), local, { ...local, baseFeeMsat: target }),
  });
}

function ownOutlier(node: NodeAnalysis, ch: ChannelView, flagged: Set<ChannelView>): Finding | null {
  const local = enabledLocal(ch);
  const own = node.summary.medianOutboundFeePpm;
  if (!local || flagged.has(ch) || own === null || own <= 0 || node.summary.activeChannels < MIN_OWN_POLICIES) return null;
  const r = Math.max(local.feeRatePpm, 1) / own;
  if (r < OWN_MEDIAN_OUTLIER_RATIO && r > 1 / OWN_MEDIAN_OUTLIER_RATIO) return null;
  const target = niceFee(own);
  if (!worthChanging(local.feeRatePpm, target)) return null;
  return baseFinding({
    rule: 'fee_own_outlier',
    type: 'fee_adjustment',
    category: 'revenue',
    priority: 'low',
    message: 'fee_own_outlier',
    params: { peer: peerName(ch), current: local.feeRatePpm, ownMedian: own, multiple: OWN_MEDIAN_OUTLIER_RATIO },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: local.feeRatePpm,
    suggestedValue: target,
    direction: 'outbound',
    evidence: [graphEvidence(node, 'own_fee_rate', local.feeRatePpm, 'ppm'), graphEvidence(node, 'own_median_fee_rate', own, 'ppm')],
    confidence: 0.5,
    impactScore: ch.capacitySat / 4,
    commands: feeChangeCommands(channelRef(ch), local, { ...local, feeRatePpm: target }),
  });
}

function sparkseerFees(node: NodeAnalysis): Finding[] {
  if (!node.sparkseerSuggestedFees) return [];
  const out: Finding[] = [];
  for (const s of node.sparkseerSuggestedFees) {
    const ch = node.channels.find((c) => c.peerPubkey === s.peerPubkey && enabledLocal(c));
    const local = ch && enabledLocal(ch);
    if (!ch || !local) continue;
    const lo = Math.min(s.passiveFeePpm, s.activeFeePpm);
    const hi = Math.max(s.passiveFeePpm, s.activeFeePpm);
    if (local.feeRatePpm >= lo && local.feeRatePpm <= hi) continue;
    const target = niceFee(local.feeRatePpm < lo ? lo : hi);
    if (!worthChanging(local.feeRatePpm, target)) continue;
    out.push(
      baseFinding({
        rule: 'fee_sparkseer',
        type: 'fee_adjustment',
        category: 'revenue',
        priority: 'medium',
        message: 'fee_sparkseer',
        params: { peer: peerName(ch), current: local.feeRatePpm, suggested: target, passive: s.passiveFeePpm, active: s.activeFeePpm },
        channel: ch,
        targetNodes: [ch.peerPubkey],
        currentValue: local.feeRatePpm,
        suggestedValue: target,
        direction: 'outbound',
        evidence: [
          { name: 'sparkseer_passive_fee_rate', value: s.passiveFeePpm, unit: 'ppm', source: 'sparkseer', date: null },
          { name: 'sparkseer_active_fee_rate', value: s.activeFeePpm, unit: 'ppm', source: 'sparkseer', date: null },
          graphEvidence(node, 'own_fee_rate', local.feeRatePpm, 'ppm'),
        ],
        confidence: 0.7,
        impactScore: ch.capacitySat,
        commands: feeChangeCommands(channelRef(ch), local, { ...local, feeRatePpm: target }),
      }),
    );
  }
  return out;
}

/** Fees and revenue: priced against the competition into the same peer, base fee, own consistency, Sparkseer. */
export const feeRules: Rule = (node) => {
  const out: Finding[] = [];
  const flagged = new Set<ChannelView>();
  for (const ch of node.channels) {
    const f = freeRouting(node, ch) ?? competitionFinding(node, ch);
    if (f) {
      out.push(f);
      flagged.add(ch);
    }
    const b = highBaseFee(node, ch);
    if (b) out.push(b);
  }
  for (const ch of node.channels) {
    const f = ownOutlier(node, ch, flagged);
    if (f) out.push(f);
  }
  return [...out, ...sparkseerFees(node)];
};
