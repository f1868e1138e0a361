import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { mempoolConfig } from '../../config/configuration';
import { pubkeyArg } from '../common/pubkey-arg';
import { resilienceOptions, ResilienceOverrides } from '../common/resilience.options';
import { ResilientHttp } from '../common/resilient-http';
import { UpstreamClient } from '../common/upstream-client';
import { UpstreamMetrics } from '../common/upstream-metrics.service';
import { CLIENT_RESILIENCE_OVERRIDES, UpstreamProbeReport } from '../common/upstream.types';
import { MEMPOOL_CHANNEL_PAGE_SIZE, mapMempoolChannels, mapMempoolNode, mapMempoolStats, totalCount } from './mempool.mapper';
import type {
  MempoolApi,
  MempoolChannel,
  MempoolChannelList,
  MempoolChannelPage,
  MempoolChannelStatus,
  MempoolNetworkStats,
  MempoolNodeDetails,
} from './mempool.types';

/**
 * mempool.space's Lightning API (MEMPOOL_BASE_URL including `/api`, e.g. `https://mempool.space/api`; no key).
 * Not configured without MEMPOOL_BASE_URL.
 */
@Injectable()
export class MempoolClient extends UpstreamClient implements MempoolApi {
  readonly upstream = 'mempool' as const;
  protected readonly http: ResilientHttp | null;
  private readonly logger = new Logger(MempoolClient.name);

  constructor(
    @Inject(mempoolConfig.KEY) cfg: ConfigType<typeof mempoolConfig>,
    metrics: UpstreamMetrics,
    @Optional() @Inject(CLIENT_RESILIENCE_OVERRIDES) overrides?: ResilienceOverrides,
  ) {
    super();
    this.http = cfg.baseUrl
      ? new ResilientHttp({ upstream: 'mempool', baseUrl: cfg.baseUrl, metrics, options: resilienceOptions('mempool', cfg.timeoutMs, overrides?.mempool) })
      : null;
    metrics.declare('mempool', this.http !== null);
    // mempool serves its API under /api (mempool.space and self-hosted backends alike).
    if (cfg.baseUrl && !/\/api\/?$/.test(new URL(cfg.baseUrl).pathname)) {
      this.logger.warn('MEMPOOL_BASE_URL does not end with /api (expected e.g. https://mempool.space/api): Lightning routes may answer 404');
    }
  }

  async getNode(pubkey: string): Promise<MempoolNodeDetails | null> {
    const pk = pubkeyArg(pubkey);
    return this.client('node').requestOrNull({
      operation: 'node',
      path: `/v1/lightning/nodes/${pk}`,
      // mempool throws for an unknown node and answers 500 (the route's 404 branch is unreachable); a
      // missing route or older backend may say 404. Neither is retried nor counted by the breaker.
      absentWhen: (s) => s === 500 || s === 404,
      parse: mapMempoolNode,
    });
  }

  async getChannelsPage(pubkey: string, opts: { status?: MempoolChannelStatus; index?: number } = {}): Promise<MempoolChannelPage> {
    const pk = pubkeyArg(pubkey);
    const index = Math.max(0, Math.floor(opts.index ?? 0));
    return this.client('channels').request({
      operation: 'channels',
      path: '/v1/lightning/channels',
      query: { public_key: pk, status: opts.status ?? 'open', index },
      parse: (json, res) => ({ channels: mapMempoolChannels(json), total: totalCount(res.headers['x-total-count']), index }),
    });
  }

  async getChannels(pubkey: string, opts: { status?: MempoolChannelStatus; maxPages?: number } = {}): Promise<MempoolChannelList> {
    const maxPages = Math.max(1, opts.maxPages ?? 10);
    const channels: MempoolChannel[] = [];
    let total: number | null = null;
    for (let page = 0; page < maxPages; page++) {
      const p = await this.getChannelsPage(pubkey, { status: opts.status, index: channels.length });
      total = p.total ?? total;
      channels.push(...p.channels);
      const done = p.channels.length < MEMPOOL_CHANNEL_PAGE_SIZE || (total !== null && channels.length >= total);
      if (done) return { channels, total, complete: true };
    }
    return { channels, total, complete: total !== null && channels.length >= total };
  }

  async getNetworkStats(): Promise<MempoolNetworkStats> {
    return this.client('statistics').request({ operation: 'statistics', path: '/v1/lightning/statistics/latest', parse: mapMempoolStats });
  }

  protected runProbe(http: ResilientHttp): Promise<UpstreamProbeReport> {
    return http.probe({ path: '/v1/lightning/statistics/latest', parse: mapMempoolStats });
  }
}
