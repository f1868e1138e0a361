import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { sparkseerConfig } from '../../config/configuration';
import { isNodePubkey } from '../../common/validation/pubkey';
import { pubkeyArg } from '../common/pubkey-arg';
import { resilienceOptions, ResilienceOverrides } from '../common/resilience.options';
import { ResilientHttp, UpstreamCall } from '../common/resilient-http';
import { UpstreamClient } from '../common/upstream-client';
import { UpstreamMetrics } from '../common/upstream-metrics.service';
import { UpstreamError } from '../common/upstream.error';
import { CLIENT_RESILIENCE_OVERRIDES, UpstreamProbeReport } from '../common/upstream.types';
import {
  mapCentralities,
  mapChannelRecommendations,
  mapNodeStats,
  mapOutboundLiquidity,
  mapSuggestedFees,
  mapSummarySeries,
} from './sparkseer.mapper';
import type {
  SparkseerApi,
  SparkseerCentralities,
  SparkseerChannelRecommendation,
  SparkseerNetworkPoint,
  SparkseerNodeStats,
  SparkseerOutboundLiquidityValue,
  SparkseerOwnNodeAdvice,
  SparkseerSuggestedFee,
} from './sparkseer.types';

/** The keyless series and centralities are whole data sets (1 MB to several MB): they get at least this long. */
export const SPARKSEER_BULK_TIMEOUT_FLOOR_MS = 30_000;

/**
 * Sparkseer API v1, limited to the endpoints its public documentation confirms. The key goes in the `api-key`
 * header, and only to the endpoints that need it.
 *
 * The `/v1/services/*` endpoints take no pubkey: they answer for the node that owns the key. Their answers
 * never name that node, so the owner is known only from SPARKSEER_NODE_PUBKEY; without it (or for any other
 * node) those methods return null, and advice for one node is never presented as advice for another. As a
 * consistency check, an answer that lists the configured owner among its peers (a node is never its own peer
 * or candidate) is refused: the key then belongs to another node.
 *
 * `configured` means a key is present (the keyless endpoints work without one).
 */
@Injectable()
export class SparkseerClient extends UpstreamClient implements SparkseerApi {
  readonly upstream = 'sparkseer' as const;
  readonly ownerPubkey: string | null;
  protected readonly http: ResilientHttp;
  private readonly apiKey: string | null;
  private readonly logger = new Logger(SparkseerClient.name);

  constructor(
    @Inject(sparkseerConfig.KEY) cfg: ConfigType<typeof sparkseerConfig>,
    metrics: UpstreamMetrics,
    @Optional() @Inject(CLIENT_RESILIENCE_OVERRIDES) overrides?: ResilienceOverrides,
  ) {
    super();
    this.apiKey = cfg.apiKey;
    this.ownerPubkey = cfg.nodePubkey && isNodePubkey(cfg.nodePubkey.toLowerCase()) ? cfg.nodePubkey.toLowerCase() : null;
    this.http = new ResilientHttp({
      upstream: 'sparkseer',
      baseUrl: cfg.baseUrl,
      metrics,
      options: resilienceOptions('sparkseer', cfg.timeoutMs, overrides?.sparkseer),
      secrets: [cfg.apiKey],
    });
    metrics.declare('sparkseer', this.configured);
    if (this.apiKey && !this.ownerPubkey) {
      this.logger.log('SPARKSEER_NODE_PUBKEY is not set: Sparkseer service answers (about the key owner only) will not be used');
    }
  }

  override get configured(): boolean {
    return this.apiKey !== null;
  }

  async getNetworkSummarySeries(): Promise<SparkseerNetworkPoint[]> {
    return this.http.request({
      operation: 'ln-summary-ts',
      path: '/v1/stats/ln-summary-ts',
      timeoutMs: Math.max(this.http.options.timeoutMs, SPARKSEER_BULK_TIMEOUT_FLOOR_MS),
      parse: mapSummarySeries,
    });
  }

  async getCentralities(): Promise<SparkseerCentralities> {
    return this.http.request({
      operation: 'centralities',
      path: '/v1/stats/centralities',
      timeoutMs: Math.max(this.http.options.timeoutMs, SPARKSEER_BULK_TIMEOUT_FLOOR_MS),
      parse: mapCentralities,
    });
  }

  async getNodeStats(pubkey: string): Promise<SparkseerNodeStats | null> {
    const pk = pubkeyArg(pubkey);
    const out = await this.http.requestOrNull({
      ...this.keyed('current-stats'),
      path: `/v1/node/current-stats/${pk}`,
      // What Sparkseer answers for an unknown node is not documented: a 404, or an empty body (mapped to null).
      absentWhen: (s) => s === 404,
      parse: (json) => mapNodeStats(json, pk),
    });
    return out ?? null;
  }

  async getChannelRecommendations(analysedPubkey: string): Promise<SparkseerOwnNodeAdvice<SparkseerChannelRecommendation> | null> {
    return this.ownAdvice(analysedPubkey, 'channel-recommendations', mapChannelRecommendations);
  }

  async getSuggestedFees(analysedPubkey: string): Promise<SparkseerOwnNodeAdvice<SparkseerSuggestedFee> | null> {
    return this.ownAdvice(analysedPubkey, 'suggested-fees', mapSuggestedFees);
  }

  async getOutboundLiquidityValue(analysedPubkey: string): Promise<SparkseerOwnNodeAdvice<SparkseerOutboundLiquidityValue> | null> {
    return this.ownAdvice(analysedPubkey, 'outbound-liquidity-value', mapOutboundLiquidity);
  }

  protected runProbe(http: ResilientHttp): Promise<UpstreamProbeReport> {
    // Small key-scoped answers: they show both that Sparkseer answers and that it accepts the key.
    const path = this.ownerPubkey ? `/v1/node/current-stats/${this.ownerPubkey}` : '/v1/services/suggested-fees';
    return http.probe({ path, headers: this.keyHeader('probe') });
  }

  private async ownAdvice<T extends { peerPubkey: string }>(
    analysedPubkey: string,
    endpoint: string,
    map: (json: unknown) => T[],
  ): Promise<SparkseerOwnNodeAdvice<T> | null> {
    const owner = this.ownerPubkey;
    if (!owner || pubkeyArg(analysedPubkey) !== owner) return null;
    const items = await this.http.request({ ...this.keyed(endpoint), path: `/v1/services/${endpoint}`, parse: map });
    if (items.some((i) => i.peerPubkey === owner)) {
      this.logger.warn(`sparkseer ${endpoint} lists SPARKSEER_NODE_PUBKEY as a peer: the API key belongs to another node; answer ignored`);
      return null;
    }
    return { ownerPubkey: owner, items };
  }

  private keyed(operation: string): Pick<UpstreamCall<unknown>, 'operation' | 'headers'> {
    return { operation, headers: this.keyHeader(operation) };
  }

  private keyHeader(operation: string): Record<string, string> {
    if (!this.apiKey) throw new UpstreamError('sparkseer', 'not_configured', { operation });
    return { 'api-key': this.apiKey };
  }
}
