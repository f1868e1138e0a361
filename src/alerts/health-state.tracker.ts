export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface HealthTransition {
  previous: HealthStatus;
  current: HealthStatus;
  /** When the new state was first observed (ms since epoch). */
  since: number;
  reasons: string[];
}

/**
 * Debounces health observations into transitions worth an alert: a state is reported once it has held for
 * `debounceMs`; a blip that returns to the reported state sooner sends nothing. The service is assumed healthy
 * at start, so booting into a degraded state is reported too.
 */
export class HealthStateTracker {
  private reported: HealthStatus = 'healthy';
  private pending: { status: HealthStatus; since: number } | null = null;

  constructor(private readonly debounceMs: number) {}

  get current(): HealthStatus {
    return this.reported;
  }

  observe(status: HealthStatus, reasons: string[], now: number): HealthTransition | null {
    if (status === this.reported) {
      this.pending = null;
      return null;
    }
    if (this.pending?.status !== status) this.pending = { status, since: now };
    if (now - this.pending.since < this.debounceMs) return null;
    const transition: HealthTransition = { previous: this.reported, current: status, since: this.pending.since, reasons };
    this.reported = status;
    this.pending = null;
    return transition;
  }
}
