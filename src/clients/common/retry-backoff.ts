import { ExponentialBackoff, fullJitterGenerator, IBackoff, IBackoffFactory, IRetryBackoffContext } from 'cockatiel';

/** What a failed attempt tells the backoff: the upstream's Retry-After and the call's deadline. */
export interface RetryHints {
  retryAfterMs?: number;
  /** Epoch ms after which waiting is pointless: the call will have timed out. */
  deadline?: number;
}

type Ctx = IRetryBackoffContext<unknown>;

function hintsOf(ctx: Ctx | undefined): RetryHints {
  const e = ctx && 'error' in ctx.result ? (ctx.result.error as RetryHints | undefined) : undefined;
  return { retryAfterMs: e?.retryAfterMs, deadline: e?.deadline };
}

function step(inner: IBackoff<unknown>, ctx: Ctx): IBackoff<Ctx> {
  const { retryAfterMs, deadline } = hintsOf(ctx);
  let duration = Math.max(inner.duration, retryAfterMs ?? 0);
  if (deadline !== undefined) duration = Math.min(duration, Math.max(0, deadline - Date.now()));
  return { duration, next: (c: Ctx) => step(inner.next(c), c) };
}

/**
 * Exponential backoff with full jitter (attempt n waits a uniform random time in
 * [0, min(maxDelay, initialDelay * 2^(n-1)))), raised to the upstream's Retry-After when that is longer, and
 * never past the call's deadline.
 */
export class RetryAfterBackoff implements IBackoffFactory<Ctx> {
  private readonly exponential: ExponentialBackoff<number>;

  constructor(opts: { initialDelayMs: number; maxDelayMs: number }) {
    this.exponential = new ExponentialBackoff({
      generator: fullJitterGenerator,
      initialDelay: opts.initialDelayMs,
      maxDelay: opts.maxDelayMs,
    });
  }

  next(ctx: Ctx): IBackoff<Ctx> {
    return step(this.exponential.next(), ctx);
  }
}
