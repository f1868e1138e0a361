import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { resilienceOptions, ResilienceOverrides } from '../../clients/common/resilience.options';
import { ResilientHttp } from '../../clients/common/resilient-http';
import { UpstreamMetrics } from '../../clients/common/upstream-metrics.service';
import { CLIENT_RESILIENCE_OVERRIDES } from '../../clients/common/upstream.types';
import { graphConfig } from '../../config/configuration';

export interface GraphDump {
  bytes: Buffer;
  /** File name from the URL's path (its date, if it has one, dates a dump without timestamps). */
  name: string;
  /** The server's Last-Modified, when it sends one. */
  lastModified: Date | null;
}

/**
 * Downloads the dump an https GRAPH_SNAPSHOT points at, through the resilient client (timeout, retries of
 * transient failures, breaker). The body is streamed and the transfer aborted as soon as it passes
 * GRAPH_DOWNLOAD_MAX_MB; GRAPH_DOWNLOAD_TIMEOUT bounds the whole download, retries included.
 */
@Injectable()
export class GraphDownloadClient implements OnModuleDestroy {
  private readonly http: ResilientHttp | null;
  private readonly path: string;
  private readonly name: string;

  constructor(
    @Inject(graphConfig.KEY) private readonly cfg: ConfigType<typeof graphConfig>,
    metrics: UpstreamMetrics,
    @Optional() @Inject(CLIENT_RESILIENCE_OVERRIDES) overrides?: ResilienceOverrides,
  ) {
    const url = cfg.snapshotUrl ? new URL(cfg.snapshotUrl) : null;
    if (url && url.protocol !== 'https:') throw new Error('GRAPH_SNAPSHOT URL must be https://');
    this.path = url ? `${url.pathname}${url.search}` : '/';
    this.name = url ? basename(url.pathname) || url.hostname : '';
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- GRAPH_SNAPSHOT_TLS_CERT_PATH, configured by the operator, read at boot
    const ca = cfg.download.tlsCertPath ? readFileSync(cfg.download.tlsCertPath) : undefined;
    this.http = url
      ? new ResilientHttp({
          upstream: 'graph_download',
          baseUrl: url.origin,
          metrics,
          ca,
          // Credentials in the URL (user:password@ or a token in the query) never reach logs or errors.
          secrets: [url.username, url.password, url.search.slice(1)].filter((s) => s.length > 0),
          options: resilienceOptions('graph_download', cfg.download.timeoutMs, { maxContentLength: cfg.download.maxBytes, ...overrides?.graph_download }),
        })
      : null;
    metrics.declare('graph_download', this.http !== null);
  }

  get configured(): boolean {
    return this.http !== null;
  }

  async download(): Promise<GraphDump> {
    if (!this.http) throw new Error('GRAPH_SNAPSHOT is not an https:// URL');
    return this.http.request<GraphDump>({
      operation: 'graph_dump',
      path: this.path,
      raw: true,
      timeoutMs: this.cfg.download.timeoutMs,
      maxContentLength: this.cfg.download.maxBytes,
      parse: (body, res) => {
        if (!Buffer.isBuffer(body) || body.length === 0) throw new Error('empty body');
        const lm = res.headers['last-modified'] ? new Date(res.headers['last-modified']) : null;
        return { bytes: body, name: this.name, lastModified: lm && !Number.isNaN(lm.getTime()) ? lm : null };
      },
    });
  }

  onModuleDestroy(): void {
    this.http?.close();
  }
}
