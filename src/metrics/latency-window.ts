/**
 * The last `capacity` durations of a route, for percentiles: a fixed ring buffer, so a long-running
 * process keeps constant memory and the percentiles describe recent traffic.
 */
export class LatencyWindow {
  private readonly samples: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(capacity = 2048) {
    this.samples = new Float64Array(capacity);
  }

  add(seconds: number): void {
    this.samples[this.next] = seconds;
    this.next = (this.next + 1) % this.samples.length;
    this.filled = Math.min(this.filled + 1, this.samples.length);
  }

  /** Nearest-rank percentiles (p in 0..100) over the window; null when empty. */
  percentiles(ps: number[]): (number | null)[] {
    if (this.filled === 0) return ps.map(() => null);
    const sorted = this.samples.slice(0, this.filled).sort();
    return ps.map((p) => sorted[Math.min(this.filled - 1, Math.max(0, Math.ceil((p / 100) * this.filled) - 1))]);
  }
}
