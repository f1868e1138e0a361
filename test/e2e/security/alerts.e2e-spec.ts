import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ALERTS_OPTIONS, AlertsOptions } from '../../../src/alerts/alerts.options';
import { verifyWebhook } from '../../../src/alerts/webhook-signature';
import { RedisServer, startRedisServer } from '../../utils/redis-server';
import { createSecuredTestApp, until } from './secured-test-app';

const SECRET = 'alert-secret-0123456789';
const FAST: AlertsOptions = { pollIntervalMs: 100, debounceMs: 400, requestTimeoutMs: 2000, maxAttempts: 3, retryDelayMs: 50 };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A local webhook receiver; `failNext` makes it answer 500 that many times first. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { failNext: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const status = state.failNext > 0 ? 500 : 204;
      if (state.failNext > 0) state.failNext--;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/health`;
  return { url, received, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('health alerts to ALERT_WEBHOOK_URL', () => {
  let redis: RedisServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let app: NestExpressApplication;
  const delivered = () => receiver.received.filter((r) => r.status < 300);

  beforeAll(async () => {
    redis = await startRedisServer();
    receiver = await startReceiver();
    app = await createSecuredTestApp(
      { REDIS_URL: redis.url, ALERT_WEBHOOK_URL: receiver.url, SECRET_KEY: SECRET, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
      { customize: (b) => b.overrideProvider(ALERTS_OPTIONS).useValue(FAST) },
    );
  });
  afterAll(async () => {
    await app?.close();
    await receiver.close();
    await redis.stop();
  });

  it('sends nothing while the service stays healthy', async () => {
    await new Promise((r) => setTimeout(r, FAST.debounceMs * 2));
    expect(receiver.received).toEqual([]);
  });

  it('sends one signed alert when health turns degraded (Redis lost), retrying a failed delivery', async () => {
    receiver.state.failNext = 1;
    await redis.kill();
    await until('the degraded alert', () => delivered().length === 1, 15_000);
    const [failed, ok] = receiver.received;
    expect(failed.status).toBe(500);
    expect(ok.headers['x-alert-id']).toBe(failed.headers['x-alert-id']);

    const sig = ok.headers['x-signature-256'] as string;
    const ts = ok.headers['x-signature-timestamp'] as string;
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(Math.abs(Date.now() / 1000 - Number(ts))).toBeLessThan(30);
    expect(verifyWebhook(SECRET, ok.body, sig, ts)).toBe(true);
    expect(verifyWebhook('another-secret-000000', ok.body, sig, ts)).toBe(false);
    expect(verifyWebhook(SECRET, ok.body.replace('degraded', 'healthy'), sig, ts)).toBe(false);
    expect(ok.headers['content-type']).toBe('application/json');

    const alert = JSON.parse(ok.body);
    expect(alert).toMatchObject({ event: 'health.changed', previous: 'healthy', status: 'degraded', version: expect.any(String), environment: 'development' });
    expect(alert.reasons.join(' ')).toMatch(/Redis/);
    expect(Date.parse(alert.changed_at)).toBeLessThanOrEqual(Date.parse(alert.sent_at));
  });

  it('does not repeat itself while the state holds', async () => {
    await new Promise((r) => setTimeout(r, FAST.debounceMs * 3));
    expect(delivered()).toHaveLength(1);
  });

  it('sends a recovery alert when health is back', async () => {
    await redis.restart();
    await until('the recovery alert', () => delivered().length === 2, 20_000);
    const recovery = delivered()[1];
    expect(JSON.parse(recovery.body)).toMatchObject({ previous: 'degraded', status: 'healthy', reasons: [] });
    expect(verifyWebhook(SECRET, recovery.body, recovery.headers['x-signature-256'] as string, recovery.headers['x-signature-timestamp'] as string)).toBe(true);
  });
});

describe('health alerts without SECRET_KEY', () => {
  it('stay off rather than send unsigned messages', async () => {
    const redis = await startRedisServer();
    const receiver = await startReceiver();
    const app = await createSecuredTestApp(
      { REDIS_URL: redis.url, ALERT_WEBHOOK_URL: receiver.url, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
      { customize: (b) => b.overrideProvider(ALERTS_OPTIONS).useValue({ ...FAST, debounceMs: 0 }) },
    );
    try {
      await redis.kill();
      await new Promise((r) => setTimeout(r, 1500));
      expect(receiver.received).toEqual([]);
      await redis.restart();
    } finally {
      await app.close();
      await receiver.close();
      await redis.stop();
    }
  });
});
