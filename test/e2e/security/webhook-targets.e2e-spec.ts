import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { HOST_RESOLVER, systemResolver } from '../../../src/common/net/host-resolver';
import { GraphService } from '../../../src/graph/graph.service';
import { fakeResolver, v4 } from '../../doubles/dns-resolver.double';
import { createSecuredTestApp, until } from './secured-test-app';

const BULK = '/api/v1/nodes/bulk-analysis';
const SECRET = 'callback-secret-0123456789';
const PUBLIC = '93.184.215.14';

describe('callback_url cannot reach internal addresses (SSRF)', () => {
  let app: NestExpressApplication;
  let receiver: Server;
  let port: number;
  let hits = 0;
  const dns = fakeResolver(systemResolver, {
    'public.example': v4(PUBLIC),
    'internal.example': v4('10.1.2.3'),
    'mixed.example': [{ address: PUBLIC, family: 4 }, { address: 'fd00::1', family: 6 }],
    // Public when the URL is checked (at submission and before sending), loopback when the socket connects.
    'rebind.example': (call) => v4(call <= 2 ? PUBLIC : '127.0.0.1'),
  });

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      hits++;
      req.resume();
      res.end('ok');
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    port = (receiver.address() as AddressInfo).port;
    app = await createSecuredTestApp(
      { SECRET_KEY: SECRET, RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000', RATE_LIMIT_PER_MINUTE: '10000' },
      { customize: (b) => b.overrideProvider(HOST_RESOLVER).useValue(dns.resolver) },
    );
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  const submit = (callback_url: string) => request(app.getHttpServer()).post(BULK).send({ pubkeys: ['03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f'], callback_url });

  it.each([
    ['loopback', 'http://127.0.0.1:PORT/hook', /127\.0\.0\.1 is loopback/],
    ['localhost by name', 'http://localhost:PORT/hook', /localhost, which resolves to (127\.0\.0\.1|::1), is loopback/],
    ['IPv6 loopback', 'http://[::1]:PORT/hook', /::1 is loopback/],
    ['unspecified', 'http://0.0.0.0:PORT/hook', /0\.0\.0\.0 is unspecified/],
    ['hexadecimal IPv4', 'http://0x7f000001:PORT/hook', /127\.0\.0\.1 is loopback/],
    ['decimal IPv4', 'http://2130706433:PORT/hook', /127\.0\.0\.1 is loopback/],
    ['short IPv4', 'http://127.1:PORT/hook', /127\.0\.0\.1 is loopback/],
    ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]:PORT/hook', /loopback \(IPv4 127\.0\.0\.1 inside an IPv6 address\)/],
    ['cloud metadata (link-local)', 'http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is link-local/],
    ['private 10/8', 'http://10.0.0.1/hook', /10\.0\.0\.1 is private/],
    ['private 192.168/16', 'http://192.168.1.1/hook', /is private/],
    ['IPv6 link-local', 'http://[fe80::1]/hook', /link-local/],
    ['IPv6 unique-local', 'http://[fd00::1]/hook', /unique-local/],
    ['multicast', 'http://224.0.0.1/hook', /multicast/],
    ['a name resolving to a private address', 'http://internal.example/hook', /internal\.example, which resolves to 10\.1\.2\.3, is private/],
    ['a name with one internal address among public ones', 'http://mixed.example/hook', /mixed\.example, which resolves to fd00::1, is unique-local/],
    ['credentials in the URL', 'http://user:pass@public.example/hook', /must not carry credentials/],
    ['a name that does not resolve', 'http://does-not-exist.invalid/hook', /must name a host that resolves/],
  ])('refuses %s with 400 at submission', async (_label, url, message) => {
    const res = await submit(url.replace('PORT', String(port))).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'callback_url', message: expect.stringMatching(message) }] });
    expect(hits).toBe(0);
  });

  it('refuses at connect time a name that rebinds to loopback after passing the check, and never calls it', async () => {
    const res = await submit(`http://rebind.example:${port}/hook`).expect(202);
    const status = `${BULK}/${res.body.job_id}`;
    await until('the job to complete', async () => (await request(app.getHttpServer()).get(status)).body.status === 'completed', 30_000);
    // Two checks of the URL, then one connect per delivery attempt (3), each refused by the socket's lookup.
    await until('every delivery attempt', () => dns.calls.filter((h) => h === 'rebind.example').length >= 5, 30_000);
    expect(hits).toBe(0);
  });

  it('accepts a public host', async () => {
    await submit('http://public.example/hook').expect(202);
  });
});

describe('callback_url in production', () => {
  it('must be https, and an allow-listed internal receiver is the one way to reach an internal address', async () => {
    const app = await createSecuredTestApp({
      ENVIRONMENT: 'production', API_KEYS: 'prod-key-0123456789abcdef', SECRET_KEY: SECRET, ALLOWED_HOSTS: '127.0.0.1', TRUST_PROXY: '1',
      WEBHOOK_ALLOWED_HOSTS: 'hooks.internal',
    }, { customize: (b) => b.overrideProvider(HOST_RESOLVER).useValue(fakeResolver(systemResolver, { 'hooks.internal': v4('10.9.8.7'), 'public.example': v4(PUBLIC) }).resolver) });
    try {
      const pubkeys = app.get(GraphService).current().graph.pubkeys.slice(0, 2);
      const post = (callback_url: string) => request(app.getHttpServer()).post(BULK).set('Host', '127.0.0.1').set('X-API-Key', 'prod-key-0123456789abcdef').send({ pubkeys, callback_url });
      const res = await post('http://public.example/hook').expect(400);
      expect(res.body.errors).toEqual([{ field: 'callback_url', message: expect.stringMatching(/must be an https:\/\/ URL in production/) }]);
      await post('https://hooks.internal/hook').expect(202);
    } finally {
      await app.close();
    }
  });
});
