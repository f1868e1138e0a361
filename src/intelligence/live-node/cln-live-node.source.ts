import { Inject, Injectable } from '@nestjs/common';
import { CLN_CLIENT, ClnApi, ClnGossipChannel, ClnGossipNode } from '../../clients/cln/cln.types';
import { LiveChannel, LiveNode, LiveNodeSource, LivePolicy } from './live-node.types';

/** One direction from `listchannels`. Core Lightning gossip carries no inbound fees: null, never 0. */
function policyOf(c: ClnGossipChannel): LivePolicy {
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
export function liveNodeFromCln(node: ClnGossipNode, outbound: ClnGossipChannel[], inbound: ClnGossipChannel[]): LiveNode {
  const byScid = new Map<string, LiveChannel>();
  const entry = (scid: string, peer: string, capacitySat: number): LiveChannel => {
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

/** Looks up a node the graph does not know in the operator's Core Lightning gossip. */
@Injectable()
export class ClnLiveNodeSource implements LiveNodeSource {
  readonly name = 'cln';
  readonly configuredBy = 'CLN_REST_URL with CLN_RUNE';

  constructor(@Inject(CLN_CLIENT) private readonly cln: ClnApi) {}

  get configured(): boolean {
    return this.cln.configured;
  }

  /** Null when Core Lightning does not know the node; throws an UpstreamError when it cannot be asked. */
  async lookup(pubkey: string): Promise<LiveNode | null> {
    const node = await this.cln.getNode(pubkey);
    if (!node) return null;
    const [outbound, inbound] = await Promise.all([this.cln.channelsOf(pubkey), this.cln.channelsTo(pubkey)]);
    return liveNodeFromCln(node, outbound, inbound);
  }
}
