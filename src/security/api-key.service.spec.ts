import { ConfigType } from '@nestjs/config';
import { securityConfig } from '../config/configuration';
import { ApiKeyService, hashApiKey, presentedApiKey } from './api-key.service';

const service = (apiKeys: string[]) => new ApiKeyService({ apiKeys } as unknown as ConfigType<typeof securityConfig>);

describe(ApiKeyService.name, () => {
  it('accepts every configured key (rotation) and gives each its own stable fingerprint', () => {
    const keys = service(['first-key-0000000000', 'second-key-000000000']);
    const a = keys.match('first-key-0000000000');
    const b = keys.match('second-key-000000000');
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(b).toMatch(/^[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(keys.match('first-key-0000000000')).toBe(a);
    expect(a).toBe(hashApiKey('first-key-0000000000').toString('hex').slice(0, 12));
  });

  it('refuses unknown, truncated and extended keys', () => {
    const keys = service(['first-key-0000000000']);
    for (const k of ['', 'first-key-000000000', 'first-key-00000000000', 'FIRST-KEY-0000000000']) expect(keys.match(k)).toBeNull();
  });

  it('keeps only digests, never the keys', () => {
    const keys = service(['first-key-0000000000']);
    expect(JSON.stringify(Object.values(keys))).not.toContain('first-key');
  });

  it('is not required without keys, and then identifies nobody', () => {
    const keys = service([]);
    expect(keys.required).toBe(false);
    expect(keys.identify({ headers: { 'x-api-key': 'anything-000000000000' } })).toBeNull();
  });
});

describe(presentedApiKey.name, () => {
  it.each([
    [{ 'x-api-key': ' k1 ' }, 'k1'],
    [{ authorization: 'Bearer k2' }, 'k2'],
    [{ authorization: 'bearer   k3 ' }, 'k3'],
    [{ 'x-api-key': 'k4', authorization: 'Bearer k5' }, 'k4'],
    [{ authorization: 'Basic azY6eA==' }, null],
    [{ authorization: 'Bearer two words' }, null],
    [{ 'x-api-key': '' }, null],
    [{}, null],
  ])('%j → %s', (headers, expected) => {
    expect(presentedApiKey(headers)).toBe(expected);
  });
});
