import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe(signWebhook.name, () => {
  const secret = 'alert-secret-0123456789';
  const body = '{"status":"degraded"}';

  it('is HMAC-SHA256 of "<timestamp>.<body>" keyed with the secret, as sha256=<hex>', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1700000000, body)).toBe(`sha256=${expected}`);
  });

  it('verifies only the same body, secret and timestamp, within the tolerance', () => {
    const now = 1_700_000_000_000;
    const sig = signWebhook(secret, 1700000000, body);
    expect(verifyWebhook(secret, body, sig, '1700000000', 300, now)).toBe(true);
    expect(verifyWebhook(secret, body, sig, '1700000001', 300, now)).toBe(false);
    expect(verifyWebhook(secret, `${body} `, sig, '1700000000', 300, now)).toBe(false);
    expect(verifyWebhook('other-secret-00000000', body, sig, '1700000000', 300, now)).toBe(false);
    expect(verifyWebhook(secret, body, sig, '1700000000', 300, now + 301_000)).toBe(false);
    expect(verifyWebhook(secret, body, undefined, '1700000000', 300, now)).toBe(false);
    expect(verifyWebhook(secret, body, 'sha256=00', '1700000000', 300, now)).toBe(false);
  });
});
