import { ConfigModule } from '@nestjs/config';
import { Test, TestingModule } from '@nestjs/testing';
import { Registry } from 'prom-client';
import { CLN_CLIENT, ClnApi } from '../../../src/clients/cln/cln.types';
import { ClientsModule } from '../../../src/clients/clients.module';
import { UpstreamMetrics } from '../../../src/clients/common/upstream-metrics.service';
import { UPSTREAM_CLIENTS, UpstreamProbe } from '../../../src/clients/common/upstream.types';
import { LNBITS_CLIENT, LnbitsApi } from '../../../src/clients/lnbits/lnbits.types';
import { LND_CLIENT, LndApi } from '../../../src/clients/lnd/lnd.types';
import { MEMPOOL_CLIENT, MempoolApi } from '../../../src/clients/mempool/mempool.types';
import { SPARKSEER_CLIENT, SparkseerApi } from '../../../src/clients/sparkseer/sparkseer.types';
import { clnConfig, lnbitsConfig, lndConfig, mempoolConfig, sparkseerConfig } from '../../../src/config/configuration';
import { validateEnv } from '../../../src/config/env.validation';
import { CLN_OWN, clnDouble } from '../../doubles/cln.double';
import { FakeUpstream } from '../../doubles/fake-upstream';
import { lnbitsDouble } from '../../doubles/lnbits.double';
import { LND_OWN, lndDouble } from '../../doubles/lnd.double';
import { LogCapture } from '../../doubles/log-capture';
import { MEMPOOL_NODE, mempoolDouble } from '../../doubles/mempool.double';
import { makeSelfSignedCert, SelfSignedCert } from '../../doubles/self-signed-cert';
import { SPARKSEER_OWNER, sparkseerDouble } from '../../doubles/sparkseer.double';

const VARS = [
  'SPARKSEER_API_KEY', 'SPARKSEER_BASE_URL', 'SPARKSEER_NODE_PUBKEY', 'LNBITS_URL', 'LNBITS_API_KEY', 'LND_REST_URL',
  'LND_MACAROON_HEX', 'LND_MACAROON_PATH', 'LND_TLS_CERT_PATH', 'MEMPOOL_BASE_URL', 'UPSTREAM_TIMEOUT_MS', 'CLN_REST_URL', 'CLN_RUNE', 'CLN_TLS_CERT_PATH',
];
const RUNE = 'bW9kdWxlLXRlc3QtcnVuZS0wMDAxLW5vdC1hLXJlYWwtb25l';
const MACAROON = '0201036c6e64' + 'cd'.repeat(40);

async function compile(env: Record<string, string>): Promise<TestingModule> {
  for (const k of VARS) delete process.env[k];
  Object.assign(process.env, env);
  return Test.createTestingModule({
    imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [sparkseerConfig, lnbitsConfig, lndConfig, mempoolConfig, clnConfig], validate: validateEnv }), ClientsModule],
  }).compile();
}

describe(ClientsModule.name, () => {
  new LogCapture().install();
  const saved = { ...process.env };
  let tls: SelfSignedCert;
  const doubles: Record<string, FakeUpstream> = {};

  beforeAll(async () => {
    tls = makeSelfSignedCert();
    doubles.sparkseer = sparkseerDouble({ keys: { 'sk-module-test-key': SPARKSEER_OWNER } });
    doubles.lnbits = lnbitsDouble({ adminKey: 'lnbits-admin-module-0001', invoiceKey: 'lnbits-invoice-module-0001' });
    doubles.lnd = lndDouble({ macaroonHex: MACAROON, tls, nowSec: Math.floor(Date.now() / 1000) });
    doubles.mempool = mempoolDouble();
    doubles.cln = clnDouble({ rune: RUNE, tls, nowSec: Math.floor(Date.now() / 1000) });
    for (const d of Object.values(doubles)) await d.start();
  });
  afterAll(async () => {
    for (const d of Object.values(doubles)) await d.stop();
    tls.cleanup();
    for (const k of VARS) delete process.env[k];
    Object.assign(process.env, saved);
  });

  it('wires every client from the environment behind its token, with probes and metrics', async () => {
    const moduleRef = await compile({
      SPARKSEER_API_KEY: 'sk-module-test-key',
      SPARKSEER_BASE_URL: doubles.sparkseer.url,
      SPARKSEER_NODE_PUBKEY: SPARKSEER_OWNER,
      LNBITS_URL: doubles.lnbits.url,
      LNBITS_API_KEY: 'lnbits-invoice-module-0001',
      LND_REST_URL: doubles.lnd.url,
      LND_MACAROON_HEX: MACAROON,
      LND_TLS_CERT_PATH: tls.certPath,
      MEMPOOL_BASE_URL: `${doubles.mempool.url}/api`,
      CLN_REST_URL: doubles.cln.url,
      CLN_RUNE: RUNE,
      CLN_TLS_CERT_PATH: tls.certPath,
      UPSTREAM_TIMEOUT_MS: '2000',
    });
    const app = moduleRef.createNestApplication();
    await app.init();
    try {
      const lnd = app.get<LndApi>(LND_CLIENT);
      const mempool = app.get<MempoolApi>(MEMPOOL_CLIENT);
      const sparkseer = app.get<SparkseerApi>(SPARKSEER_CLIENT);
      const lnbits = app.get<LnbitsApi>(LNBITS_CLIENT);
      expect((await lnd.getInfo()).identityPubkey).toBe(LND_OWN);
      expect((await mempool.getNode(MEMPOOL_NODE))?.alias).toBe('Red.de.Rayos');
      expect((await sparkseer.getSuggestedFees(SPARKSEER_OWNER))?.items).toHaveLength(13);
      expect((await lnbits.getWallet()).balanceMsat).toBe(125_000_000);
      expect((await app.get<ClnApi>(CLN_CLIENT).getInfo()).identityPubkey).toBe(CLN_OWN);

      const probes = app.get<UpstreamProbe[]>(UPSTREAM_CLIENTS);
      const states = Object.fromEntries(await Promise.all(probes.map(async (p) => [p.upstream, await p.probe()])));
      expect(states).toEqual({ sparkseer: 'connected', lnbits: 'connected', lnd: 'connected', mempool: 'connected', cln: 'connected' });

      const metrics = app.get(UpstreamMetrics);
      const snap = metrics.snapshot().upstreams;
      expect(Object.keys(snap).sort()).toEqual(['cln', 'lnbits', 'lnd', 'mempool', 'sparkseer']);
      expect(snap.lnd).toMatchObject({ configured: true, calls: 2, successes: 2, breaker_state: 'closed' });
      const registry = new Registry();
      metrics.registerInto(registry);
      expect(await registry.metrics()).toContain('upstream_requests_total{upstream="lnd",operation="getinfo",outcome="success"} 1');
    } finally {
      await app.close();
    }
  });

  it('reports not_configured for every upstream when nothing is set, and makes no request', async () => {
    for (const d of Object.values(doubles)) d.reset();
    const moduleRef = await compile({});
    const app = moduleRef.createNestApplication();
    await app.init();
    try {
      const probes = app.get<UpstreamProbe[]>(UPSTREAM_CLIENTS);
      expect(await Promise.all(probes.map((p) => p.probe()))).toEqual(['not_configured', 'not_configured', 'not_configured', 'not_configured', 'not_configured']);
      await expect(app.get<LndApi>(LND_CLIENT).listChannels()).rejects.toMatchObject({ upstream: 'lnd', kind: 'not_configured', code: 'UPSTREAM_UNAVAILABLE' });
      expect(app.get(UpstreamMetrics).snapshot().upstreams.mempool).toMatchObject({ configured: false, calls: 0 });
      for (const d of Object.values(doubles)) expect(d.requests).toHaveLength(0);
    } finally {
      await app.close();
    }
  });
});
