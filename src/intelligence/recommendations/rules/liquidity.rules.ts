import { closeChannelCommands, feeChangeCommands, loopOutCommands } from '../commands/command-templates';
import type { ChannelView, NodeAnalysis } from '../node-analysis';
import type { Finding, Rule } from '../recommendation.types';
import { baseFinding, channelRef, peerName } from './rule-helpers';

/** Under 10 % local balance the channel can barely forward outward. */
export const DEPLETED_SHARE = 0.1;
/** Over 90 % local balance the channel can barely receive. */
export const SATURATED_SHARE = 0.9;
/** Rebalancing aims for the middle, where the channel can route both ways. */
const TARGET_SHARE = 0.5;
/** Loop Out's minimum swap is 250k sat; below that, suggest a circular rebalance instead. */
const LOOP_MIN_SAT = 250_000;
/** A channel this large earning nothing over the window is worth reconsidering. */
export const IDLE_MIN_CAPACITY_SAT = 1_000_000;
/** Raise the fee by a quarter on a draining channel: slows the drain without pricing it out. */
const DRAIN_FEE_FACTOR = 1.25;

function liveEvidence(name: string, value: number, unit: string) {
  return { name, value, unit, source: 'lnd', date: new Date().toISOString().slice(0, 10) };
}

function balanceFinding(node: NodeAnalysis, ch: ChannelView): Finding | null {
  const b = ch.balance;
  if (!b || ch.capacitySat === 0) return null;
  const share = b.localSat / ch.capacitySat;
  const depleted = share < DEPLETED_SHARE;
  if (!depleted && share <= SATURATED_SHARE) return null;
  const amount = Math.round(Math.abs(TARGET_SHARE - share) * ch.capacitySat);
  const local = ch.local && !ch.local.disabled ? ch.local : null;
  const commands = depleted
    ? local && local.feeRatePpm > 0
      ? feeChangeCommands(channelRef(ch), local, { ...local, feeRatePpm: Math.round(local.feeRatePpm * DRAIN_FEE_FACTOR) })
      : null
    : amount >= LOOP_MIN_SAT
      ? loopOutCommands(channelRef(ch), amount)
      : null;
  return baseFinding({
    rule: depleted ? 'liquidity_depleted' : 'liquidity_saturated',
    type: 'liquidity_management',
    category: 'liquidity',
    priority: ch.capacitySat >= node.network.medianChannelSat ? 'high' : 'medium',
    message: depleted ? 'liquidity_depleted' : 'liquidity_saturated',
    params: { peer: peerName(ch), localPct: Math.round(share * 100), amount },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: b.localSat,
    suggestedValue: Math.round(TARGET_SHARE * ch.capacitySat),
    amountSuggestion: amount,
    direction: depleted ? 'outbound' : 'inbound',
    evidence: [liveEvidence('local_balance', b.localSat, 'sat'), liveEvidence('remote_balance', b.remoteSat, 'sat'), liveEvidence('local_share', Math.round(share * 1000) / 10, '%')],
    confidence: 0.9,
    impactScore: amount,
    commands,
  });
}

/** Liquidity, from live balances (only when the node's own LND is configured). */
export const liquidityRules: Rule = (node) => node.channels.map((ch) => balanceFinding(node, ch)).filter((f): f is Finding => f !== null);

/** Cost: channels whose capacity earned nothing over the known forwarding window. */
export const costRules: Rule = (node) => {
  if (node.forwardingWindowDays === undefined) return [];
  const days = node.forwardingWindowDays;
  return node.channels
    .filter((ch) => ch.usable && ch.forwardedFeesMsat === 0 && ch.capacitySat >= IDLE_MIN_CAPACITY_SAT && (ch.balance?.localSat ?? 0) > TARGET_SHARE * ch.capacitySat)
    .map((ch) =>
      baseFinding({
        rule: 'idle_channel',
        type: 'channel_management',
        category: 'cost',
        priority: 'low',
        message: 'idle_channel',
        params: { peer: peerName(ch), days, capacity: ch.capacitySat },
        channel: ch,
        targetNodes: [ch.peerPubkey],
        currentValue: 0,
        amountSuggestion: ch.balance?.localSat ?? null,
        evidence: [liveEvidence('forwarded_fees', 0, `msat over ${days} days`), liveEvidence('channel_capacity', ch.capacitySat, 'sat')],
        confidence: 0.6,
        impactScore: ch.capacitySat,
        commands: closeChannelCommands(channelRef(ch)),
      }),
    );
};
