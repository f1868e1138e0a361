import { parseRetryAfter } from './retry-after';

describe(parseRetryAfter.name, () => {
  const now = Date.parse('2026-11-24T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('2', 60_000, now)).toBe(2000);
    expect(parseRetryAfter(' 0 ', 60_000, now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, 0 when it is past', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:05 GMT', 60_000, now)).toBe(5000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:59:00 GMT', 60_000, now)).toBe(0);
  });

  it('caps long waits', () => {
    expect(parseRetryAfter('3600', 30_000, now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:00 GMT', 30_000, now)).toBe(30_000);
  });

  it.each([undefined, '', 'soon', '-1', '1.5', 'Tue, 99 Foo 2026'])('ignores %p', (v) => {
    expect(parseRetryAfter(v, 30_000, now)).toBeUndefined();
  });

  it('takes the first of repeated headers', () => {
    expect(parseRetryAfter(['1', '9'], 30_000, now)).toBe(1000);
  });
});
