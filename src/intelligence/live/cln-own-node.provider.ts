import { Inject, Injectable } from '@nestjs/common';
import { CLN_CLIENT, ClnApi } from '../../clients/cln/cln.types';
import { feesByChannel, FORWARDING_WINDOW_DAYS, OwnChannelPolicy, OwnNodeData, OwnNodeIdentity, OwnNodeProvider } from './own-node-provider';

/**
 * The operator's Core Lightning node (clnrest): channels with balances and current fees (`listpeerchannels`),
 * settled forwards and revenue (`listforwards`). Forwards name channels by short channel id, which is the channels' `chanId` here.
 */
@Injectable()
export class ClnOwnNodeProvider implements OwnNodeProvider {
  readonly name = 'cln' as const;

  constructor(@Inject(CLN_CLIENT) private readonly cln: ClnApi) {}

  get configured(): boolean {
    return this.cln.configured;
  }

  async identity(): Promise<OwnNodeIdentity> {
    const info = await this.cln.getInfo();
    return { identityPubkey: info.identityPubkey };
  }

  async fetch(pubkey: string): Promise<OwnNodeData> {
    const now = Math.floor(Date.now() / 1000);
    const windowStart = now - FORWARDING_WINDOW_DAYS * 86_400;
    const [channels, summary, history] = await Promise.all([
      this.cln.listPeerChannels(),
      this.cln.forwardingSummary24h(new Date(now * 1000)),
      this.cln.settledForwardsSince(windowStart),
    ]);
    const inWindow = history.forwards.filter((f) => (f.resolvedTime ?? f.receivedTime) >= windowStart);
    const policiesByChanId: Record<string, OwnChannelPolicy> = {};
    for (const c of channels) if (c.feeBaseMsat !== null && c.feeRatePpm !== null) policiesByChanId[c.chanId] = { baseFeeMsat: c.feeBaseMsat, feeRatePpm: c.feeRatePpm };
    return {
      source: this.name,
      identityPubkey: pubkey,
      channels,
      revenue24hMsat: summary.revenueMsat24h,
      forwards24h: summary.count,
      feesByChanIdMsat: feesByChannel(channels, inWindow),
      windowDays: FORWARDING_WINDOW_DAYS,
      complete: summary.complete && history.complete,
      policiesByChanId,
    };
  }
}
