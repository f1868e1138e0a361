import { Inject, Injectable } from '@nestjs/common';
import { AppCacheService } from '../../cache/app-cache.service';
import { LND_CLIENT, LndApi, LndChannelBalance, LndChannelFee, LndNodeInfo } from '../../clients/lnd/lnd.types';
import { liveValue, LiveResult } from './live-source';

/** Fees are summed per outgoing channel over this window to find channels that earn nothing. */
export const FORWARDING_WINDOW_DAYS = 30;

export interface OwnNodeData {
  identityPubkey: string;
  channels: LndChannelBalance[];
  revenue24hMsat: number;
  forwards24h: number;
  /** Routing fees earned per outgoing LND channel id over the window, msat. */
  feesByChanIdMsat: Record<string, number>;
  windowDays: number;
  /** False when LND's log returned fewer events than it holds (paging cap reached). */
  complete: boolean;
  /**
   * The channels' current policies per LND channel id (`/v1/fees`), inbound fees included: fresher than the
   * gossip the graph holds, and what an `updatechanpolicy` command must repeat.
   */
  policiesByChanId?: Record<string, LndChannelFee>;
}

/**
 * The operator's own node, from its LND: who it is (getinfo), its channels with live balances, and what its
 * forwards earned. Only ever used for the pubkey LND reports as its identity.
 */
@Injectable()
export class OwnNodeService {
  constructor(
    @Inject(LND_CLIENT) private readonly lnd: LndApi,
    private readonly cache: AppCacheService,
  ) {}

  get configured(): boolean {
    return this.lnd.configured;
  }

  identity(useCache = true): Promise<LiveResult<LndNodeInfo>> {
    return liveValue(this.cache, 'lnd:getinfo', () => this.lnd.getInfo(), { useCache });
  }

  /** Own-node data when `pubkey` is LND's identity; null when LND is not configured or is another node. */
  async dataFor(pubkey: string, useCache = true): Promise<{ identity: LiveResult<LndNodeInfo>; data: LiveResult<OwnNodeData> | null } | null> {
    if (!this.lnd.configured) return null;
    const identity = await this.identity(useCache);
    if (!identity.ok || identity.value.identityPubkey !== pubkey) return { identity, data: null };
    const data = await liveValue(this.cache, `lnd:own:${pubkey}`, () => this.fetch(pubkey), { useCache });
    return { identity, data };
  }

  private async fetch(pubkey: string): Promise<OwnNodeData> {
    const now = Math.floor(Date.now() / 1000);
    const [channels, summary, history, report] = await Promise.all([
      this.lnd.listChannels(),
      this.lnd.forwardingSummary24h(),
      this.lnd.forwardingHistory(now - FORWARDING_WINDOW_DAYS * 86_400, now),
      this.lnd.feeReport(),
    ]);
    const policiesByChanId: Record<string, LndChannelFee> = {};
    for (const f of report.channelFees) policiesByChanId[f.chanId] = f;
    const feesByChanIdMsat: Record<string, number> = {};
    for (const c of channels) feesByChanIdMsat[c.chanId] = 0;
    for (const e of history.events) feesByChanIdMsat[e.chanIdOut] = (feesByChanIdMsat[e.chanIdOut] ?? 0) + e.feeMsat;
    return {
      identityPubkey: pubkey,
      channels,
      revenue24hMsat: summary.revenueMsat24h,
      forwards24h: summary.count,
      feesByChanIdMsat,
      windowDays: FORWARDING_WINDOW_DAYS,
      complete: summary.complete && history.complete,
      policiesByChanId,
    };
  }
}
