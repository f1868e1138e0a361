import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { clnConfig } from '../../config/configuration';
import type { ListChannelsJson, ListNodesJson } from '../../graph/loaders/listchannels.loader';
import type { ForwardingSummary } from '../common/own-channel.types';
import { pubkeyArg } from '../common/pubkey-arg';
import { resilienceOptions, ResilienceOverrides } from '../common/resilience.options';
import { ResilientHttp, UpstreamCall } from '../common/resilient-http';
import { runeForms } from '../common/secret-scrubber';
import { UpstreamClient } from '../common/upstream-client';
import { UpstreamMetrics } from '../common/upstream-metrics.service';
import { CLIENT_RESILIENCE_OVERRIDES, UpstreamProbeReport } from '../common/upstream.types';
import { readClnTlsCert } from './cln-credentials';
import { checkListChannels, checkListNodes, mapForwards, mapGetInfo, mapGossipChannels, mapGossipNode, mapPeerChannels } from './cln.mapper';
import type { ClnApi, ClnForward, ClnGossipChannel, ClnGossipNode, ClnNodeInfo, ClnPeerChannel } from './cln.types';
import type { ClnListForwardsRequestWire } from './cln.wire';

/** The whole gossip graph comes in one answer (no pagination): like LND's describegraph, it gets time and room. */
export const CLN_GRAPH_TIMEOUT_FLOOR_MS = 120_000;
const CLN_GRAPH_MAX_BYTES = 500 * 1024 * 1024;
const FORWARDS_PAGE = 10_000;
const DAY_SECONDS = 86_400;
/** A forward is dated by its settlement; one received this long before the window can still settle inside it. */
const HELD_HTLC_MARGIN_SECONDS = 3_600;

/**
 * Core Lightning through its clnrest plugin (CLN_REST_URL, CLN_RUNE, CLN_TLS_CERT_PATH). Every RPC is a POST
 * with JSON params that only reads, so calls are retried like GETs. The rune goes in the `Rune` header and is
 * scrubbed from every error and log line; clnrest refuses a missing rune with 403 (code 1501) and a rune that
 * does not permit the method with 401 (code 1502): both are `auth` failures naming CLN's code and message.
 * TLS trusts exactly the given certificate, or the system CAs; verification is never turned off.
 */
@Injectable()
export class ClnClient extends UpstreamClient implements ClnApi {
  readonly upstream = 'cln' as const;
  protected readonly http: ResilientHttp | null;
  private readonly logger = new Logger(ClnClient.name);

  constructor(
    @Inject(clnConfig.KEY) cfg: ConfigType<typeof clnConfig>,
    metrics: UpstreamMetrics,
    @Optional() @Inject(CLIENT_RESILIENCE_OVERRIDES) overrides?: ResilienceOverrides,
  ) {
    super();
    const tls = readClnTlsCert(cfg.restUrl ? cfg.tlsCertPath : null);
    if (tls.problem) this.logger.error(`Core Lightning client disabled: ${tls.problem}`);
    else if (cfg.restUrl && !cfg.rune) this.logger.warn('Core Lightning client disabled: CLN_REST_URL is set but CLN_RUNE is not');
    this.http =
      cfg.restUrl && cfg.rune && !tls.problem
        ? new ResilientHttp({
            upstream: 'cln',
            baseUrl: cfg.restUrl,
            metrics,
            options: resilienceOptions('cln', cfg.timeoutMs, overrides?.cln),
            headers: { Rune: cfg.rune },
            secrets: runeForms(cfg.rune),
            ca: tls.cert ?? undefined,
          })
        : null;
    metrics.declare('cln', this.http !== null);
  }

  /** `POST /v1/<method>`: CLN RPCs only read here, so a retry is harmless. */
  private rpc<T>(http: ResilientHttp, method: string, params: object, parse: UpstreamCall<T>['parse'], extra: Partial<UpstreamCall<T>> = {}): Promise<T> {
    return http.request({ operation: method, method: 'POST', path: `/v1/${method}`, body: params, idempotent: true, parse, ...extra });
  }

  async getInfo(): Promise<ClnNodeInfo> {
    return this.rpc(this.client('getinfo'), 'getinfo', {}, mapGetInfo);
  }

  async listPeerChannels(): Promise<ClnPeerChannel[]> {
    return this.rpc(this.client('listpeerchannels'), 'listpeerchannels', {}, mapPeerChannels);
  }

  async settledForwardsSince(fromSec: number, opts: { maxEvents?: number; pageSize?: number } = {}): Promise<{ forwards: ClnForward[]; complete: boolean }> {
    const http = this.client('listforwards');
    const maxEvents = Math.max(1, opts.maxEvents ?? 50_000);
    const pageSize = Math.max(1, opts.pageSize ?? FORWARDS_PAGE);
    const page = (start: number, limit: number) => {
      const body: ClnListForwardsRequestWire = { status: 'settled', index: 'created', start, limit };
      return this.rpc(http, 'listforwards', body, mapForwards);
    };
    let start = await this.firstIndexReceivedSince(fromSec, (s) => page(s, 1).then((f) => f[0] ?? null));
    const forwards: ClnForward[] = [];
    while (forwards.length < maxEvents) {
      const got = await page(start, Math.min(pageSize, maxEvents - forwards.length));
      // Stop on an empty page rather than a short one: whether `limit` counts before or after the status
      // filter is not documented.
      if (got.length === 0) return { forwards, complete: true };
      forwards.push(...got);
      const last = got[got.length - 1].createdIndex;
      if (last < start) return { forwards, complete: true };
      start = last + 1;
    }
    return { forwards, complete: false };
  }

  /**
   * The smallest `created_index` from which every settled forward was received at or after `fromSec`.
   * listforwards cannot filter by time, and a busy node's log holds years of forwards: created indexes grow
   * with arrival, so a galloping then binary search with one-row pages finds the window in ~2·log2(n) calls.
   */
  private async firstIndexReceivedSince(fromSec: number, firstAt: (start: number) => Promise<ClnForward | null>): Promise<number> {
    let lo = 0;
    let hi = 1;
    for (;;) {
      const f = await firstAt(hi);
      if (!f || f.receivedTime >= fromSec) break;
      lo = f.createdIndex + 1;
      hi = lo * 2;
    }
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const f = await firstAt(mid);
      if (!f || f.receivedTime >= fromSec) hi = mid;
      else lo = f.createdIndex + 1;
    }
    return lo;
  }

  async forwardingSummary24h(now: Date = new Date()): Promise<ForwardingSummary> {
    const to = Math.floor(now.getTime() / 1000);
    const from = to - DAY_SECONDS;
    const { forwards, complete } = await this.settledForwardsSince(from - HELD_HTLC_MARGIN_SECONDS);
    let revenueMsat24h = 0;
    let count = 0;
    for (const f of forwards) {
      const at = f.resolvedTime ?? f.receivedTime;
      if (at < from || at > to) continue;
      revenueMsat24h += f.feeMsat;
      count++;
    }
    return { revenueMsat24h, count, from, to, complete };
  }

  async graph(): Promise<{ channels: ListChannelsJson['channels']; nodes: ListNodesJson['nodes'] }> {
    const http = this.client('listchannels');
    const big = { timeoutMs: Math.max(http.options.timeoutMs, CLN_GRAPH_TIMEOUT_FLOOR_MS), maxContentLength: CLN_GRAPH_MAX_BYTES };
    const channels = await this.rpc(http, 'listchannels', {}, checkListChannels, big);
    const nodes = await this.rpc(http, 'listnodes', {}, checkListNodes, big);
    return { channels, nodes };
  }

  async getNode(pubkey: string): Promise<ClnGossipNode | null> {
    const id = pubkeyArg(pubkey);
    // An unknown id is an empty list, not an error.
    return this.rpc(this.client('listnodes'), 'listnodes', { id }, mapGossipNode);
  }

  async channelsOf(pubkey: string): Promise<ClnGossipChannel[]> {
    const source = pubkeyArg(pubkey);
    return this.rpc(this.client('listchannels'), 'listchannels', { source }, mapGossipChannels);
  }

  async channelsTo(pubkey: string): Promise<ClnGossipChannel[]> {
    const destination = pubkeyArg(pubkey);
    return this.rpc(this.client('listchannels'), 'listchannels', { destination }, mapGossipChannels);
  }

  protected runProbe(http: ResilientHttp): Promise<UpstreamProbeReport> {
    return http.probe({ method: 'POST', path: '/v1/getinfo', body: {}, parse: mapGetInfo });
  }
}
