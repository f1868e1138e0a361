import { LnbitsClient } from '../../../src/clients/lnbits/lnbits.client';
import { UpstreamMetrics } from '../../../src/clients/common/upstream-metrics.service';
import { UpstreamError } from '../../../src/clients/common/upstream.error';
import { FakeUpstream } from '../../doubles/fake-upstream';
import { lnbitsDouble } from '../../doubles/lnbits.double';
import { LogCapture, everyRendering } from '../../doubles/log-capture';

const ADMIN = 'lnbits-admin-key-0123456789abcdef';
const INVOICE = 'lnbits-invoice-key-fedcba9876543210';

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error('expected the call to fail');
}

describe(LnbitsClient.name, () => {
  const logs = new LogCapture().install();
  const doubles: FakeUpstream[] = [];
  const clients: LnbitsClient[] = [];
  let double: FakeUpstream;
  const make = (apiKey: string | null = INVOICE, url: string | null = double.url) => {
    const c = new LnbitsClient({ url, apiKey, timeoutMs: 2000 }, new UpstreamMetrics(), { lnbits: { initialDelayMs: 5, maxDelayMs: 20 } });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    double = lnbitsDouble({ adminKey: ADMIN, invoiceKey: INVOICE });
    doubles.push(double);
    await double.start();
  });
  afterAll(async () => {
    clients.forEach((c) => c.onModuleDestroy());
    for (const d of doubles) await d.stop();
  });
  beforeEach(() => {
    double.reset();
    logs.clear();
  });

  it('reads the wallet balance in msat with the invoice key, sent as X-Api-Key and never in the URL', async () => {
    expect(await make().getWallet()).toEqual({ name: 'Routing node wallet', balanceMsat: 125_000_000, id: null });
    const req = double.requests[0];
    expect(req.headers['x-api-key']).toBe(INVOICE);
    expect(req.query.get('api-key')).toBeNull();
  });

  it('gets the wallet id only with the admin key', async () => {
    expect((await make(ADMIN).getWallet()).id).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
  });

  it('lists payments newest first: absolute msat amounts, direction, status, ISO times', async () => {
    const payments = await make().listPayments({ limit: 10 });
    expect(double.requests[0].query.toString()).toBe('limit=10&offset=0&sortby=time&direction=desc');
    expect(payments).toHaveLength(3);
    expect(payments[0]).toEqual({
      paymentHash: 'a1'.repeat(32),
      checkingId: 'a1'.repeat(32),
      outgoing: true,
      amountMsat: 250_000,
      feeMsat: 1000,
      status: 'success',
      memo: 'rebalance',
      time: '2025-11-24T11:30:00.000Z',
      tag: null,
    });
    expect(payments[1]).toMatchObject({ outgoing: false, amountMsat: 1_000_000, status: 'pending', tag: 'lnurlp' });
  });

  it('reads the LNbits 0.12 payment shape too (pending flag, unix time)', async () => {
    const legacy = lnbitsDouble({ adminKey: ADMIN, invoiceKey: INVOICE, legacyPayments: true });
    doubles.push(legacy);
    await legacy.start();
    const payments = await make(INVOICE, legacy.url).listPayments();
    expect(payments.map((p) => p.status)).toEqual(['success', 'pending', 'success']);
    expect(payments[0].time).toBe('2025-11-24T11:30:00.000Z');
  });

  it('maps LNbits "Wallet not found." (404 for an unknown key) to auth, not retried; the key appears nowhere', async () => {
    const bad = 'lnbits-unknown-key-000000000000';
    const err = await failure(make(bad).getWallet());
    expect(err).toMatchObject({ upstream: 'lnbits', kind: 'auth', status: 404, attempts: 1 });
    expect(err.cause?.message).toContain('Wallet not found.');
    expect(everyRendering(err)).not.toContain(bad);
    expect(logs.text()).not.toContain(bad);
  });

  it('retries the slowapi 429 (no Retry-After) with backoff', async () => {
    double.inject({ type: 'status', status: 429, json: { error: 'Rate limit exceeded: 200 per 1 minute' } }, 1);
    await expect(make().getWallet()).resolves.toMatchObject({ balanceMsat: 125_000_000 });
    expect(double.requests).toHaveLength(2);
  });

  it('is not configured without URL or key; probes the wallet otherwise', async () => {
    expect(await make(null).probe()).toBe('not_configured');
    expect(await make(INVOICE, null).probe()).toBe('not_configured');
    expect(await make().probe()).toBe('connected');
    expect(double.requests.map((r) => r.path)).toEqual(['/api/v1/wallet']);
  });
});
