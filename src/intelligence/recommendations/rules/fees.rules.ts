import { feeChangeCommands } from '../commands/command-templates';
import { ChannelView, effectiveFeeRate, NodeAnalysis } from '../node-analysis';
import { classifyNodeRole, DELIBERATE_HIGH_FEE_PPM, NodeRoleAssessment } from '../node-role.classifier';
import type { Finding, Priority, Rule } from '../recommendation.types';
import { median } from '../../../graph/stats/ranking';
import { sameOperatorChannels } from '../same-operator';
import { baseFinding, channelRef, enabledLocal, feePath, graphEvidence, MIN_FEE_DELTA_PPM, MIN_FEE_DELTA_RATIO, niceCeil, niceFee, niceFloor, peerName, worthChanging } from './rule-helpers';

/** Below this many competing channels into a peer, "the market" for that peer is too thin to compare with. */
export const MIN_COMPETITORS = 5;
/** From this many competitors on, the market is solid evidence; between the two, advice is low priority. */
export const SOLID_MARKET_COMPETITORS = 20;
/** Under a quarter of the competition's median: liquidity sold far below what routers pay elsewhere. */
export const UNDERPRICED_RATIO = 0.25;
/** Over four times the competition's median: pathfinding routes around the channel. */
export const OVERPRICED_RATIO = 4;
export { MIN_FEE_DELTA_PPM, MIN_FEE_DELTA_RATIO };
/** A fixed fee above 5 sat makes small payments (most of them) uneconomic through the channel. */
export const HIGH_BASE_FEE_MSAT = 5_000;
/** 10× away from the node's own median usually means a forgotten default, not a strategy. */
export const OWN_MEDIAN_OUTLIER_RATIO = 10;
/** The own-median comparison needs a few priced channels to mean anything. */
export const MIN_OWN_POLICIES = 3;

/**
 * The market for a channel: the enabled fee rates of the other channels into the same peer. Degenerate when
 * nearly all competitors charge the same (p10 = p90) or the upper quartile is at most 1 ppm: such a market
 * says nothing about what the channel is worth.
 */
export interface Market {
  n: number;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  solid: boolean;
}

export function marketOf(ch: ChannelView): Market | null {
  const comp = ch.competingFeesPpm;
  if (comp.length < MIN_COMPETITORS) return null;
  const n = comp.length;
  const p10 = comp.quantile(0.1);
  const p75 = comp.quantile(0.75);
  const p90 = comp.quantile(0.9);
  if (p10 === p90 || p75 <= 1) return null;
  // One literal, no spread: this runs for every channel a fee rule looks closer at.
  return { n, p10, p25: comp.quantile(0.25), median: comp.quantile(0.5), p75, p90, solid: n >= SOLID_MARKET_COMPETITORS };
}

/** The fee an operator should be able to set and then hear nothing more from the market rules. */
export function isUnderpriced(fee: number, m: Market): boolean {
  return m.median > 0 && fee < UNDERPRICED_RATIO * m.median;
}
export function isOverpriced(fee: number, m: Market): boolean {
  return fee > OVERPRICED_RATIO * Math.max(m.median, 1) && fee > m.p90;
}

/** 0 ppm (draining surplus) and 10,000+ ppm ("do not route through me") are often chosen on purpose. */
function deliberateStance(fee: number): 'zero' | 'very_high' | null {
  return fee === 0 ? 'zero' : fee >= DELIBERATE_HIGH_FEE_PPM ? 'very_high' : null;
}

/** Role, stance and market depth lower the priority and confidence a market finding starts with. */
function tempered(role: NodeRoleAssessment, priority: Priority, confidence: number, weak: boolean): { priority: Priority; confidence: number } {
  if (weak || role.role === 'merchant_sink') return { priority: 'low', confidence: Math.min(confidence, 0.4) };
  if (role.role === 'leaf' && priority === 'high') return { priority: 'medium', confidence };
  return { priority, confidence };
}

/** Inbound fees (bLIP-18) change what a forward costs; say whether the source had them at all. */
function inboundEvidence(node: NodeAnalysis, local: ChannelView['local']) {
  return local?.inboundFeeRatePpm === undefined
    ? graphEvidence(node, 'own_inbound_fee_rate', 'not in the source', 'ppm (the embedded snapshot carries no inbound fees; outbound fees alone are compared)')
    : graphEvidence(node, 'own_inbound_fee_rate', local.inboundFeeRatePpm, 'ppm');
}

/**
 * What the channel's price is compared on: its outbound fee plus the peer's inbound fee on it (floored at 0),
 * where the graph carries inbound fees; the outbound fee alone where it does not.
 */
export function ownEffectiveFee(ch: ChannelView, outboundPpm: number): number {
  return effectiveFeeRate(outboundPpm, ch.peerInboundFeeRatePpm);
}

/** The outbound fee that gives an effective price of `effective` on the channel, rounded like any fee suggestion. */
function outboundFor(ch: ChannelView, effective: number, round: (x: number) => number): number {
  const inbound = ch.peerInboundFeeRatePpm;
  return inbound === null || inbound === undefined || inbound === 0 ? effective : round(Math.max(0, effective - inbound));
}

function effectiveEvidence(node: NodeAnalysis, ch: ChannelView, outboundPpm: number) {
  const inbound = ch.peerInboundFeeRatePpm;
  if (inbound === null || inbound === undefined) {
    const why = 'not in the source (the graph carries no inbound fees; outbound fees alone are compared)';
    return [graphEvidence(node, 'peer_inbound_fee_rate', null, `ppm, ${why}`), graphEvidence(node, 'own_effective_fee_rate', null, `ppm, ${why}`)];
  }
  return [
    graphEvidence(node, 'peer_inbound_fee_rate', inbound, 'ppm (the peer’s inbound fee on this channel; negative = discount)'),
    graphEvidence(node, 'own_effective_fee_rate', ownEffectiveFee(ch, outboundPpm), 'ppm (outbound + peer’s inbound, floored at 0; competitors compared the same way)'),
  ];
}

function pathEvidence(node: NodeAnalysis, path: number[]) {
  return graphEvidence(node, 'fee_path', path.join(' → '), `ppm, ${path.length} step(s) a few days apart`);
}

function competitionFinding(node: NodeAnalysis, ch: ChannelView, role: NodeRoleAssessment): Finding | null {
  const local = enabledLocal(ch);
  const comp0 = ch.competingFeesPpm;
  if (!local || comp0.length < MIN_COMPETITORS) return null;
  // Most channels fire neither rule: two quantiles settle that before the whole market is read.
  const med0 = comp0.quantile(0.5);
  const fee0 = ownEffectiveFee(ch, local.feeRatePpm);
  if (!(med0 > 0 && fee0 < UNDERPRICED_RATIO * med0) && !(fee0 > OVERPRICED_RATIO * Math.max(med0, 1) && fee0 > comp0.quantile(0.9))) return null;
  const m = marketOf(ch);
  if (!local || !m) return null;
  const comp = ch.competingFeesPpm;
  const cur = local.feeRatePpm;
  const curEffective = fee0;
  let rule: 'fee_underpriced' | 'fee_overpriced';
  let target: number;
  // Targets stay inside the band the two rules define, so applying one never triggers the other or itself.
  // The band is in effective prices; the target is the outbound fee that lands there given the peer's inbound fee.
  if (isUnderpriced(curEffective, m)) {
    rule = 'fee_underpriced';
    target = outboundFor(ch, niceCeil(Math.max(m.p25, UNDERPRICED_RATIO * m.median)), niceCeil);
  } else if (isOverpriced(curEffective, m)) {
    rule = 'fee_overpriced';
    target = outboundFor(ch, Math.max(niceFloor(m.p75), m.median), niceFloor);
  } else return null;
  if (!worthChanging(cur, target)) return null;
  const path = feePath(cur, target);
  const stance = deliberateStance(cur);
  const pctBefore = comp.percentBelow(curEffective);
  const pctAfter = comp.percentBelow(ownEffectiveFee(ch, target));
  const big = ch.capacitySat >= node.network.medianChannelSat;
  const { priority, confidence } = tempered(role, rule === 'fee_underpriced' && big ? 'high' : 'medium', Math.min(0.9, 0.5 + m.n / 100), !m.solid || stance !== null);
  return baseFinding({
    rule,
    type: 'fee_adjustment',
    category: 'revenue',
    priority,
    message: stance ? (rule === 'fee_underpriced' ? 'fee_underpriced_stance' : 'fee_overpriced_stance') : rule,
    params: {
      peer: peerName(ch),
      current: cur,
      suggested: target,
      firstStep: path[0],
      steps: path.length,
      median: m.median,
      competitors: m.n,
      multiple: OVERPRICED_RATIO,
      pctBefore: rule === 'fee_underpriced' ? Math.round(100 - pctBefore) : pctBefore,
      pctAfter: rule === 'fee_underpriced' ? Math.round(100 - pctAfter) : pctAfter,
      medianName: m.n % 2 === 0 ? 'lower median' : 'median',
    },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: cur,
    suggestedValue: target,
    direction: 'outbound',
    evidence: [
      graphEvidence(node, 'own_fee_rate', cur, 'ppm'),
      graphEvidence(node, 'competing_channels_into_peer', m.n, 'channels'),
      graphEvidence(node, 'competing_fee_rate_p25', m.p25, 'ppm (nearest rank)'),
      graphEvidence(node, 'competing_fee_rate_median', m.median, m.n % 2 === 0 ? 'ppm (nearest rank: the lower median, n even)' : 'ppm (nearest rank)'),
      graphEvidence(node, 'competing_fee_rate_p75', m.p75, 'ppm (nearest rank)'),
      graphEvidence(node, 'percentile_among_competitors_before', pctBefore, '% of competing fees below'),
      graphEvidence(node, 'percentile_among_competitors_after', pctAfter, '% of competing fees below'),
      graphEvidence(node, 'market_depth', m.solid ? 'solid' : 'thin', `${SOLID_MARKET_COMPETITORS}+ competitors is solid`),
      pathEvidence(node, path),
      graphEvidence(node, 'channel_capacity', ch.capacitySat, 'sat'),
      inboundEvidence(node, local),
      ...effectiveEvidence(node, ch, cur),
    ],
    confidence,
    impactScore: ch.capacitySat * Math.abs(Math.log((target + 1) / (cur + 1))),
    policyChange: { feeRatePpm: path[0] },
    commands: feeChangeCommands(channelRef(ch), local, { ...local, feeRatePpm: path[0] }),
  });
}

function freeRouting(node: NodeAnalysis, ch: ChannelView, role: NodeRoleAssessment): Finding | null {
  const local = enabledLocal(ch);
  if (!local || local.feeRatePpm !== 0 || local.baseFeeMsat !== 0) return null;
  const m = marketOf(ch);
  // With a market: its lower quartile, held inside the band; without: the node's own habit, then the network's.
  const own = node.summary.medianOutboundFeePpm;
  const basis = m ? 'competing_fee_rate_p25' : own && own > 0 ? 'own_median_fee_rate' : 'network_median_fee_rate';
  const target = m ? outboundFor(ch, niceCeil(Math.max(m.p25, UNDERPRICED_RATIO * m.median)), niceCeil) : niceFee(own && own > 0 ? own : node.network.medianFeePpm);
  if (!worthChanging(0, target)) return null;
  const path = feePath(0, target);
  const { priority, confidence } = tempered(role, 'low', 0.5, false);
  return baseFinding({
    rule: 'fee_free_routing',
    type: 'fee_adjustment',
    category: 'revenue',
    priority,
    message: 'fee_free_routing',
    params: { peer: peerName(ch), suggested: target, firstStep: path[0], steps: path.length, perMillion: target },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: 0,
    suggestedValue: target,
    direction: 'outbound',
    evidence: [
      graphEvidence(node, 'own_fee_rate', 0, 'ppm'),
      graphEvidence(node, 'own_base_fee', 0, 'msat'),
      graphEvidence(node, 'target_basis', basis, ''),
      graphEvidence(node, 'network_median_fee_rate', node.network.medianFeePpm, 'ppm'),
      pathEvidence(node, path),
      graphEvidence(node, 'channel_capacity', ch.capacitySat, 'sat'),
    ],
    confidence,
    impactScore: ch.capacitySat,
    policyChange: { feeRatePpm: path[0] },
    commands: feeChangeCommands(channelRef(ch), local, { ...local, feeRatePpm: path[0] }),
  });
}

function highBaseFee(node: NodeAnalysis, ch: ChannelView, role: NodeRoleAssessment): Finding | null {
  const local = enabledLocal(ch);
  if (!local || local.baseFeeMsat <= HIGH_BASE_FEE_MSAT) return null;
  const target = Math.min(1000, Math.max(0, Math.round(node.network.medianBaseFeeMsat)));
  const { priority, confidence } = tempered(role, 'medium', 0.75, false);
  return baseFinding({
    rule: 'fee_high_base',
    type: 'fee_adjustment',
    category: 'revenue',
    priority,
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
    confidence,
    impactScore: ch.capacitySat / 2,
    policyChange: { baseFeeMsat: target },
    commands: feeChangeCommands(channelRef(ch), local, { ...local, baseFeeMsat: target }),
  });
}

/**
 * A fee far from the node's own median is looked at only where the channel has no usable market: where it
 * has one, the market rules decide, and a fee they leave alone is within the market's band whatever the
 * node's other channels charge (pulling a 500 M sat channel to a 1 ppm habit is what this prevents).
 */
function ownOutlier(node: NodeAnalysis, ch: ChannelView, role: NodeRoleAssessment, own: number | null): Finding | null {
  const local = enabledLocal(ch);
  if (!local || own === null || own <= 0 || node.summary.outboundUsableChannels < MIN_OWN_POLICIES) return null;
  const r = Math.max(local.feeRatePpm, 1) / own;
  if ((r < OWN_MEDIAN_OUTLIER_RATIO && r > 1 / OWN_MEDIAN_OUTLIER_RATIO) || marketOf(ch)) return null;
  const target = niceFee(own);
  // A sink's 10,000+ ppm habit is a stance of its own, not a price to copy onto another channel.
  if (role.role === 'merchant_sink' || target >= DELIBERATE_HIGH_FEE_PPM) return null;
  if (!worthChanging(local.feeRatePpm, target) || deliberateStance(local.feeRatePpm) === 'zero') return null;
  const path = feePath(local.feeRatePpm, target);
  const { priority, confidence } = tempered(role, 'low', 0.3, true);
  return baseFinding({
    rule: 'fee_own_outlier',
    type: 'fee_adjustment',
    category: 'revenue',
    priority,
    message: 'fee_own_outlier',
    params: { peer: peerName(ch), current: local.feeRatePpm, ownMedian: own, multiple: OWN_MEDIAN_OUTLIER_RATIO, suggested: target, firstStep: path[0], steps: path.length, competitors: ch.competingFeesPpm.length },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: local.feeRatePpm,
    suggestedValue: target,
    direction: 'outbound',
    evidence: [
      graphEvidence(node, 'own_fee_rate', local.feeRatePpm, 'ppm'),
      graphEvidence(node, 'own_median_fee_rate', own, 'ppm (over your enabled channels, with the market rules’ targets applied)'),
      graphEvidence(node, 'competing_channels_into_peer', ch.competingFeesPpm.length, `channels (no usable market: under ${MIN_COMPETITORS}, or all alike)`),
      pathEvidence(node, path),
    ],
    confidence,
    impactScore: ch.capacitySat / 4,
    policyChange: { feeRatePpm: path[0] },
    commands: feeChangeCommands(channelRef(ch), local, { ...local, feeRatePpm: path[0] }),
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
        policyChange: { feeRatePpm: target },
        commands: feeChangeCommands(channelRef(ch), local, { ...local, feeRatePpm: target }),
      }),
    );
  }
  return out;
}

/* eslint-disable security/detect-object-injection -- below, integer positions in node.channels and in an array aligned with it */
/**
 * The node's own median once the market rules' targets are applied: the reference for own-median outliers.
 * Taken after the market's changes, so that applying every target leaves it where it was (moving outliers
 * onto a median does not move the median) and a second run has nothing new to say.
 */
function settledOwnMedian(node: NodeAnalysis, market: ReadonlyArray<Finding | null>): number | null {
  const fees: number[] = [];
  const channels = node.channels;
  for (let i = 0; i < channels.length; i++) {
    const local = enabledLocal(channels[i]);
    if (!local) continue;
    const f = market[i];
    fees.push(f && f.policyChange?.feeRatePpm !== undefined ? (f.suggestedValue as number) : local.feeRatePpm);
  }
  return median(fees.sort((x, y) => x - y));
}

/** Fees and revenue, for nodes that can route: priced against the competition into the same peer, base fee, own consistency, Sparkseer. */
export const feeRules: Rule = (node, role = classifyNodeRole(node)) => {
  if (!role.canRoute) return [];
  const out: Finding[] = [];
  const channels = node.channels;
  // Read from the channels given (not from the role): a copy of the node with some policies changed keeps its links.
  const sameOperator = sameOperatorChannels(node.alias, channels);
  // Links to the operator's own other nodes at 0 ppm both ways are deliberate: no fee advice on them.
  const priced = (ch: ChannelView) => sameOperator.size === 0 || !sameOperator.has(ch);
  // The market rules' findings indexed like node.channels: a Map keyed by channel cost more than the rules on it.
  const market: Array<Finding | null> = new Array<Finding | null>(channels.length).fill(null);
  for (let i = 0; i < channels.length; i++) {
    const ch = channels[i];
    if (priced(ch)) market[i] = freeRouting(node, ch, role) ?? competitionFinding(node, ch, role);
  }
  const ownMedian = settledOwnMedian(node, market);
  for (let i = 0; i < channels.length; i++) {
    const ch = channels[i];
    if (!priced(ch)) continue;
    const f = market[i] ?? ownOutlier(node, ch, role, ownMedian);
    if (f) out.push(f);
    const b = highBaseFee(node, ch, role);
    if (b) out.push(b);
  }
  const spark = sparkseerFees(node);
  return [...out, ...(sameOperator.size > 0 ? spark.filter((f) => !sameOperator.has(f.channel!)) : spark)];
};
/* eslint-enable security/detect-object-injection */
