import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import Ajv from 'ajv';
import fc from 'fast-check';
import request, { Response } from 'supertest';
import { CentralityService } from '../../../src/graph/centrality.service';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../../utils/test-app';

/**
 * Property-based fuzzing of the riskiest inputs, in process: pubkeys in every position, amounts and sizes at and
 * beyond their bounds, enum values, deep and huge bodies, unicode and control characters in queries.
 * For every input: never a 5xx, every 4xx in the shared problem shape, and the status the input deserves
 * (valid → 2xx, invalid → 400, well-formed but unknown node → 404). fast-check prints the seed and the
 * shrunk counterexample when a property fails.
 */
const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const COINGATE = '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3';
const SMALL = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';
const KNOWN = [ACINQ, COINGATE, SMALL];
const PUBKEY_RE = /^0[23][0-9a-fA-F]{64}$/;
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const SPEC = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'openapi.json'), 'utf8')) as { components: { schemas: Record<string, object> } };
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ components: { schemas: SPEC.components.schemas } }, 'spec');
const isProblem = ajv.compile({ $ref: 'spec#/components/schemas/ProblemDetailsDto' });

/** The invariants every answer keeps, whatever the input. */
function expectSound(res: Response, what: string): void {
  if (res.status >= 500) throw new Error(`${what} → ${res.status}: ${res.text.slice(0, 500)}`);
  if (res.status >= 400) {
    if (!String(res.headers['content-type']).startsWith('application/problem+json')) throw new Error(`${what} → ${res.status} with content type ${res.headers['content-type']}`);
    if (!isProblem(res.body)) throw new Error(`${what} → ${res.status}: not a problem: ${ajv.errorsText(isProblem.errors)} in ${res.text.slice(0, 300)}`);
    const declared = (res.body as { status: number }).status;
    if (declared !== res.status) throw new Error(`${what} → ${res.status} but the problem says ${declared}`);
  }
}

function expectStatus(res: Response, expected: number | number[], what: string): void {
  expectSound(res, what);
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (!allowed.includes(res.status)) throw new Error(`${what} → ${res.status}, expected ${allowed.join(' or ')}: ${res.text.slice(0, 400)}`);
}

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: n, maxLength: n });
/** Well-formed pubkeys that are not in the graph (2^256 of them; the graph has 17,324). */
const unknownPubkey = fc.tuple(fc.constantFrom('02', '03'), hex(64)).map(([p, h]) => p + h).filter((pk) => !KNOWN.includes(pk.toLowerCase()));
const knownPubkey = fc.tuple(fc.constantFrom(...KNOWN), fc.boolean()).map(([pk, upper]) => (upper ? pk.toUpperCase() : pk));
const malformedPubkey = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 70 }),
  fc.tuple(fc.constantFrom('02', '03'), fc.integer({ min: 0, max: 80 }).filter((n) => n !== 64)).chain(([p, n]) => hex(n).map((h) => p + h)),
  fc.tuple(fc.constantFrom('00', '01', '04', '0x', '12', 'ff'), hex(64)).map(([p, h]) => p + h),
  fc.tuple(fc.constantFrom(ACINQ, SMALL), fc.constantFrom(' ', '\t', '\n', '\u00a0', '%', '/', '?', '#', 'g', 'é', '\u0000')).map(([pk, c]) => pk.slice(0, 33) + c + pk.slice(34)),
  fc.tuple(fc.constantFrom(ACINQ, SMALL), fc.constantFrom(' ', '0', '\n')).map(([pk, c]) => pk + c),
);
/** A path segment Express still routes to the operation (`.`/`..` are resolved by clients, `` is another route). */
const routable = (s: string) => s !== '' && s !== '.' && s !== '..';

describe('fast-check properties over the riskiest inputs', () => {
  let app: NestExpressApplication;
  let http: ReturnType<NestExpressApplication['getHttpServer']>;
  let jobId: string;
  /** Every HTTP request that reached the server, and its statuses: the figures of the run. */
  let sent = 0;
  const statuses: Record<number, number> = {};

  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl(), GRAPH_HISTORY_SNAPSHOTS: '' });
    http = app.getHttpServer();
    http.on('request', (_req: unknown, res: { on: (e: 'finish', f: () => void) => void; statusCode: number }) => {
      sent++;
      res.on('finish', () => (statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1));
    });
    await app.get(CentralityService).settled();
    const queued = await request(http).post('/api/v1/nodes/bulk-analysis').send({ pubkeys: [SMALL, COINGATE], analysis_types: ['basic', 'priorities'] });
    expectStatus(queued, 202, 'queue a job');
    jobId = queued.body.job_id;
  }, 120_000);

  afterAll(async () => {
    console.log(`fast-check properties: ${sent} requests, by status ${JSON.stringify(statuses)}`);
    await app?.close();
  });

  afterEach(() => {
    expect(serverErrorRoutes(app)).toEqual([]);
  });

  describe('pubkeys in every position', () => {
    const pubkeyArb = fc.oneof({ weight: 2, arbitrary: malformedPubkey }, { weight: 1, arbitrary: unknownPubkey }, { weight: 1, arbitrary: knownPubkey }).filter(routable);
    const expected = (pk: string) => (!PUBKEY_RE.test(pk) ? 400 : KNOWN.includes(pk.toLowerCase()) ? 200 : 404);
    const cheapRoutes: Array<[string, (pk: string) => request.Test]> = [
      ['GET info', (pk) => request(http).get(`/api/v1/node/${encodeURIComponent(pk)}/info`)],
      ['GET recommendations', (pk) => request(http).get(`/api/v1/node/${encodeURIComponent(pk)}/recommendations`)],
      ['POST priorities', (pk) => request(http).post(`/api/v1/node/${encodeURIComponent(pk)}/priorities`).send({ max_actions: 3 })],
    ];

    it('path pubkey of info, recommendations and priorities: 400 malformed, 404 unknown, 200 known (any case)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...cheapRoutes), pubkeyArb, async ([name, call], pk) => {
          expectStatus(await call(pk), expected(pk), `${name} ${JSON.stringify(pk)}`);
        }),
        { numRuns: 100 },
      );
    });

    it('path pubkey of the expensive candidate routes: 400 malformed, 404 unknown (known ones are the spec suite’s)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.oneof(malformedPubkey, unknownPubkey).filter(routable), async (evaluate, pk) => {
          const path = `/api/v1/node/${encodeURIComponent(pk)}/channel-candidates`;
          const res = evaluate ? await request(http).post(`${path}/evaluate`).send({ candidates: [{ pubkey: COINGATE }] }) : await request(http).get(path);
          expectStatus(res, expected(pk), `${evaluate ? 'POST evaluate' : 'GET channel-candidates'} ${JSON.stringify(pk)}`);
        }),
        { numRuns: 60 },
      );
    });

    it('candidate pubkeys and capacities in the evaluate body: 400 unless every candidate is valid', async () => {
      const capacity = fc.oneof(fc.constant(undefined), fc.integer({ min: 20_000, max: 2_100_000_000_000_000 }), fc.constantFrom(19_999, 0, -1, 20_000.5, 2_100_000_000_000_001, 1e300), fc.constant('1000000'));
      const candidate = fc.record({ pubkey: fc.oneof(malformedPubkey, unknownPubkey, knownPubkey, fc.integer()), capacity }, { requiredKeys: [] });
      await fc.assert(
        fc.asyncProperty(fc.array(candidate, { maxLength: 3 }), async (candidates) => {
          const valid =
            candidates.length >= 1 &&
            candidates.every(
              (c) => typeof c.pubkey === 'string' && PUBKEY_RE.test(c.pubkey) && (c.capacity === undefined || (typeof c.capacity === 'number' && Number.isInteger(c.capacity) && c.capacity >= 20_000 && c.capacity <= 2_100_000_000_000_000)),
            );
          // Only invalid bodies are sent through the simulation-free path; a valid one costs a simulation per peer.
          fc.pre(!valid);
          const res = await request(http).post(`/api/v1/node/${SMALL}/channel-candidates/evaluate`).send({ candidates });
          expectStatus(res, 400, `evaluate ${JSON.stringify(candidates)}`);
        }),
        { numRuns: 60 },
      );
    });

    it('bulk pubkey arrays: malformed and unknown pubkeys fail their item, never the request', async () => {
      const item = fc.oneof({ weight: 3, arbitrary: malformedPubkey }, { weight: 2, arbitrary: unknownPubkey }, { weight: 2, arbitrary: knownPubkey });
      await fc.assert(
        fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 50 }), fc.subarray(['basic', 'network_position', 'recommendations'], { minLength: 1 }), async (pubkeys, types) => {
          const res = await request(http).post('/api/v1/nodes/bulk-analysis').send({ pubkeys, analysis_types: types });
          expectStatus(res, 200, `bulk ${JSON.stringify(pubkeys).slice(0, 200)}`);
          const b = res.body;
          expect(b.successful + b.failed).toBe(b.total_analyzed);
          // Case-insensitive de-duplication; each duplicated pubkey is listed once.
          expect(b.total_analyzed).toBe(new Set(pubkeys.map((p) => p.toLowerCase())).size);
          expect(new Set(b.duplicates_removed)).toEqual(new Set(pubkeys.map((p) => p.toLowerCase()).filter((p, i, all) => all.indexOf(p) !== i)));
          expect(b.results).toHaveLength(b.successful);
          expect(b.errors).toHaveLength(b.failed);
          const analysed = new Set((b.results as Array<{ pubkey: string }>).map((r) => r.pubkey));
          for (const pk of pubkeys) if (KNOWN.includes(pk.toLowerCase())) expect(analysed.has(pk.toLowerCase())).toBe(true);
          expect(b.successful).toBeLessThanOrEqual(new Set(pubkeys.filter((p) => PUBKEY_RE.test(p)).map((p) => p.toLowerCase())).size);
        }),
        { numRuns: 40 },
      );
    });

    it('bulk bodies that are not arrays of strings, or of the wrong size, are a 400', async () => {
      const notStrings = fc.array(fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.object({ maxDepth: 1 }), fc.array(fc.string(), { maxLength: 2 })), { minLength: 1, maxLength: 5 });
      const mixed = fc.tuple(fc.array(knownPubkey, { maxLength: 3 }), notStrings).map(([a, b]) => [...a, ...b]);
      const body = fc.oneof(
        mixed.map((pubkeys) => ({ pubkeys })),
        fc.constant({ pubkeys: [] }),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 })).map((pubkeys) => ({ pubkeys })),
        fc.constant({}),
        fc.constant({ pubkeys: Array.from({ length: 10_001 }, (_, i) => `02${i.toString(16).padStart(64, '0')}`) }),
        fc.tuple(fc.constantFrom([SMALL]), fc.constantFrom([], ['basic', 'basic'], ['Basic'], ['everything'], 'basic')).map(([pubkeys, analysis_types]) => ({ pubkeys, analysis_types })),
      );
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          expectStatus(await request(http).post('/api/v1/nodes/bulk-analysis').send(b), 400, `bulk ${JSON.stringify(b).slice(0, 200)}`);
        }),
        { numRuns: 40 },
      );
    });
  });

  describe('amounts, budgets and sizes at and beyond their bounds', () => {
    const CONTEXTS = ['beginner', 'intermediate', 'expert'];
    const GOALS = ['routing_revenue', 'connectivity', 'liquidity', 'reliability', 'cost_optimization'];
    const TIMEFRAMES = ['immediate', '1-2 weeks', '1 month', '3+ months'];
    const MAX_SATS = 2_100_000_000_000_000;
    const absent = fc.constantFrom(undefined, null);
    const number = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1, 10, 11, MAX_SATS, MAX_SATS + 1, Number.MAX_SAFE_INTEGER, 1e300, -1, 0.5, 2.5));
    const body = fc.record(
      {
        budget_limit: fc.oneof(absent, number, fc.integer({ min: 0, max: MAX_SATS }), fc.constantFrom('1000', true, [], {})),
        max_actions: fc.oneof(absent, number, fc.integer({ min: 1, max: 10 }), fc.constantFrom('5', false)),
        context: fc.oneof(absent, fc.constantFrom(...CONTEXTS), fc.constantFrom('Beginner', 'guru', '', 1)),
        goals: fc.oneof(absent, fc.uniqueArray(fc.constantFrom(...GOALS), { minLength: 1 }), fc.array(fc.oneof(fc.constantFrom(...GOALS), fc.string({ maxLength: 12 })), { maxLength: 6 }), fc.constantFrom('connectivity', {})),
        timeframe_preference: fc.oneof(absent, fc.constantFrom(...TIMEFRAMES), fc.constantFrom('soon', '1 MONTH', 3)),
      },
      { requiredKeys: [] },
    );
    const isIntIn = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    const ok = (v: unknown, test: (v: unknown) => boolean) => v === undefined || v === null || test(v);
    const isValid = (b: Record<string, unknown>) =>
      ok(b.budget_limit, (v) => isIntIn(v, 0, MAX_SATS)) &&
      ok(b.max_actions, (v) => isIntIn(v, 1, 10)) &&
      ok(b.context, (v) => CONTEXTS.includes(v as string)) &&
      ok(b.timeframe_preference, (v) => TIMEFRAMES.includes(v as string)) &&
      ok(b.goals, (v) => Array.isArray(v) && v.length > 0 && new Set(v).size === v.length && v.every((g) => GOALS.includes(g)));

    it('priorities: 200 with at most max_actions actions within budget_limit when every field is valid, 400 otherwise', async () => {
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const res = await request(http).post(`/api/v1/node/${SMALL}/priorities`).send(b);
          const valid = isValid(b);
          expectStatus(res, valid ? 200 : 400, `priorities ${JSON.stringify(b)}`);
          if (!valid) return;
          expect(res.body.priority_actions.length).toBeLessThanOrEqual(typeof b.max_actions === 'number' ? b.max_actions : 5);
          // The budget covers fees spent and capital committed to new channels.
          if (typeof b.budget_limit === 'number') expect(res.body.total_estimated_cost + res.body.total_committed_capital).toBeLessThanOrEqual(b.budget_limit);
        }),
        { numRuns: 70 },
      );
    });

    it('bulk priorities_request follows the same rules (nested validation)', async () => {
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const res = await request(http).post('/api/v1/nodes/bulk-analysis').send({ pubkeys: [SMALL], analysis_types: ['basic'], priorities_request: b });
          expectStatus(res, isValid(b) ? 200 : 400, `bulk priorities_request ${JSON.stringify(b)}`);
        }),
        { numRuns: 60 },
      );
    });

    /** A query integer as the app reads it: decimal digits only (an optional minus where negatives are read). */
    const queryValue = fc.oneof(
      fc.integer({ min: -5, max: 1100 }).map(String),
      fc.constantFrom('0', '1', '50', '51', '1000', '1001', '-1', '-0', '05', '1.0', '2.5', '1e2', ' 5', '+5', '0x10', 'ten', '', '９', '99999999999999999999'),
      fc.string({ maxLength: 6 }),
    );
    const intIn = (s: string, min: number, max: number, signed: boolean) => (signed ? /^-?\d+$/ : /^\d+$/).test(s) && Number(s) >= min && Number(s) <= max;

    it('search limit: 200 for an integer in 1..50, 400 otherwise (including repeated parameters)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(queryValue.map((v) => [v]), fc.tuple(queryValue, queryValue)), async (values) => {
          const qs = values.map((v) => `limit=${encodeURIComponent(v)}`).join('&');
          const res = await request(http).get(`/api/v1/nodes/search?q=ACI&${qs}`);
          expectStatus(res, values.length === 1 && intIn(values[0], 1, 50, true) ? 200 : 400, `search ${qs}`);
          if (res.status === 200) expect(res.body.results.length).toBeLessThanOrEqual(Number(values[0]));
        }),
        { numRuns: 80 },
      );
    });

    it('bulk job page and page_size: 200 within bounds, 400 beyond', async () => {
      await fc.assert(
        fc.asyncProperty(fc.option(queryValue, { nil: undefined }), fc.option(queryValue, { nil: undefined }), async (page, size) => {
          const qs = [page !== undefined && `page=${encodeURIComponent(page)}`, size !== undefined && `page_size=${encodeURIComponent(size)}`].filter(Boolean).join('&');
          const res = await request(http).get(`/api/v1/nodes/bulk-analysis/${jobId}?${qs}`);
          const valid = (page === undefined || intIn(page, 0, Number.MAX_SAFE_INTEGER, false)) && (size === undefined || intIn(size, 1, 1000, false));
          expectStatus(res, valid ? 200 : 400, `job status ${qs}`);
        }),
        { numRuns: 80 },
      );
    });

    it('channel-candidates limit and min_capacity: 400 beyond bounds, before any simulation', async () => {
      await fc.assert(
        fc.asyncProperty(fc.option(queryValue, { nil: undefined }), fc.option(queryValue, { nil: undefined }), async (limit, min) => {
          const valid = (limit === undefined || intIn(limit, 1, 50, true)) && (min === undefined || intIn(min, 0, 2_100_000_000_000_000, true));
          // Valid queries run the simulation (~0.5 s each): the spec-driven suite covers those.
          fc.pre(!valid);
          const qs = [limit !== undefined && `limit=${encodeURIComponent(limit)}`, min !== undefined && `min_capacity=${encodeURIComponent(min)}`].filter(Boolean).join('&');
          expectStatus(await request(http).get(`/api/v1/node/${SMALL}/channel-candidates?${qs}`), 400, `channel-candidates ${qs}`);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('enum values', () => {
    const CATEGORIES = ['revenue', 'connectivity', 'liquidity', 'operational', 'cost'];
    const PRIORITIES = ['critical', 'high', 'medium', 'low'];
    const enumValue = (valid: string[]) =>
      fc.oneof(fc.constantFrom(...valid), fc.constantFrom(...valid).map((v) => v.toUpperCase()), fc.constantFrom(...valid).map((v) => ` ${v}`), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));

    it('recommendations category and priority: 200 for enum members (and only matching advice), 400 otherwise', async () => {
      await fc.assert(
        fc.asyncProperty(fc.option(enumValue(CATEGORIES), { nil: undefined }), fc.option(enumValue(PRIORITIES), { nil: undefined }), fc.constantFrom('en', 'fr', 'de', '*', 'xx-YY;q=0.1', ''), async (category, priority, lang) => {
          const qs = [category !== undefined && `category=${encodeURIComponent(category)}`, priority !== undefined && `priority=${encodeURIComponent(priority)}`].filter(Boolean).join('&');
          const res = await request(http).get(`/api/v1/node/${COINGATE}/recommendations?${qs}`).set('Accept-Language', lang);
          const valid = (category === undefined || CATEGORIES.includes(category)) && (priority === undefined || PRIORITIES.includes(priority));
          expectStatus(res, valid ? 200 : 400, `recommendations ${qs} (${lang})`);
          if (res.status !== 200) return;
          for (const r of res.body.recommendations as Array<{ category: string; priority: string }>) {
            if (category) expect(r.category).toBe(category);
            if (priority) expect(r.priority).toBe(priority);
          }
        }),
        { numRuns: 50 },
      );
    });

    it('boolean query flags accept exactly true and false', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('include_historical', 'use_cache'), fc.oneof(fc.constantFrom('true', 'false', 'TRUE', '1', '0', 'yes', '', 'null'), fc.string({ maxLength: 6 })), async (flag, value) => {
          const res = await request(http).get(`/api/v1/node/${SMALL}/info?${flag}=${encodeURIComponent(value)}`);
          expectStatus(res, value === 'true' || value === 'false' ? 200 : 400, `info ${flag}=${JSON.stringify(value)}`);
        }),
        { numRuns: 40 },
      );
    });
  });

  describe('huge and deeply nested bodies', () => {
    const posts = [`/api/v1/node/${SMALL}/priorities`, `/api/v1/node/${SMALL}/channel-candidates/evaluate`, '/api/v1/nodes/bulk-analysis'];

    it('any JSON value as a body: never a 5xx, a problem for every 4xx', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...posts), fc.jsonValue({ maxDepth: 6 }), async (path, value) => {
          const res = await request(http).post(path).set('Content-Type', 'application/json').send(JSON.stringify(value));
          expectSound(res, `POST ${path} ${JSON.stringify(value).slice(0, 200)}`);
          // Only an object can be a valid body (and only the priorities body has no required field).
          if (value === null || typeof value !== 'object' || Array.isArray(value)) expect(res.status).toBe(400);
        }),
        { numRuns: 120 },
      );
    });

    it('deep nesting in every field: a 400, never a stack overflow', async () => {
      const nested = (depth: number, open: string, close: string, leaf = '1') => open.repeat(depth) + leaf + close.repeat(depth);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...posts),
          fc.constantFrom('goals', 'pubkeys', 'candidates', 'priorities_request', 'budget_limit', 'unexpected'),
          fc.constantFrom(100, 5_000, 50_000, 150_000),
          fc.boolean(),
          async (path, field, depth, arrays) => {
            const inner = arrays ? nested(depth, '[', ']') : nested(depth, '{"a":', '}');
            const res = await request(http).post(path).set('Content-Type', 'application/json').send(`{"${field}":${inner}}`);
            expectStatus(res, 400, `POST ${path} ${field} nested ${depth} ${arrays ? 'arrays' : 'objects'}`);
          },
        ),
        { numRuns: 30 },
      );
    });

    it('bodies over the limit are a 413, malformed JSON a 400, both problems', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...posts),
          fc.oneof(
            fc.constantFrom(1_100_000, 3_000_000).map((n) => ({ body: `{"pubkeys":["${'0'.repeat(n)}"]}`, status: 413 })),
            fc.constantFrom('{', '{"goals":', '[1,2', '{"a":1,}', "{'a':1}", 'nul', '{"a":1}}', '\u0000', '{"budget_limit":1e999999}').map((body) => ({ body, status: 400 })),
          ),
          async (path, { body, status }) => {
            const res = await request(http).post(path).set('Content-Type', 'application/json').send(body);
            expectStatus(res, status, `POST ${path} ${body.slice(0, 40)}…(${body.length} bytes)`);
          },
        ),
        { numRuns: 30 },
      );
    });
  });

  describe('unicode and control characters in query strings', () => {
    const controls = fc.constantFrom('\u0000', '\u0001', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f', '\u2028', '\u2029');
    const text = fc.string({ unit: fc.oneof({ weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: controls }, { weight: 1, arbitrary: fc.constantFrom(' ', '%', '&', '=', '+', '#', '?', '/', '\\', '"', "'", '<', '>') }), maxLength: 80 });

    it('search q: 200 for 1–66 characters without control characters after trimming, 400 otherwise', async () => {
      await fc.assert(
        fc.asyncProperty(text, async (q) => {
          const res = await request(http).get(`/api/v1/nodes/search?q=${encodeURIComponent(q)}`);
          const t = q.trim();
          const valid = t.length >= 1 && t.length <= 66 && !CONTROL_RE.test(t);
          expectStatus(res, valid ? 200 : 400, `search q=${JSON.stringify(q)}`);
        }),
        { numRuns: 150 },
      );
    });

    it('raw, malformed percent-encodings in any query: never a 5xx', async () => {
      const raw = fc.constantFrom('%', '%F', '%FF', '%C3%28', '%E2%82', '%ED%A0%80', '%00', '%0A', '%u0041', '%%41', '%2', '%ZZ', 'a%20b', '%EF%BF%BF');
      const target = fc.constantFrom('/api/v1/nodes/search?q=', '/api/v1/nodes/search?q=ACI&limit=', `/api/v1/node/${SMALL}/recommendations?category=`, `/api/v1/node/${SMALL}/info?use_cache=`, '/api/v1/health?verbose=', `/api/v1/nodes/bulk-analysis/${'0'.repeat(8)}?page=`);
      await fc.assert(
        fc.asyncProperty(target, fc.array(raw, { minLength: 1, maxLength: 3 }), async (prefix, parts) => {
          const url = prefix + parts.join('');
          expectSound(await request(http).get(url), `GET ${url}`);
        }),
        { numRuns: 60 },
      );
    });
  });
});
