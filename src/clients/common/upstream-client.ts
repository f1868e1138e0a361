import { ProbeCache } from './probe-cache';
import { ResilientHttp } from './resilient-http';
import { UpstreamError } from './upstream.error';
import { BreakerState, UpstreamName, UpstreamProbeReport, UpstreamState } from './upstream.types';

/**
 * What the four clients share: the resilient HTTP client when configured, the cached probe, and the
 * not-configured answers. Small on purpose: each client owns its endpoints, wire types and mapping.
 */
export abstract class UpstreamClient {
  abstract readonly upstream: UpstreamName;
  protected abstract readonly http: ResilientHttp | null;
  private probeCache?: ProbeCache;

  /** Whether the settings this upstream needs are present (health reports `not_configured` otherwise). */
  get configured(): boolean {
    return this.http !== null;
  }

  get breakerState(): BreakerState | null {
    return this.http?.breakerState ?? null;
  }

  async probe(): Promise<UpstreamState> {
    return (await this.probeReport()).state;
  }

  probeReport(): Promise<UpstreamProbeReport> {
    const http = this.http;
    if (!http || !this.configured) return Promise.resolve({ upstream: this.upstream, state: 'not_configured', checkedAt: new Date().toISOString(), latencyMs: null });
    this.probeCache ??= new ProbeCache(http.options.probeCacheMs, () => this.runProbe(http));
    return this.probeCache.get();
  }

  onModuleDestroy(): void {
    this.http?.close();
  }

  /** The cheapest call that shows the upstream answers and accepts our credentials. */
  protected abstract runProbe(http: ResilientHttp): Promise<UpstreamProbeReport>;

  /** The HTTP client, or an UpstreamError `not_configured` (no request is made). */
  protected client(operation: string): ResilientHttp {
    if (!this.http) throw new UpstreamError(this.upstream, 'not_configured', { operation });
    return this.http;
  }
}
