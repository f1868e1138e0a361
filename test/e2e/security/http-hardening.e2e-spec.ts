import { NestExpressApplication } from '@nestjs/platform-express';
import { maxHeaderSize, Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import request from 'supertest';
import { createSecuredTestApp } from './secured-test-app';

const HOST = 'api.example.org';
const ORIGIN = 'https://app.example.org';

describe('HTTP hardening (Host allow-list, CORS, security headers, body limit, trust proxy)', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createSecuredTestApp({ ALLOWED_HOSTS: `${HOST}, *.internal.example.org`, CORS_ORIGINS: `${ORIGIN},https://admin.example.org`, TRUST_PROXY: '1' });
  });
  afterAll(() => app.close());

  describe('trusted hosts', () => {
    it('serves the allowed host (any port) and its wildcard sub-domains', async () => {
      const http = app.getHttpServer();
      await request(http).get('/api/v1/metrics').set('Host', HOST).expect(200);
      await request(http).get('/api/v1/metrics').set('Host', `${HOST.toUpperCase()}:443`).expect(200);
      await request(http).get('/api/v1/metrics').set('Host', 'a.internal.example.org').expect(200);
    });

    it('refuses any other Host with 400 problem+json', async () => {
      const http = app.getHttpServer();
      for (const host of ['evil.example', `${HOST}.evil.example`, `evil${HOST}`, 'internal.example.org']) {
        const res = await request(http).get('/api/v1/metrics').set('Host', host).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'Host' }] });
        expect(JSON.stringify(res.body)).not.toContain('evil');
      }
    });

    it('lets a loopback health probe through (container HEALTHCHECK), and nothing else on loopback', async () => {
      const http = app.getHttpServer();
      // supertest connects over 127.0.0.1, as a HEALTHCHECK inside the container does.
      await request(http).get('/api/v1/health').set('Host', '127.0.0.1:8000').expect(200);
      await request(http).get('/api/v1/health/ready').set('Host', 'localhost:8000').expect(200);
      await request(http).get('/api/v1/metrics').set('Host', '127.0.0.1:8000').expect(400);
      await request(http).get('/api/v1/health').set('Host', 'evil.example').expect(400);
    });
  });

  describe('CORS', () => {
    it('allows a configured origin, exposing the rate-limit headers', async () => {
      const res = await request(app.getHttpServer()).get('/api/v1/metrics').set('Host', HOST).set('Origin', ORIGIN).expect(200);
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(res.headers.vary).toMatch(/Origin/);
      expect(res.headers['access-control-expose-headers']).toMatch(/RateLimit-Remaining/);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('answers the preflight of a configured origin, allowing the API-key headers', async () => {
      const res = await request(app.getHttpServer())
        .options('/api/v1/node/x/info')
        .set('Host', HOST)
        .set('Origin', ORIGIN)
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'x-api-key, authorization')
        .expect(204);
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(res.headers['access-control-allow-headers']).toMatch(/X-API-Key/);
      expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
    });

    it('gives an unknown origin (even a look-alike) no CORS header, so the browser blocks it', async () => {
      for (const origin of ['https://evil.example', `${ORIGIN}.evil.example`, 'http://app.example.org', 'null']) {
        const res = await request(app.getHttpServer()).get('/api/v1/metrics').set('Host', HOST).set('Origin', origin);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        const pre = await request(app.getHttpServer()).options('/api/v1/metrics').set('Host', HOST).set('Origin', origin).set('Access-Control-Request-Method', 'GET');
        expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('sends no CORS headers at all without CORS_ORIGINS', async () => {
      const open = await createSecuredTestApp({});
      try {
        const res = await request(open.getHttpServer()).get('/api/v1/metrics').set('Origin', ORIGIN).expect(200);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await open.close();
      }
    });
  });

  describe('security headers', () => {
    it('sets helmet headers on API answers and drops X-Powered-By', async () => {
      const res = await request(app.getHttpServer()).get('/api/v1/health').set('Host', HOST).expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('keeps Swagger UI working: /docs loads only same-origin scripts that the CSP allows', async () => {
      const http = app.getHttpServer();
      const page = await request(http).get('/docs').set('Host', HOST).expect(200);
      const csp = page.headers['content-security-policy'];
      expect(csp).toMatch(/script-src 'self'/);
      // Outside production, no upgrade-insecure-requests: a plain-http dev server keeps loading its assets.
      expect(csp).not.toMatch(/upgrade-insecure-requests/);
      const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, inline] of scripts) {
        expect(inline.trim()).toBe('');
        const src = /src=["']([^"']+)["']/.exec(attrs)![1];
        expect(src).not.toMatch(/^(https?:)?\/\//);
        await request(http).get(new URL(src, 'http://x/docs').pathname).set('Host', HOST).expect(200);
      }
      await request(http).get('/docs-json').set('Host', HOST).expect(200);
    });

    it('asks browsers to upgrade insecure requests in production', async () => {
      const prod = await createSecuredTestApp({ ENVIRONMENT: 'production', API_KEYS: 'prod-key-0123456789abcdef', SECRET_KEY: 'prod-secret-0123456789' });
      try {
        const res = await request(prod.getHttpServer()).get('/api/v1/health').expect(200);
        expect(res.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
      } finally {
        await prod.close();
      }
    });
  });

  it('refuses a body over 1 MB with 413 problem+json', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(1_100_000) });
    const res = await request(app.getHttpServer()).post('/api/v1/metrics').set('Host', HOST).set('Content-Type', 'application/json').send(big).expect(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    // The Host check comes first: a wrong host is refused before its body is read.
    await request(app.getHttpServer()).post('/api/v1/metrics').set('Host', 'evil.example').set('Content-Type', 'application/json').send(big).expect(400);
  });

  describe('trust proxy', () => {
    it('with TRUST_PROXY=1 the client IP comes from X-Forwarded-For, so each client has its own rate bucket', async () => {
      const limited = await createSecuredTestApp({ TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: '2' });
      try {
        const http = limited.getHttpServer();
        for (let i = 0; i < 2; i++) await request(http).get('/api/v1/metrics').set('X-Forwarded-For', '203.0.113.7').expect(200);
        await request(http).get('/api/v1/metrics').set('X-Forwarded-For', '203.0.113.7').expect(429);
        await request(http).get('/api/v1/metrics').set('X-Forwarded-For', '203.0.113.8').expect(200);
        // Only the hop the proxy appended counts: a forged left-most entry changes nothing.
        await request(http).get('/api/v1/metrics').set('X-Forwarded-For', '198.51.100.1, 203.0.113.7').expect(429);
      } finally {
        await limited.close();
      }
    });

    it('with TRUST_PROXY=false X-Forwarded-For is ignored: a client cannot dodge its limit by forging it', async () => {
      const limited = await createSecuredTestApp({ TRUST_PROXY: 'false', RATE_LIMIT_PER_MINUTE: '2' });
      try {
        const http = limited.getHttpServer();
        await request(http).get('/api/v1/metrics').set('X-Forwarded-For', '203.0.113.7').expect(200);
        await request(http).get('/api/v1/metrics').set('X-Forwarded-For', '203.0.113.8').expect(200);
        await request(http).get('/api/v1/metrics').set('X-Forwarded-For', '203.0.113.9').expect(429);
      } finally {
        await limited.close();
      }
    });
  });
});

describe('HTTP edge cases answered like every other error (issue 20, finding 9)', () => {
  const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createSecuredTestApp({});
  });
  afterAll(() => app.close());

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key in a JSON body with 400, like any unknown field', async (key) => {
    for (const body of [`{"goals":["connectivity"],"${key}":{"isAdmin":true}}`, `{"goals":["connectivity"],"context":{"${key}":1}}`]) {
      const res = await request(app.getHttpServer()).post(`/api/v1/node/${ACINQ}/priorities`).set('Content-Type', 'application/json').send(body).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: expect.stringContaining(key), message: expect.stringContaining(`${key} should not exist`) }] });
    }
  });

  it('refuses C1 controls and Unicode line separators in a search query', async () => {
    for (const q of ['a%C2%85b', 'a%C2%9Bb', 'a%E2%80%A8b', 'a%E2%80%A9b']) {
      const res = await request(app.getHttpServer()).get(`/api/v1/nodes/search?q=${q}`).expect(400);
      expect(res.body.errors).toEqual([{ field: 'q', message: 'q must not contain control characters' }]);
    }
    await request(app.getHttpServer()).get('/api/v1/nodes/search?q=caf%C3%A9').expect(200);
  });

  it('answers an unsupported body charset or encoding with 415 and its own code', async () => {
    for (const [header, value] of [['Content-Type', 'application/json; charset=latin1'], ['Content-Encoding', 'x-unknown']]) {
      const res = await request(app.getHttpServer())
        .post(`/api/v1/node/${ACINQ}/priorities`)
        .set('Content-Type', 'application/json')
        .set(header, value)
        .send('{"goals":["connectivity"]}')
        .expect(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
  });

  it('answers headers over the limit with 431 problem+json', async () => {
    const port = await listenOnFreePort(app);
    const raw = await rawExchange(port, `GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Pad: ${'a'.repeat(maxHeaderSize + 512)}\r\n\r\n`);
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
  });

  it('keeps the answer to a thousand unknown query parameters short: the first 10 and a count', async () => {
    const junk = Array.from({ length: 1000 }, (_, i) => `unknown_${i}=1`).join('&');
    const res = await request(app.getHttpServer()).get(`/api/v1/nodes/search?q=ACI&${junk}`).expect(400);
    expect(res.body.errors).toHaveLength(11);
    // Node's query parser keeps the first 1000 parameters: q and 999 unknown ones.
    expect(res.body.errors[10]).toEqual({ field: '…', message: 'and 989 more errors not listed' });
    expect(JSON.stringify(res.body).length).toBeLessThan(4_000);
  });
});

async function listenOnFreePort(app: NestExpressApplication): Promise<number> {
  const server = app.getHttpServer() as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends raw bytes and collects everything the server writes until it closes the connection. */
function rawExchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('close', () => resolve(received));
    socket.on('error', (err) => (received ? resolve(received) : reject(err)));
  });
}
