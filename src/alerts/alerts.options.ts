/** Timing of the health alerts; the defaults suit production, tests override the provider with shorter ones. */
export interface AlertsOptions {
  /** How often the health report is read. */
  pollIntervalMs: number;
  /** How long a new state must hold before it is reported: a blip shorter than this sends nothing. */
  debounceMs: number;
  /** Timeout of one webhook delivery attempt. */
  requestTimeoutMs: number;
  /** Delivery attempts per alert (network errors, 429 and 5xx are retried). */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each further one. */
  retryDelayMs: number;
}

export const ALERTS_OPTIONS = Symbol('ALERTS_OPTIONS');

export const DEFAULT_ALERTS_OPTIONS: AlertsOptions = {
  pollIntervalMs: 10_000,
  debounceMs: 30_000,
  requestTimeoutMs: 5_000,
  maxAttempts: 3,
  retryDelayMs: 2_000,
};
