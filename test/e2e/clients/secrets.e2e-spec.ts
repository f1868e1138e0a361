import { ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter } from '../../../src/common/errors/problem-details.filter';
import { UpstreamMetrics } from '../../../src/clients/common/upstream-metrics.service';
import { UpstreamError } from '../../../src/clients/common/upstream.error';
import { LnbitsClient } from '../../../src/clients/lnbits/lnbits.client';
import { LndClient } from '../../../src/clients/lnd/lnd.client';
import { SparkseerClient } from '../../../src/clients/sparkseer/sparkseer.client';
import { FakeUpstream } from '../../doubles/fake-upstream';
import { LogCapture, everyRendering } from '../../doubles/log-capture';
import { lnbitsDouble } from '../../doubles/lnbits.double';
import { lndDouble } from '../../doubles/lnd.double';
import { makeSelfSignedCert, SelfSignedCert } from '../../doubles/self-signed-cert';
import { SPARKSEER_DOCS_PUBKEY, SPARKSEER_OWNER, sparkseerDouble } from '../../doubles/sparkseer.double';

const SPARKSEER_KEY = 'sk-secret-sparkseer-A1B2C3D4E5';
const LNBITS_KEY = 'lnbits-secret-invoice-F6E5D4C3';
const MACAROON = '0201036c6e6402f80103' + 'e7'.repeat(48);
const SECRETS = [SPARKSEER_KEY, LNBITS_KEY, MACAROON, MACAROON.toUpperCase()];

/** What the API would answer for this error: ProblemDetailsFilter with a fake Express response. */
function problemFor(err: unknown): { status: number; body: string } {
  let status = 0;
  let body = '';
  const res = {
    headersSent: false,
    status(s: number) {
      status = s;
      return this;
    },
    type() {
      return this;
    },
    json(b: unknown) {
      body = JSON.stringify(b);
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/api/v1/node/x/info', url: '/api/v1/node/x/info', id: 'r1' }), getResponse: () => res }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(err, host);
  return { status, body };
}

describe('secrets never reach logs, errors or API answers', () => {
  const logs = new LogCapture().install();
  let tls: SelfSignedCert;
  let sparkseer: FakeUpstream;
  let lnbits: FakeUpstream;
  let lnd: FakeUpstream;
  const errors: UpstreamError[] = [];
  const closers: Array<{ onModuleDestroy(): void }> = [];

  beforeAll(async () => {
    tls = makeSelfSignedCert();
    sparkseer = sparkseerDouble({ keys: { [SPARKSEER_KEY]: SPARKSEER_OWNER } });
    lnbits = lnbitsDouble({ adminKey: 'lnbits-other-admin-key-000', invoiceKey: LNBITS_KEY });
    lnd = lndDouble({ macaroonHex: MACAROON, tls, nowSec: 1_732_450_000 });
    for (const d of [sparkseer, lnbits, lnd]) await d.start();

    const metrics = new UpstreamMetrics();
    const fast = { initialDelayMs: 2, maxDelayMs: 5, timeoutMs: 300 };
    const s = new SparkseerClient({ apiKey: SPARKSEER_KEY, baseUrl: sparkseer.url, nodePubkey: SPARKSEER_OWNER, timeoutMs: 300 }, metrics, { sparkseer: fast });
    const l = new LnbitsClient({ url: lnbits.url, apiKey: LNBITS_KEY, timeoutMs: 300 }, metrics, { lnbits: fast });
    const n = new LndClient({ restUrl: lnd.url, macaroonHex: MACAROON, macaroonPath: null, tlsCertPath: tls.certPath, timeoutMs: 300 }, metrics, { lnd: fast });
    const noTls = new LndClient({ restUrl: lnd.url, macaroonHex: MACAROON, macaroonPath: null, tlsCertPath: null, timeoutMs: 300 }, metrics, { lnd: fast });
    closers.push(s, l, n, noTls);

    const collect = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        errors.push(e as UpstreamError);
      }
    };
    // Upstreams that echo the credential back in their error body.
    sparkseer.inject({ type: 'status', status: 500, json: { error: `bad key ${SPARKSEER_KEY}` } }, 1);
    await collect(s.getNodeStats(SPARKSEER_DOCS_PUBKEY));
    lnbits.inject({ type: 'status', status: 400, json: { detail: `key ${LNBITS_KEY} is not allowed here` } }, 1);
    await collect(l.getWallet());
    lnd.inject({ type: 'status', status: 500, json: { code: 2, message: `cannot verify macaroon ${MACAROON}`, details: [] } }, 1);
    await collect(n.getInfo());
    lnd.inject({ type: 'status', status: 503, text: `upstream says ${MACAROON.toUpperCase()}` }, 5);
    await collect(n.feeReport());
    // Timeouts, dropped connections, malformed bodies, TLS refusal.
    lnd.inject({ type: 'hang' }, 1);
    await collect(n.listChannels());
    lnbits.inject({ type: 'close' }, 5);
    await collect(l.listPayments());
    sparkseer.inject({ type: 'malformed' }, 1);
    await collect(s.getSuggestedFees(SPARKSEER_OWNER));
    await collect(noTls.getInfo());
  });

  afterAll(async () => {
    closers.forEach((c) => c.onModuleDestroy());
    for (const d of [sparkseer, lnbits, lnd]) await d.stop();
    tls.cleanup();
  });

  it('produced the failures under test', () => {
    expect(errors.map((e) => `${e.upstream}:${e.kind}`)).toEqual([
      'sparkseer:http',
      'lnbits:http',
      'lnd:auth',
      'lnd:http',
      'lnd:timeout',
      'lnbits:network',
      'sparkseer:malformed',
      'lnd:tls',
    ]);
  });

  it('keeps every credential out of error messages, causes, details and serialisations', () => {
    for (const err of errors) {
      const text = everyRendering(err);
      for (const s of SECRETS) expect(text).not.toContain(s);
    }
    // The upstream's own words stay useful, with the credential cut out.
    expect(errors[0].cause?.message).toBe('HTTP 500: bad key [redacted]');
    expect(errors[2].cause?.message).toBe('HTTP 500: cannot verify macaroon [redacted]');
  });

  it('keeps them out of the problem+json the API answers, which is a 503 naming the upstream', () => {
    for (const err of errors) {
      const { status, body } = problemFor(err);
      expect(status).toBe(503);
      expect(body).toContain('"code":"UPSTREAM_UNAVAILABLE"');
      expect(body).toContain(err.upstream);
      for (const s of SECRETS) expect(body).not.toContain(s);
    }
  });

  it('keeps them out of every log line, the filter\'s error logs included', () => {
    expect(logs.lines.length).toBeGreaterThan(5);
    const all = logs.text();
    for (const s of SECRETS) expect(all).not.toContain(s);
    expect(all).toContain('lnd: retry');
  });
});
