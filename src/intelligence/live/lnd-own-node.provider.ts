import { Inject, Injectable } from '@nestjs/common';
import { LND_CLIENT, LndApi } from '../../clients/lnd/lnd.types';
import { feesByChannel, FORWARDING_WINDOW_DAYS, OwnChannelPolicy, OwnNodeData, OwnNodeIdentity, OwnNodeProvider } from './own-node-provider';

/** The operator's LND: channels with balances (`/v1/channels`), forwards and revenue (`/v1/switch`), current policies (`/v1/fees`). */
@Injectable()
export class LndOwnNodeProvider implements OwnNodeProvider {
  readonly name = 'lnd' as const;

  constructor(@Inject(LND_CLIENT) private readonly lnd: LndApi) {}

  get configured(): boolean {
    return this.lnd.configured;
  }

  async identity(): Promise<OwnNodeIdentity> {
    const info = await this.lnd.getInfo();
    return { identityPubkey: info.identityPubkey };
  }

  async fetch(pubkey: string): Promise<OwnNodeData> {
    const now = Math.floor(Date.now() / 1000);
    const [channels, summary, history, report] = await Promise.all([
      this.lnd.listChannels(),
      this.lnd.forwardingSummary24h(),
      this.lnd.forwardingHistory(now - FORWARDING_WINDOW_DAYS * 86_400, now),
      this.lnd.feeReport(),
    ]);
    const policiesByChanId: Record<string, OwnChannelPolicy> = {};
    for (const f of report.channelFees) {
      policiesByChanId[f.chanId] = { baseFeeMsat: f.baseFeeMsat, feeRatePpm: f.feeRatePpm, inboundBaseFeeMsat: f.inboundBaseFeeMsat, inboundFeeRatePpm: f.inboundFeeRatePpm };
    }
    return {
      source: this.name,
      identityPubkey: pubkey,
      channels,
      revenue24hMsat: summary.revenueMsat24h,
      forwards24h: summary.count,
      feesByChanIdMsat: feesByChannel(channels, history.events.map((e) => ({ outChannel: e.chanIdOut, feeMsat: e.feeMsat }))),
      windowDays: FORWARDING_WINDOW_DAYS,
      complete: summary.complete && history.complete,
      policiesByChanId,
    };
  }
}
