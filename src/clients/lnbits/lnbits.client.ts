import { Inject, Injectable, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { lnbitsConfig } from '../../config/configuration';
import { resilienceOptions, ResilienceOverrides } from '../common/resilience.options';
import { ResilientHttp } from '../common/resilient-http';
import { UpstreamClient } from '../common/upstream-client';
import { UpstreamMetrics } from '../common/upstream-metrics.service';
import { CLIENT_RESILIENCE_OVERRIDES, UpstreamProbeReport } from '../common/upstream.types';
import { isLnbitsAuthFailure, mapPayments, mapWallet } from './lnbits.mapper';
import type { LnbitsApi, LnbitsPayment, LnbitsWallet } from './lnbits.types';

/**
 * LNbits wallet API (LNBITS_URL = the instance root, LNBITS_API_KEY sent as `X-Api-Key`, never in the query
 * string). Not configured without both.
 */
@Injectable()
export class LnbitsClient extends UpstreamClient implements LnbitsApi {
  readonly upstream = 'lnbits' as const;
  protected readonly http: ResilientHttp | null;

  constructor(
    @Inject(lnbitsConfig.KEY) cfg: ConfigType<typeof lnbitsConfig>,
    metrics: UpstreamMetrics,
    @Optional() @Inject(CLIENT_RESILIENCE_OVERRIDES) overrides?: ResilienceOverrides,
  ) {
    super();
    this.http =
      cfg.url && cfg.apiKey
        ? new ResilientHttp({
            upstream: 'lnbits',
            baseUrl: cfg.url,
            metrics,
            options: resilienceOptions('lnbits', cfg.timeoutMs, overrides?.lnbits),
            headers: { 'X-Api-Key': cfg.apiKey },
            secrets: [cfg.apiKey],
            authFailure: isLnbitsAuthFailure,
          })
        : null;
    metrics.declare('lnbits', this.http !== null);
  }

  async getWallet(): Promise<LnbitsWallet> {
    return this.client('wallet').request({ operation: 'wallet', path: '/api/v1/wallet', parse: mapWallet });
  }

  async listPayments(opts: { limit?: number; offset?: number } = {}): Promise<LnbitsPayment[]> {
    const limit = Math.min(1000, Math.max(1, Math.floor(opts.limit ?? 100)));
    const offset = Math.max(0, Math.floor(opts.offset ?? 0));
    return this.client('payments').request({
      operation: 'payments',
      path: '/api/v1/payments',
      query: { limit, offset, sortby: 'time', direction: 'desc' },
      parse: mapPayments,
    });
  }

  protected runProbe(http: ResilientHttp): Promise<UpstreamProbeReport> {
    return http.probe({ path: '/api/v1/wallet', parse: mapWallet });
  }
}
