import { canonicalHost, checkWebhookUrl } from './webhook-url.policy';

const OPEN = { httpsOnly: false, allowedHosts: [] };

describe(checkWebhookUrl.name, () => {
  it.each([
    ['not a url', /absolute http\(s\) URL/],
    ['ftp://example.org/x', /must be an http\(s\) URL/],
    ['http://u:p@example.org/', /credentials/],
    ['http://u@example.org/', /credentials/],
    ['http://127.1/', /127\.0\.0\.1 is loopback/],
    ['http://2130706433/', /127\.0\.0\.1 is loopback/],
    ['http://0x7f.1/', /127\.0\.0\.1 is loopback/],
    ['http://0177.0.0.1/', /127\.0\.0\.1 is loopback/],
    ['http://[::ffff:169.254.169.254]/', /link-local/],
    ['http://[0:0:0:0:0:0:0:0]/', /unspecified/],
  ])('refuses %s', (url, problem) => {
    const verdict = checkWebhookUrl(url, OPEN);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.problem).toMatch(problem);
  });

  it('requires https in production', () => {
    expect(checkWebhookUrl('http://example.org/', { httpsOnly: true, allowedHosts: [] })).toEqual({ ok: false, problem: 'must be an https:// URL in production' });
    expect(checkWebhookUrl('https://example.org/', { httpsOnly: true, allowedHosts: [] })).toMatchObject({ ok: true, host: 'example.org', ip: false });
  });

  it('lets an allow-listed internal host through, however it is spelled', () => {
    expect(checkWebhookUrl('http://127.1:8080/', { httpsOnly: false, allowedHosts: ['127.0.0.1'] })).toMatchObject({ ok: true, allowListed: true });
    expect(checkWebhookUrl('http://[::1]/', { httpsOnly: false, allowedHosts: ['::1'] })).toMatchObject({ ok: true, allowListed: true });
    expect(checkWebhookUrl('http://HOOKS.internal/', { httpsOnly: false, allowedHosts: ['hooks.internal'] })).toMatchObject({ ok: true, allowListed: true });
    expect(checkWebhookUrl('http://10.0.0.2/', { httpsOnly: false, allowedHosts: ['10.0.0.1'] }).ok).toBe(false);
  });

  it('leaves host names to DNS checks and passes public literals', () => {
    expect(checkWebhookUrl('http://internal.example/', OPEN)).toMatchObject({ ok: true, ip: false, allowListed: false });
    expect(checkWebhookUrl('https://1.1.1.1/', OPEN)).toMatchObject({ ok: true, ip: true });
  });
});

describe(canonicalHost.name, () => {
  it('canonicalises IPv4 spellings, IPv6 and case', () => {
    expect(canonicalHost('0x7f000001')).toBe('127.0.0.1');
    expect(canonicalHost('[::1]')).toBe('::1');
    expect(canonicalHost('::FFFF:127.0.0.1')).toBe('::ffff:7f00:1');
    expect(canonicalHost('Hooks.Internal')).toBe('hooks.internal');
  });
});
