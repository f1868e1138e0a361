import { closeChannelCommands, inboundDiscountCommands, loopOutCommands } from '../commands/command-templates';
import type { ChannelView, NodeAnalysis } from '../node-analysis';
import type { Finding, Rule } from '../recommendation.types';
import { baseFinding, channelRef, peerName, worthChanging } from './rule-helpers';

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
/**
 * A depleted channel gets an inbound discount (flow in through it refills it) of half the node's lowest
 * outbound fee rate: never more than that rate, so no forward's total fee can go negative (bLIP-18).
 */
const INBOUND_DISCOUNT_SHARE = 0.5;
/** Below this, a discount is noise (the same bar as any fee change). */
const MIN_INBOUND_DISCOUNT_PPM = 10;

function liveEvidence(node: NodeAnalysis, name: string, value: number, unit: string) {
  return { name, value, unit, source: node.ownNodeSource ?? 'lnd', date: new Date().toISOString().slice(0, 10) };
}

function balanceFinding(node: NodeAnalysis, ch: ChannelView): Finding | null {
  const b = ch.balance;
  if (!b || ch.capacitySat === 0) return null;
  const share = b.localSat / ch.capacitySat;
  const depleted = share < DEPLETED_SHARE;
  if (!depleted && share <= SATURATED_SHARE) return null;
  const amount = Math.round(Math.abs(TARGET_SHARE - share) * ch.capacitySat);
  const local = ch.local && !ch.local.disabled ? ch.local : null;
  const lowestOut = Math.min(...node.channels.filter((c) => c.local && !c.local.disabled).map((c) => c.local!.feeRatePpm));
  // Core Lightning has no inbound fees: no discount to suggest to its operator.
  const discount = Number.isFinite(lowestOut) && node.ownNodeSource !== 'cln' ? Math.floor(INBOUND_DISCOUNT_SHARE * lowestOut) : 0;
  // A discount the channel already has (as deep, or within the minimum change of it) is not advised again.
  const existing = Math.max(0, -(local?.inboundFeeRatePpm ?? 0));
  const alreadySet = depleted && existing > 0 && (existing >= discount || !worthChanging(existing, discount));
  const commands = depleted
    ? local && !alreadySet && discount >= MIN_INBOUND_DISCOUNT_PPM
      ? inboundDiscountCommands(channelRef(ch), { ...local, inboundBaseFeeMsat: local.inboundBaseFeeMsat ?? 0, inboundFeeRatePpm: local.inboundFeeRatePpm ?? 0 }, discount)
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
    params: { peer: peerName(ch), localPct: Math.round(share * 100), amount, discount: depleted && commands ? discount : 0, existingDiscount: alreadySet ? existing : 0 },
    channel: ch,
    targetNodes: [ch.peerPubkey],
    currentValue: b.localSat,
    suggestedValue: Math.round(TARGET_SHARE * ch.capacitySat),
    amountSuggestion: amount,
    direction: depleted ? 'outbound' : 'inbound',
    evidence: [
      liveEvidence(node, 'local_balance', b.localSat, 'sat'),
      liveEvidence(node, 'remote_balance', b.remoteSat, 'sat'),
      liveEvidence(node, 'local_share', Math.round(share * 1000) / 10, '%'),
      ...(depleted && node.ownNodeSource !== 'cln' ? [liveEvidence(node, 'suggested_inbound_discount', discount, `ppm (half your lowest outbound fee rate, ${Number.isFinite(lowestOut) ? lowestOut : 'none'} ppm)`)] : []),
      local?.source === 'lnd'
        ? liveEvidence(node, 'current_inbound_fee_rate', local.inboundFeeRatePpm ?? 0, alreadySet ? 'ppm (a discount is already set: not advised again)' : 'ppm')
        : {
            name: 'current_inbound_fee_rate',
            value: local?.inboundFeeRatePpm ?? (node.ownNodeSource === 'cln' ? 'none: Core Lightning has no inbound fees' : 'not in the source'),
            unit: 'ppm',
            source: node.source,
            date: node.network.snapshotDate,
          },
    ],
    confidence: 0.9,
    impactScore: amount,
    commands,
  });
}

/** Liquidity, from live balances (only when the node's own LND or Core Lightning is configured). */
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
        evidence: [liveEvidence(node, 'forwarded_fees', 0, `msat over ${days} days`), liveEvidence(node, 'channel_capacity', ch.capacitySat, 'sat')],
        confidence: 0.6,
        impactScore: ch.capacitySat,
        commands: closeChannelCommands(channelRef(ch)),
      }),
    );
};
