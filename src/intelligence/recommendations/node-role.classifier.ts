import type { ChannelView, NodeAnalysis } from './node-analysis';
import { sameOperatorChannels } from './same-operator';

/**
 * What a node is, read from the graph (and the operator's own data when present), decided before any rule
 * runs: advice that is right for a router is wrong for a wallet leaf, and routing fees mean nothing for a node
 * that cannot forward.
 */
export const NODE_ROLES = ['cannot_route', 'leaf', 'merchant_sink', 'router', 'hub'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

/** Forwarding needs a way in and a way out: two distinct peers, each with a channel enabled both ways. */
export const MIN_ROUTING_PEERS = 2;
/** Under five peers enabled both ways a node is a leaf (a wallet behind an LSP or two), not a router. */
export const MIN_ROUTER_PEERS = 5;
/** Hubs: among the 50 nodes with the most distinct usable peers (the same set the connectivity rules use). */
export const HUB_DEGREE_RANK = 50;
/** At or above 10,000 ppm a fee says "do not route through me" (PRACTICE: a sink keeping its channels full). */
export const DELIBERATE_HIGH_FEE_PPM = 10_000;
/** A node pricing most of its channels like that is a sink, not a router priced out of the market. */
export const SINK_HIGH_FEE_SHARE = 0.5;
/** Nearly every channel at ≤ 1 ppm: a merchant or service pricing for its own payments, not for routing. */
export const MERCHANT_MAX_FEE_PPM = 1;
export const MERCHANT_LOW_FEE_SHARE = 0.9;

export interface RoleEvidence {
  name: string;
  value: number | string;
  unit: string;
}

export interface NodeRoleAssessment {
  role: NodeRole;
  /** True when the node can forward payments at all; routing-fee advice is given only then. */
  canRoute: boolean;
  evidence: RoleEvidence[];
  /** Channels to another node of the same operator at 0 ppm both ways (see same-operator.ts): no fee advice on them. */
  sameOperator?: ReadonlySet<ChannelView>;
}

const enabled = (p: ChannelView['local']) => !!p && !p.disabled;

/** Pure: the node's role from its channels, its degree rank and its own enabled fee rates. */
export function classifyNodeRole(node: Pick<NodeAnalysis, 'channels' | 'degreeRank' | 'routable'> & Partial<Pick<NodeAnalysis, 'alias'>>): NodeRoleAssessment {
  const bothWays = new Set<string>();
  let own = 0;
  let high = 0;
  let low = 0;
  for (const ch of node.channels) {
    if (!enabled(ch.local)) continue;
    const fee = ch.local!.feeRatePpm;
    own++;
    if (fee >= DELIBERATE_HIGH_FEE_PPM) high++;
    if (fee <= MERCHANT_MAX_FEE_PPM) low++;
    if (enabled(ch.remote)) bothWays.add(ch.peerPubkey);
  }
  const highShare = own ? high / own : 0;
  const lowShare = own ? low / own : 0;
  const peers = bothWays.size;
  let role: NodeRole;
  if (peers < MIN_ROUTING_PEERS) role = 'cannot_route';
  else if (highShare >= SINK_HIGH_FEE_SHARE || (lowShare >= MERCHANT_LOW_FEE_SHARE && peers >= MIN_ROUTER_PEERS)) role = 'merchant_sink';
  else if (node.routable && node.degreeRank <= HUB_DEGREE_RANK) role = 'hub';
  else if (peers < MIN_ROUTER_PEERS) role = 'leaf';
  else role = 'router';
  const sameOperator = sameOperatorChannels(node.alias ?? null, node.channels);
  return {
    role,
    canRoute: role !== 'cannot_route',
    sameOperator,
    evidence: [
      { name: 'peers_enabled_both_ways', value: peers, unit: 'peers' },
      { name: 'own_enabled_policies', value: own, unit: 'channels' },
      { name: 'own_policies_at_or_above_10000_ppm', value: Math.round(highShare * 1000) / 10, unit: '%' },
      { name: 'own_policies_at_or_below_1_ppm', value: Math.round(lowShare * 1000) / 10, unit: '%' },
      { name: 'degree_rank', value: node.routable ? node.degreeRank : 'unroutable', unit: 'rank' },
      { name: 'same_operator_channels', value: sameOperator.size, unit: 'channels (0 ppm both ways to a node whose alias shares a distinctive word: no fee advice)' },
    ],
  };
}
