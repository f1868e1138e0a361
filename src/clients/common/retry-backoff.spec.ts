import { IRetryBackoffContext } from 'cockatiel';
import { RetryAfterBackoff } from './retry-backoff';

const ctx = (attempt: number, error: object = new Error('x')): IRetryBackoffContext<unknown> => ({
  attempt,
  signal: new AbortController().signal,
  result: { error: error as Error },
});

describe(RetryAfterBackoff.name, () => {
  afterEach(() => jest.restoreAllMocks());

  it('draws full jitter in [0, initial * 2^(n-1)), capped at maxDelay', () => {
    const b = new RetryAfterBackoff({ initialDelayMs: 100, maxDelayMs: 1000 });
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    let d = b.next(ctx(1));
    const highs = [d.duration];
    for (let n = 2; n <= 6; n++) {
      d = d.next(ctx(n));
      highs.push(d.duration);
    }
    expect(highs).toEqual([99, 199, 399, 799, 999, 999]);

    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect(b.next(ctx(1)).duration).toBe(0);
  });

  it("waits at least the upstream's Retry-After", () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const b = new RetryAfterBackoff({ initialDelayMs: 100, maxDelayMs: 1000 });
    expect(b.next(ctx(1, { retryAfterMs: 2500 })).duration).toBe(2500);
    expect(b.next(ctx(1, { retryAfterMs: 10 })).duration).toBe(50);
  });

  it('never waits past the call deadline', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999);
    const b = new RetryAfterBackoff({ initialDelayMs: 1000, maxDelayMs: 5000 });
    const d = b.next(ctx(1, { deadline: Date.now() + 200 })).duration;
    expect(d).toBeLessThanOrEqual(200);
    expect(b.next(ctx(1, { deadline: Date.now() - 5 })).duration).toBe(0);
  });
});
