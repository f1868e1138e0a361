import { DomainError } from '../../common/errors/domain.error';
import { UpstreamError } from './upstream.error';

describe(UpstreamError.name, () => {
  it('is a domain error (UPSTREAM_UNAVAILABLE) naming the upstream, operation, kind and status', () => {
    const e = new UpstreamError('lnd', 'http', { operation: 'getinfo', status: 503, attempts: 3, cause: new Error('HTTP 503') });
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(e.name).toBe('UpstreamError');
    expect(e.message).toBe('lnd answered with an error (HTTP 503) during getinfo');
    expect(e.details).toEqual({ upstream: 'lnd', kind: 'http', operation: 'getinfo', status: 503 });
    expect(e.cause?.message).toBe('HTTP 503');
  });
});
