import { Inject, Injectable } from '@nestjs/common';
import { LND_CLIENT, LndApi, LndGraphNodeWithChannels, LndGraphPolicy } from '../../clients/lnd/lnd.types';
import type { LiveNode, LiveNodeSource, LivePolicy } from './live-node.types';

function livePolicy(p: LndGraphPolicy | null): LivePolicy | null {
  if (!p) return null;
  return {
    feeRatePpm: p.feeRatePpm,
    baseFeeMsat: p.feeBaseMsat,
    minHtlcMsat: p.minHtlcMsat,
    maxHtlcMsat: p.maxHtlcMsat,
    disabled: p.disabled,
    cltvDelta: p.timeLockDelta,
    inboundBaseFeeMsat: p.inboundFeeBaseMsat,
    inboundFeeRatePpm: p.inboundFeeRatePpm,
    lastUpdate: p.lastUpdate,
  };
}

/** LND's `getnodeinfo` with `include_channels`: both policies of every channel, so the node's own fees in full. */
export function liveNodeFromLnd(n: LndGraphNodeWithChannels): LiveNode {
  return {
    pubkey: n.pubkey,
    alias: n.alias || null,
    color: n.color || null,
    updatedAt: n.lastUpdate || null,
    complete: true,
    reportsPeerPolicies: true,
    channels: n.channels.map((e) => {
      const own = e.node1Pub === n.pubkey ? e.node1Policy : e.node2Policy;
      const peer = e.node1Pub === n.pubkey ? e.node2Policy : e.node1Policy;
      const enabled = (p: LndGraphPolicy | null) => p !== null && !p.disabled;
      return {
        peerPubkey: e.node1Pub === n.pubkey ? e.node2Pub : e.node1Pub,
        peerAlias: null,
        capacitySat: e.capacitySat,
        channelId: e.channelId,
        shortChannelId: e.shortChannelId,
        channelPoint: e.chanPoint || null,
        active: enabled(own) || enabled(peer),
        policy: livePolicy(own),
        peerPolicy: livePolicy(peer),
      };
    }),
  };
}

@Injectable()
export class LndLiveNodeSource implements LiveNodeSource {
  readonly name = 'lnd';
  readonly configuredBy = 'LND_REST_URL with LND_MACAROON_HEX or LND_MACAROON_PATH';

  constructor(@Inject(LND_CLIENT) private readonly lnd: LndApi) {}

  get configured(): boolean {
    return this.lnd.configured;
  }

  async lookup(pubkey: string): Promise<LiveNode | null> {
    const n = await this.lnd.getNodeInfoWithChannels(pubkey);
    return n ? liveNodeFromLnd(n) : null;
  }
}
