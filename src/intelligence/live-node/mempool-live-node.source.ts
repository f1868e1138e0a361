import { Inject, Injectable } from '@nestjs/common';
import { MEMPOOL_CLIENT, MempoolApi, MempoolChannel, MempoolNodeDetails } from '../../clients/mempool/mempool.types';
import type { LiveNode, LiveNodeSource } from './live-node.types';

/**
 * Pages of 10 read per node at most: 2,000 channels, beyond any node the graph lacks (the largest public
 * nodes hold about 3,000 and are in every graph). A cut list is marked incomplete, never passed off as whole.
 */
export const MEMPOOL_MAX_CHANNEL_PAGES = 200;

/**
 * mempool's node record and its open channels. mempool gives the node's own fee rate per channel and nothing
 * else of the policy (no base fee, HTLC limits or CLTV delta, no peer policy): those stay null.
 */
export function liveNodeFromMempool(node: MempoolNodeDetails, channels: MempoolChannel[], complete: boolean): LiveNode {
  return {
    pubkey: node.pubkey,
    alias: node.alias || null,
    color: node.color || null,
    updatedAt: node.updatedAt || null,
    complete,
    reportsPeerPolicies: false,
    channels: channels
      .filter((c) => c.status !== 'closed')
      .map((c) => ({
        peerPubkey: c.peer.pubkey,
        peerAlias: c.peer.alias || null,
        capacitySat: c.capacitySat,
        channelId: c.id,
        shortChannelId: c.shortId,
        channelPoint: null,
        active: c.status === 'active',
        policy: { feeRatePpm: c.feeRatePpm, baseFeeMsat: null, minHtlcMsat: null, maxHtlcMsat: null, disabled: null, cltvDelta: null, inboundBaseFeeMsat: null, inboundFeeRatePpm: null, lastUpdate: null },
        peerPolicy: null,
      })),
  };
}

@Injectable()
export class MempoolLiveNodeSource implements LiveNodeSource {
  readonly name = 'mempool';
  readonly configuredBy = 'MEMPOOL_BASE_URL';

  constructor(@Inject(MEMPOOL_CLIENT) private readonly mempool: MempoolApi) {}

  get configured(): boolean {
    return this.mempool.configured;
  }

  async lookup(pubkey: string): Promise<LiveNode | null> {
    const node = await this.mempool.getNode(pubkey);
    if (!node) return null;
    // Every page: getChannels follows X-Total-Count until the list is whole (or the cap above).
    const list = await this.mempool.getChannels(pubkey, { status: 'open', maxPages: MEMPOOL_MAX_CHANNEL_PAGES });
    return liveNodeFromMempool(node, list.channels, list.complete);
  }
}
