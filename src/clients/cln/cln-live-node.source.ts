import { Inject, Injectable } from '@nestjs/common';
import { CLN_CLIENT, ClnApi, ClnGossipChannel, ClnGossipNode } from './cln.types';

/*
 * The live-node shapes below mirror `LiveNode` / `LiveChannel` / `LivePolicy` of
 * src/intelligence/live-node/live-node.types.ts (built in parallel on another branch): structurally identical,
 * so this class satisfies `LiveNodeSource` once both are merged. When merging, import those types instead and
 * register ClnLiveNodeSource in the LIVE_NODE_SOURCES factory.
 */
export interface ClnLivePolicy {
  feeRatePpm: number | null;
  baseFeeMsat: number | null;
  minHtlcMsat: number | null;
  maxHtlcMsat: number | null;
  disabled: boolean | null;
  cltvDelta: number | null;
  inboundBaseFeeMsat: number | null;
  inboundFeeRatePpm: number | null;
  lastUpdate: number | null;
}

export interface ClnLiveChannel {
  peerPubkey: string;
  peerAlias: string | null;
  capacitySat: number;
  channelId: string | null;
  shortChannelId: string | null;
  channelPoint: string | null;
  active: boolean | null;
  policy: ClnLivePolicy | null;
  peerPolicy: ClnLivePolicy | null;
}

export interface ClnLiveNode {
  pubkey: string;
  alias: string | null;
  color: string | null;
  channels: ClnLiveChannel[];
  updatedAt: number | null;
  reportsPeerPolicies: boolean;
  complete: boolean;
}

/** One direction from `listchannels`. Core Lightning gossip carries no inbound fees: null, never 0. */
function policyOf(c: ClnGossipChannel): ClnLivePolicy {
  return {
    feeRatePpm: c.feeRatePpm,
    baseFeeMsat: c.baseFeeMsat,
    minHtlcMsat: c.htlcMinimumMsat,
    maxHtlcMsat: c.htlcMaximumMsat,
    disabled: !c.active,
    cltvDelta: c.delay,
    inboundBaseFeeMsat: null,
    inboundFeeRatePpm: null,
    lastUpdate: c.lastUpdate,
  };
}

/**
 * A node from Core Lightning's gossip: `listnodes id=<pubkey>` for who it is, `listchannels source=<pubkey>` for
 * its own policies and `destination=<pubkey>` for its peers' policies toward it, merged per short channel id.
 */
export function liveNodeFromCln(node: ClnGossipNode, outbound: ClnGossipChannel[], inbound: ClnGossipChannel[]): ClnLiveNode {
  const byScid = new Map<string, ClnLiveChannel>();
  const entry = (scid: string, peer: string, capacitySat: number): ClnLiveChannel => {
    let ch = byScid.get(scid);
    if (!ch) {
      ch = { peerPubkey: peer, peerAlias: null, capacitySat, channelId: null, shortChannelId: scid, channelPoint: null, active: null, policy: null, peerPolicy: null };
      byScid.set(scid, ch);
    }
    return ch;
  };
  for (const c of outbound) if (c.source === node.pubkey) entry(c.shortChannelId, c.destination, c.capacitySat).policy = policyOf(c);
  for (const c of inbound) if (c.destination === node.pubkey) entry(c.shortChannelId, c.source, c.capacitySat).peerPolicy = policyOf(c);
  for (const ch of byScid.values()) ch.active = ch.policy?.disabled === false || ch.peerPolicy?.disabled === false;
  return {
    pubkey: node.pubkey,
    alias: node.alias,
    color: node.color,
    channels: [...byScid.values()],
    updatedAt: node.lastTimestamp,
    reportsPeerPolicies: true,
    // listchannels answers in full: no paging cap.
    complete: true,
  };
}

/** Looks up a node the graph does not know in the operator's Core Lightning gossip. Not registered here. */
@Injectable()
export class ClnLiveNodeSource {
  readonly name = 'cln';
  readonly configuredBy = 'CLN_REST_URL with CLN_RUNE';

  constructor(@Inject(CLN_CLIENT) private readonly cln: ClnApi) {}

  get configured(): boolean {
    return this.cln.configured;
  }

  /** Null when Core Lightning does not know the node; throws an UpstreamError when it cannot be asked. */
  async lookup(pubkey: string): Promise<ClnLiveNode | null> {
    const node = await this.cln.getNode(pubkey);
    if (!node) return null;
    const [outbound, inbound] = await Promise.all([this.cln.channelsOf(pubkey), this.cln.channelsTo(pubkey)]);
    return liveNodeFromCln(node, outbound, inbound);
  }
}
