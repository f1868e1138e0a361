import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { lndConfig } from '../../config/configuration';
import type { DescribeGraphJson } from '../../graph/loaders/describegraph.loader';
import { pubkeyArg } from '../common/pubkey-arg';
import { resilienceOptions, ResilienceOverrides } from '../common/resilience.options';
import { ResilientHttp } from '../common/resilient-http';
import { UpstreamClient } from '../common/upstream-client';
import { UpstreamMetrics } from '../common/upstream-metrics.service';
import { CLIENT_RESILIENCE_OVERRIDES, UpstreamProbeReport } from '../common/upstream.types';
import { readLndCredentials } from './lnd-credentials';
import { checkDescribeGraph, isLndAuthFailure, mapChannels, mapFeeReport, mapForwardingHistory, mapGetInfo, mapNodeInfo, mapNodeInfoWithChannels } from './lnd.mapper';
import type { ForwardingSummary, LndApi, LndChannelBalance, LndFeeReport, LndForwardingEvent, LndGraphNode, LndGraphNodeWithChannels, LndNodeInfo } from './lnd.types';
import type { LndForwardingHistoryRequestWire } from './lnd.wire';

/** A mainnet describegraph is tens of MB: it gets at least this deadline, whatever UPSTREAM_TIMEOUT_MS says. */
export const LND_GRAPH_TIMEOUT_FLOOR_MS = 120_000;
/** Just under V8's longest string (~512 MiB), since the body is read as text before parsing. */
const LND_GRAPH_MAX_BYTES = 500 * 1024 * 1024;
/** Events per /v1/switch page; LND answers at most 50,000 per call. */
const SWITCH_PAGE = 10_000;
const SWITCH_MAX_PAGE = 50_000;
const DAY_SECONDS = 86_400;

/**
 * LND REST of the operator's node (LND_REST_URL, LND_MACAROON_HEX or LND_MACAROON_PATH, LND_TLS_CERT_PATH).
 * The macaroon goes in `Grpc-Metadata-macaroon`; TLS trusts exactly the given certificate (LND's self-signed
 * tls.cert), or the system CAs without one. Verification is never turned off. Not configured without a URL
 * and a readable macaroon.
 */
@Injectable()
export class LndClient extends UpstreamClient implements LndApi {
  readonly upstream = 'lnd' as const;
  protected readonly http: ResilientHttp | null;
  private readonly logger = new Logger(LndClient.name);

  constructor(
    @Inject(lndConfig.KEY) cfg: ConfigType<typeof lndConfig>,
    metrics: UpstreamMetrics,
    @Optional() @Inject(CLIENT_RESILIENCE_OVERRIDES) overrides?: ResilienceOverrides,
  ) {
    super();
    const creds = cfg.restUrl ? readLndCredentials(cfg) : null;
    if (creds && creds.problems.length > 0) {
      this.logger.error(`LND client disabled: ${creds.problems.join('; ')}`);
    } else if (cfg.restUrl && !creds?.macaroonHex) {
      this.logger.warn('LND client disabled: LND_REST_URL is set but neither LND_MACAROON_HEX nor LND_MACAROON_PATH');
    }
    this.http =
      cfg.restUrl && creds?.macaroonHex && creds.problems.length === 0
        ? new ResilientHttp({
            upstream: 'lnd',
            baseUrl: cfg.restUrl,
            metrics,
            options: resilienceOptions('lnd', cfg.timeoutMs, overrides?.lnd),
            headers: { 'Grpc-Metadata-macaroon': creds.macaroonHex },
            secrets: [creds.macaroonHex],
            ca: creds.tlsCert ?? undefined,
            authFailure: isLndAuthFailure,
          })
        : null;
    metrics.declare('lnd', this.http !== null);
  }

  async getInfo(): Promise<LndNodeInfo> {
    return this.client('getinfo').request({ operation: 'getinfo', path: '/v1/getinfo', parse: mapGetInfo });
  }

  async describeGraph(opts: { includeUnannounced?: boolean } = {}): Promise<DescribeGraphJson> {
    const http = this.client('describegraph');
    return http.request({
      operation: 'describegraph',
      path: '/v1/graph',
      query: { include_unannounced: opts.includeUnannounced ?? false },
      timeoutMs: Math.max(http.options.timeoutMs, LND_GRAPH_TIMEOUT_FLOOR_MS),
      maxContentLength: LND_GRAPH_MAX_BYTES,
      parse: checkDescribeGraph,
    });
  }

  async getNodeInfo(pubkey: string): Promise<LndGraphNode | null> {
    const pk = pubkeyArg(pubkey);
    return this.client('getnodeinfo').requestOrNull({
      operation: 'getnodeinfo',
      path: `/v1/graph/node/${pk}`,
      query: { include_channels: false },
      // gRPC NotFound ("unable to find node") → 404 through grpc-gateway.
      absentWhen: (s) => s === 404,
      parse: mapNodeInfo,
    });
  }

  async getNodeInfoWithChannels(pubkey: string): Promise<LndGraphNodeWithChannels | null> {
    const pk = pubkeyArg(pubkey);
    return this.client('getnodeinfo').requestOrNull({
      operation: 'getnodeinfo',
      path: `/v1/graph/node/${pk}`,
      query: { include_channels: true },
      absentWhen: (s) => s === 404,
      parse: mapNodeInfoWithChannels,
    });
  }

  async listChannels(opts: { activeOnly?: boolean } = {}): Promise<LndChannelBalance[]> {
    return this.client('listchannels').request({
      operation: 'listchannels',
      path: '/v1/channels',
      query: opts.activeOnly ? { active_only: true } : undefined,
      parse: mapChannels,
    });
  }

  async feeReport(): Promise<LndFeeReport> {
    return this.client('feereport').request({ operation: 'feereport', path: '/v1/fees', parse: mapFeeReport });
  }

  async forwardingHistory(
    from: number,
    to: number,
    opts: { maxEvents?: number; pageSize?: number } = {},
  ): Promise<{ events: LndForwardingEvent[]; complete: boolean }> {
    const http = this.client('forwardinghistory');
    const maxEvents = Math.max(1, opts.maxEvents ?? 50_000);
    const pageLimit = Math.min(SWITCH_MAX_PAGE, Math.max(1, opts.pageSize ?? SWITCH_PAGE));
    const events: LndForwardingEvent[] = [];
    let offset = 0;
    while (events.length < maxEvents) {
      const pageSize = Math.min(pageLimit, maxEvents - events.length);
      const body: LndForwardingHistoryRequestWire = {
        start_time: String(Math.floor(from)),
        end_time: String(Math.floor(to)),
        index_offset: offset,
        num_max_events: pageSize,
      };
      const page = await http.request({
        operation: 'forwardinghistory',
        method: 'POST',
        path: '/v1/switch',
        body,
        // ForwardingHistory only reads the forwarding log; REST binds it to POST because it takes a body.
        idempotent: true,
        parse: mapForwardingHistory,
      });
      events.push(...page.events);
      if (page.events.length < pageSize) return { events, complete: true };
      if (page.lastOffsetIndex <= offset) return { events, complete: true };
      offset = page.lastOffsetIndex;
    }
    return { events, complete: false };
  }

  async forwardingSummary24h(now: Date = new Date()): Promise<ForwardingSummary> {
    const to = Math.floor(now.getTime() / 1000);
    const from = to - DAY_SECONDS;
    const { events, complete } = await this.forwardingHistory(from, to);
    let revenueMsat24h = 0;
    let count = 0;
    for (const e of events) {
      if (e.timestamp < from || e.timestamp > to) continue;
      revenueMsat24h += e.feeMsat;
      count++;
    }
    return { revenueMsat24h, count, from, to, complete };
  }

  protected runProbe(http: ResilientHttp): Promise<UpstreamProbeReport> {
    return http.probe({ path: '/v1/getinfo', parse: mapGetInfo });
  }
}
