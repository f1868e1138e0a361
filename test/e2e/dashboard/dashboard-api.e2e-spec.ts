import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DASHBOARD_OPTIONS } from '../../../src/dashboard/dashboard.module';
import { GraphService } from '../../../src/graph/graph.service';
import { serverErrorRoutes, testRedisUrl } from '../../utils/test-app';
import { createDashboardTestApp, ensureWebBuild } from './dashboard-app';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const MATCH_ORDER = ['pubkey', 'alias_prefix', 'pubkey_prefix', 'alias_substring'];

interface Result {
  pubkey: string;
  alias: string | null;
  channels: number;
  capacity: number;
  degree_rank: number;
  match: string;
}

describe('Dashboard API routes and page serving (embedded 2026 graph)', () => {
  let app: NestExpressApplication;
  let http: ReturnType<NestExpressApplication['getHttpServer']>;

  beforeAll(async () => {
    ensureWebBuild();
    app = await createDashboardTestApp({ REDIS_URL: testRedisUrl(), GRAPH_HISTORY_SNAPSHOTS: '' });
    http = app.getHttpServer();
  });
  afterAll(async () => {
    expect(serverErrorRoutes(app)).toEqual([]);
    await app.close();
  });

  describe('GET /api/v1/nodes/search', () => {
    it('finds ACINQ first when typing "ACI", with the same figures as its node info', async () => {
      const { body } = await request(http).get('/api/v1/nodes/search').query({ q: 'ACI' }).expect(200);
      expect(body.query).toBe('ACI');
      expect(body.results[0]).toMatchObject({ pubkey: ACINQ, alias: 'ACINQ', match: 'alias_prefix', degree_rank: 1 });
      const info = (await request(http).get(`/api/v1/node/${ACINQ}/info`).expect(200)).body;
      expect(body.results[0]).toMatchObject({ channels: info.metrics.total_channels, capacity: info.metrics.total_capacity, degree_rank: info.network_position.degree.rank });
      const lower = await request(http).get('/api/v1/nodes/search').query({ q: 'aci' }).expect(200);
      expect(lower.body.results).toEqual(body.results);
    });

    it('matches a brute-force scan of the graph: same total, groups in order, degree rank within each group', async () => {
      const { graph, ranks } = app.get(GraphService).current();
      for (const q of ['ln', 'node', 'aci', 'Ω', '⚡']) {
        const { body } = await request(http).get('/api/v1/nodes/search').query({ q, limit: 50 }).expect(200);
        const needle = q.toLowerCase();
        const expected = graph.aliases.filter((a) => a && a.toLowerCase().includes(needle)).length;
        expect({ q, total: body.total }).toEqual({ q, total: expected });
        const results = body.results as Result[];
        expect(results.length).toBe(Math.min(50, expected));
        const groups = results.map((r) => MATCH_ORDER.indexOf(r.match));
        expect(groups).toEqual([...groups].sort((a, b) => a - b));
        for (let i = 1; i < results.length; i++) {
          if (results[i].match === results[i - 1].match) expect(results[i].degree_rank).toBeGreaterThanOrEqual(results[i - 1].degree_rank);
        }
        for (const r of results) {
          const v = graph.indexOf(r.pubkey);
          expect(r.alias).toBe(graph.aliases[v]);
          expect(r.degree_rank).toBe(ranks.degreeRank[v]);
          expect(r.match === 'alias_prefix').toBe(graph.aliases[v]!.toLowerCase().startsWith(needle));
        }
      }
    });

    it('puts an exact pubkey first (any case) and finds pubkeys by their first hex characters', async () => {
      const exact = await request(http).get('/api/v1/nodes/search').query({ q: ACINQ.toUpperCase() }).expect(200);
      expect(exact.body.results[0]).toMatchObject({ pubkey: ACINQ, match: 'pubkey' });
      const prefix = await request(http).get('/api/v1/nodes/search').query({ q: ACINQ.slice(0, 10) }).expect(200);
      expect(prefix.body.results.map((r: Result) => r.pubkey)).toContain(ACINQ);
      expect(prefix.body.results.every((r: Result) => r.pubkey.startsWith(ACINQ.slice(0, 10)))).toBe(true);
    });

    it('honours limit, and says so when nothing matches', async () => {
      const { body } = await request(http).get('/api/v1/nodes/search').query({ q: 'a', limit: 3 }).expect(200);
      expect(body.results).toHaveLength(3);
      expect(body.total).toBeGreaterThan(3);
      const none = await request(http).get('/api/v1/nodes/search').query({ q: 'no-node-has-this-alias-zq' }).expect(200);
      expect(none.body).toEqual({ query: 'no-node-has-this-alias-zq', results: [], total: 0 });
    });

    it.each([
      ['no q', {}, 'q'],
      ['an empty q', { q: '' }, 'q'],
      ['a blank q', { q: '   ' }, 'q'],
      ['a 67-character q', { q: 'x'.repeat(67) }, 'q'],
      ['limit 0', { q: 'a', limit: '0' }, 'limit'],
      ['limit 51', { q: 'a', limit: '51' }, 'limit'],
      ['a non-integer limit', { q: 'a', limit: '2.5' }, 'limit'],
      ['an unknown parameter', { q: 'a', sort: 'alias' }, 'sort'],
    ])('refuses %s with 400 problem+json naming the field', async (_what, query, field) => {
      const res = await request(http).get('/api/v1/nodes/search').query(query).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', instance: '/api/v1/nodes/search' });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('accepts 66 characters', async () => {
      await request(http).get('/api/v1/nodes/search').query({ q: 'y'.repeat(66) }).expect(200);
    });
  });

  describe('GET /api/v1/network/stats', () => {
    it('gives the network distributions of the loaded graph, checked against a scan of it', async () => {
      const { body } = await request(http).get('/api/v1/network/stats').expect(200);
      const { graph, ranks } = app.get(GraphService).current();
      let usable = 0;
      let enabled = 0;
      for (let c = 0; c < graph.channelCount; c++) {
        if (graph.isUsable(c)) usable++;
        if (graph.isEnabled(2 * c)) enabled++;
        if (graph.isEnabled(2 * c + 1)) enabled++;
      }
      expect(body).toMatchObject({
        snapshot_date: '2026-02-03',
        source: 'embedded-graph:2026-02-03',
        nodes: 17_324,
        channels: 50_808,
        routable_nodes: ranks.routableNodes,
        usable_channels: usable,
        enabled_directions: enabled,
      });
      for (const [name, count] of [['channel_size', usable], ['fee_rate', enabled], ['base_fee', enabled]] as const) {
        const d = body[name];
        expect(d.count).toBe(count);
        expect(d.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(count);
        expect(d.buckets[0].from).toBe(0);
        expect(d.buckets.at(-1).to).toBeNull();
        for (let i = 1; i < d.buckets.length; i++) expect(d.buckets[i].from).toBe(d.buckets[i - 1].to);
        expect([d.min, d.p10, d.p25, d.median, d.p75, d.p90, d.max]).toEqual([d.min, d.p10, d.p25, d.median, d.p75, d.p90, d.max].sort((a, b) => a - b));
      }
    });

    it('is computed once per graph version', async () => {
      const a = await request(http).get('/api/v1/network/stats').expect(200);
      const b = await request(http).get('/api/v1/network/stats').expect(200);
      expect(b.body.computed_at).toBe(a.body.computed_at);
      expect(b.body.graph_version).toBe(a.body.graph_version);
    });
  });

  describe('the page and its assets', () => {
    it.each(['/', '/dashboard', '/dashboard/', `/dashboard/node/${ACINQ}`, '/dashboard/node/not-a-pubkey', '/dashboard/service'])(
      'serves the page at %s, revalidated on every load',
      async (path) => {
        const res = await request(http).get(path).expect(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers.etag).toBeDefined();
        expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
        expect(res.text).toContain('<div id="app"></div>');
        expect(res.text).toMatch(/<script type="module" crossorigin src="\/dashboard\/assets\/index-[\w-]+\.js"><\/script>/);
      },
    );

    it('answers a revalidation with 304', async () => {
      const first = await request(http).get('/').expect(200);
      await request(http).get('/').set('If-None-Match', first.headers.etag).expect(304);
    });

    it('serves hashed assets as immutable for a year, and nothing outside web/dist', async () => {
      const page = await request(http).get('/').expect(200);
      const script = /\/dashboard\/assets\/[\w.-]+\.js/.exec(page.text)?.[0] ?? 'no script in the page';
      const style = /\/dashboard\/assets\/[\w.-]+\.css/.exec(page.text)?.[0] ?? 'no stylesheet in the page';
      const js = await request(http).get(script).expect(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
      expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const css = await request(http).get(style).expect(200);
      expect(css.headers['content-type']).toMatch(/^text\/css/);
      await request(http).head(script).expect(200);
      const fav = await request(http).get('/dashboard/favicon.svg').expect(200);
      expect(fav.headers['cache-control']).toBe('no-cache');
      for (const path of ['/dashboard/assets/nope.js', '/dashboard/assets/..%2F..%2Fpackage.json', '/dashboard/..%2Fpackage.json', '/dashboard/assets/%2e%2e/%2e%2e/package.json', '/dashboard/nope.txt']) {
        const res = await request(http).get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(res.headers['cache-control'] ?? '').not.toMatch(/immutable/);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });

    it('leaves the API, its 404s and the docs where they were', async () => {
      const missing = await request(http).get('/api/v1/no-such-route').expect(404);
      expect(missing.body.code).toBe('ROUTE_NOT_FOUND');
      await request(http).get('/api/v1/health/live').expect(200);
      await request(http).get('/docs').expect((r) => expect([200, 301]).toContain(r.status));
      const doc = (await request(http).get('/docs-json').expect(200)).body;
      expect(doc.paths['/api/v1/nodes/search'].get.operationId).toBe('searchNodes');
      expect(doc.paths['/api/v1/network/stats'].get.operationId).toBe('getNetworkStats');
      expect(doc.paths['/']).toBeUndefined();
    });
  });
});

describe('Dashboard page without a build', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-dashboard-'));
    app = await createDashboardTestApp({ GRAPH_HISTORY_SNAPSHOTS: '' }, (b) => b.overrideProvider(DASHBOARD_OPTIONS).useValue({ distDir: empty }));
  });
  afterAll(() => app.close());

  it('answers 503 saying how to build it, as a page for browsers and as text otherwise; the API keeps working', async () => {
    const http = app.getHttpServer();
    const page = await request(http).get('/').set('Accept', 'text/html,application/xhtml+xml').expect(503);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('npm run build:web');
    const text = await request(http).get('/dashboard/node/abc').set('Accept', '*/*').expect(503);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.text).toContain('npm run build:web');
    await request(http).get('/dashboard/assets/index-abc.js').expect(404);
    await request(http).get('/api/v1/nodes/search').query({ q: 'ACI' }).expect(200);
  });
});
