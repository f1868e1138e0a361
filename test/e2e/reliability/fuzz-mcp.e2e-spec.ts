import { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import request, { Response } from 'supertest';
import { MCP_TOOLS } from '../../../src/mcp/tools/mcp-tools';
import { createTestApp, serverErrorRoutes } from '../../utils/test-app';
import { EVIL, hostileGraph, OTHER, PEER } from '../mcp/hostile-graph';

/**
 * Malformed JSON-RPC at POST /mcp: wrong versions, ids and params, unknown methods, batches up to far past the
 * transport's limit, bodies that are not JSON-RPC or not JSON, wrong headers, and tool arguments of every shape.
 * Whatever arrives: never a 5xx, never a crash (the app still answers afterwards), and every 200 is JSON-RPC.
 * On the three-node hostile graph, so that tool calls that do run stay cheap.
 */
const ACCEPT = 'application/json, text/event-stream';
const METHODS = ['initialize', 'ping', 'tools/list', 'tools/call', 'resources/list', 'resources/read', 'prompts/list', 'prompts/get', 'notifications/initialized', 'completion/complete', 'logging/setLevel', 'sampling/createMessage'];
const TOOLS = MCP_TOOLS.map((t) => t.name);
const PUBKEYS = [EVIL, PEER, OTHER];

const absent = Symbol('absent');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(absent));
const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== absent));

const message = fc
  .record({
    jsonrpc: maybe(fc.oneof(fc.constant('2.0'), fc.constant('1.0'), fc.constant('3.0'), fc.constant(2), fc.constant(null), fc.string({ maxLength: 5 }))),
    id: maybe(fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null), fc.double(), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }))),
    method: maybe(fc.oneof(fc.constantFrom(...METHODS), fc.string({ maxLength: 30 }), fc.integer())),
    params: maybe(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ name: fc.oneof(fc.constantFrom(...TOOLS), fc.string({ maxLength: 20 })), arguments: fc.jsonValue({ maxDepth: 3 }) }), fc.record({ protocolVersion: fc.oneof(fc.constantFrom('2025-06-18', '2025-03-26', '1999-01-01'), fc.string({ maxLength: 12 })), capabilities: fc.jsonValue({ maxDepth: 2 }), clientInfo: fc.jsonValue({ maxDepth: 2 }) }))),
    result: maybe(fc.jsonValue({ maxDepth: 2 })),
    error: maybe(fc.jsonValue({ maxDepth: 2 })),
  })
  .map(strip);

/** Tool arguments of every shape: valid-looking, wrong types, unknown fields, hostile strings. */
const toolArguments = fc.oneof(
  fc.dictionary(fc.constantFrom('pubkey', 'q', 'limit', 'language', 'candidates', 'goals', 'budget_limit', 'max_actions', 'verbose', 'include_historical', 'min_capacity', 'category', 'priority', 'context', '__proto__', 'constructor'), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...PUBKEYS), fc.constant([{ pubkey: OTHER }]))),
  fc.record({ pubkey: fc.constantFrom(...PUBKEYS), limit: fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), candidates: fc.array(fc.record({ pubkey: fc.oneof(fc.constantFrom(...PUBKEYS), fc.string({ maxLength: 70 })), capacity: fc.oneof(fc.integer(), fc.double()) }), { maxLength: 3 }) }),
  fc.jsonValue({ maxDepth: 3 }),
);

function expectNoServerError(res: Response, what: string): void {
  if (res.status >= 500) throw new Error(`${what} → ${res.status}: ${res.text.slice(0, 400)}`);
  if (res.status === 200 && res.text.length > 0) {
    const body = JSON.parse(res.text) as unknown;
    const messages = Array.isArray(body) ? body : [body];
    for (const m of messages) if ((m as { jsonrpc?: unknown }).jsonrpc !== '2.0') throw new Error(`${what} → 200 but not JSON-RPC: ${res.text.slice(0, 300)}`);
  }
}

describe('fuzzing /mcp with malformed JSON-RPC', () => {
  let app: NestExpressApplication;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    request(app.getHttpServer()).post('/mcp').set({ Accept: ACCEPT, 'Content-Type': 'application/json', 'MCP-Protocol-Version': '2025-06-18', ...headers }).send(typeof body === 'string' ? body : JSON.stringify(body));

  beforeAll(async () => {
    app = await createTestApp({ GRAPH_SNAPSHOT: hostileGraph(), GRAPH_HISTORY_SNAPSHOTS: '' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('messages and batches with bad versions, ids, methods and params: JSON-RPC errors, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(message, fc.array(message, { minLength: 0, maxLength: 12 })), fc.constantFrom('2025-06-18', '2025-03-26', 'garbage', ''), async (body, version) => {
        const res = await post(body, { 'MCP-Protocol-Version': version });
        expectNoServerError(res, JSON.stringify(body).slice(0, 300));
        // Malformed params are the client's fault: -32602, not -32603 (the SDK's own initialize is the one exception).
        const answers = res.status === 200 && res.text ? [JSON.parse(res.text)].flat() : [];
        const internal = answers.filter((a: { error?: { code: number } }) => a.error?.code === -32603);
        const onlyInitialize = [body].flat().every((m) => (m as { method?: unknown }).method === 'initialize' || !('id' in m));
        if (internal.length > 0 && !onlyInitialize) throw new Error(`internal error for ${JSON.stringify(body).slice(0, 300)}: ${res.text.slice(0, 300)}`);
      }),
      { numRuns: 150 },
    );
  });

  it('huge batches, up to ten times the transport limit', async () => {
    for (const size of [99, 100, 101, 150, 1000]) {
      for (const method of ['ping', 'tools/list', 'tools/call', 'notifications/initialized']) {
        const batch = Array.from({ length: size }, (_, i) => ({ jsonrpc: '2.0', ...(method.startsWith('notifications/') ? {} : { id: i }), method, params: method === 'tools/call' ? { name: 'get_network_stats', arguments: {} } : {} }));
        const res = await post(batch);
        expectNoServerError(res, `batch of ${size} ${method}`);
        if (method === 'tools/call' || size > 100) expect(res.status).toBe(400);
      }
    }
  });

  it('tool calls with arguments of every shape answer a result or a tool error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TOOLS), toolArguments, async (name, args) => {
        const res = await post({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } });
        expectNoServerError(res, `${name} ${JSON.stringify(args).slice(0, 300)}`);
        expect(res.status).toBe(200);
        // Arguments that are not an object are refused by the protocol layer (invalid params); any object reaches the tool.
        if (res.body.error) expect(res.body.error.code).toBe(-32602);
        else if (res.body.result.isError) expect(res.body.result._meta.problem.status).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
  });

  it('bodies that are not JSON-RPC, not JSON, too deep, or sent with the wrong headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.string({ maxLength: 200 })), async (body) => {
        expectNoServerError(await post(body), JSON.stringify(body).slice(0, 200));
      }),
      { numRuns: 100 },
    );
    const deep = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"find_node","arguments":{"q":"x","deep":${'['.repeat(5000)}${']'.repeat(5000)}}}}`;
    const deepRes = await post(deep);
    expectNoServerError(deepRes, 'arguments nested 5000 deep');
    expect(deepRes.body.result._meta.problem).toMatchObject({ code: 'VALIDATION_FAILED' });
    const ping = { jsonrpc: '2.0', id: 1, method: 'ping' };
    const wrongHeaders: Array<Record<string, string>> = [{ Accept: 'application/json' }, { Accept: 'text/html' }, { 'Content-Type': 'text/plain' }, { 'Content-Type': 'application/x-www-form-urlencoded' }];
    for (const headers of wrongHeaders) {
      const res = await post(ping, headers);
      expectNoServerError(res, JSON.stringify(headers));
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    expectNoServerError(await post('{"jsonrpc":"2.0","id":1,"method":"ping"'), 'truncated JSON');
    expectNoServerError(await post(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"find_node","arguments":{"q":"${'a'.repeat(2_000_000)}"}}}`), 'a body over the size limit');
  });

  it('still answers afterwards, and answered no 5xx', async () => {
    const res = await post({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'find_node', arguments: { q: 'Plain' } } }).expect(200);
    expect(res.body.result.structuredContent.results[0].pubkey).toBe(OTHER);
    await request(app.getHttpServer()).get('/api/v1/health/live').expect(200);
    expect(serverErrorRoutes(app)).toEqual([]);
  });
});
