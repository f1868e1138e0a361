import type { UpstreamProbeReport } from './upstream.types';

/**
 * Reuses a probe's answer for `ttlMs` and shares one in-flight probe between concurrent callers, so health
 * checks polled by a load balancer cost the upstream at most one request per TTL.
 */
export class ProbeCache {
  private last?: { at: number; report: UpstreamProbeReport };
  private inflight?: Promise<UpstreamProbeReport>;

  constructor(
    private readonly ttlMs: number,
    private readonly run: () => Promise<UpstreamProbeReport>,
  ) {}

  get(): Promise<UpstreamProbeReport> {
    if (this.last && Date.now() - this.last.at < this.ttlMs) return Promise.resolve(this.last.report);
    if (!this.inflight) {
      this.inflight = this.run()
        .then((report) => {
          this.last = { at: Date.now(), report };
          return report;
        })
        .finally(() => (this.inflight = undefined));
    }
    return this.inflight;
  }
}
