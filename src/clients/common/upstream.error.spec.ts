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

  it('adds what the upstream said only to auth failures', () => {
    const said = 'code 1502: Not permitted: method is not equal to getinfo';
    expect(new UpstreamError('cln', 'auth', { operation: 'listforwards', status: 401, authReason: said }).message).toBe(`cln refused the configured credentials (HTTP 401) during listforwards: ${said}`);
    expect(new UpstreamError('cln', 'http', { operation: 'listforwards', status: 500, authReason: said }).message).toBe('cln answered with an error (HTTP 500) during listforwards');
  });
});
