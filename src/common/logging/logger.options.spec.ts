import { REQUEST_ID_RE, urlForLog } from './logger.options';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';

describe('urlForLog', () => {
  it('replaces the values of secret-looking query parameters, whatever their case or prefix', () => {
    expect(urlForLog('/api/v1/metrics?api_key=s1&API-KEY=s2&access_token=s3&Rune=s4&macaroon=s5&x%2Dauth=s6&limit=5')).toBe(
      '/api/v1/metrics?api_key=[redacted]&API-KEY=[redacted]&access_token=[redacted]&Rune=[redacted]&macaroon=[redacted]&x%2Dauth=[redacted]&limit=5',
    );
  });

  it('keeps ordinary parameters, pubkey included, and survives undecodable names', () => {
    expect(urlForLog('/x?pubkey=abc&monkey=1&%ZZ=2&flag')).toBe('/x?pubkey=abc&monkey=1&%ZZ=2&flag');
  });

  it('truncates pubkeys and long pubkey prefixes, path and query alike', () => {
    expect(urlForLog(`/api/v1/node/${ACINQ}/info`)).toBe('/api/v1/node/03864ef0…3f8f/info');
    expect(urlForLog(`/api/v1/nodes/search?q=${ACINQ.slice(0, 40)}`)).toBe('/api/v1/nodes/search?q=03864ef0…95ee');
    expect(urlForLog('/api/v1/nodes/search?q=03864ef0')).toBe('/api/v1/nodes/search?q=03864ef0');
  });
});

describe('REQUEST_ID_RE', () => {
  it('accepts ids of up to 64 id characters only', () => {
    for (const ok of ['log-test-1', 'a:b.c_d', '0f8c1f2e-2b9c-4f1e-9c55-7d6a2b1e3c4d', 'x'.repeat(64)]) expect(REQUEST_ID_RE.test(ok)).toBe(true);
    for (const bad of ['', 'x'.repeat(65), 'two words', 'a/b', 'id<script>', 'line\nbreak']) expect(REQUEST_ID_RE.test(bad)).toBe(false);
  });
});
