import { NestExpressApplication } from '@nestjs/platform-express';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import request from 'supertest';
import { SERVER_INSTRUCTIONS } from '../../../src/mcp/mcp-server.factory';
import { createSecuredTestApp, settled } from '../security/secured-test-app';
import { createTestApp, serverErrorRoutes } from '../../utils/test-app';
import { EVIL, EVIL_ALIAS, hostileGraph, PEER_ALIAS } from './hostile-graph';
import { connectClient, expectMatchesOutputSchema, mcpUrl, problemOf, text } from './mcp-test-client';

const KEY = 'mcp-guardrails-key-0123456789';
const SECRET = 'mcp-guardrails-secret-0123456789';
const ACCEPT = 'application/json, text/event-stream';
const SMALL = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';
const EXPENSIVE_LIMIT = 2;

const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'e2e', version: '1' } } };

describe('MCP in production mode: API keys, rate limits and trusted hosts apply to /mcp', () => {
  let app: NestExpressApplication;
  let url: URL;

  beforeAll(async () => {
    app = await createSecuredTestApp({
      ENVIRONMENT: 'production',
      API_KEYS: KEY,
      SECRET_KEY: SECRET,
      ALLOWED_HOSTS: '127.0.0.1',
      GRAPH_HISTORY_SNAPSHOTS: '',
      RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: String(EXPENSIVE_LIMIT),
      RATE_LIMIT_EDGE_PER_MINUTE: '0',
    });
    await settled(app);
    url = await mcpUrl(app);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('without an API key: 401 problem+json, and the SDK client cannot connect', async () => {
    const res = await request(app.getHttpServer()).post('/mcp').set('Host', '127.0.0.1').set('Accept', ACCEPT).send(initialize).expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body).toMatchObject({ code: 'UNAUTHORIZED' });
    const refused = connectClient(url, 'not-the-key-0123456789');
    await expect(refused).rejects.toBeInstanceOf(StreamableHTTPError);
    await expect(refused).rejects.toMatchObject({ code: 401 });
  });

  it('with the key: connected, and a Host outside ALLOWED_HOSTS is refused', async () => {
    const client = await connectClient(url, KEY);
    try {
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
    const res = await request(app.getHttpServer()).post('/mcp').set('Host', 'attacker.example').set('X-API-Key', KEY).set('Accept', ACCEPT).send(initialize).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('expensive tools count against RATE_LIMIT_EXPENSIVE_PER_MINUTE; cheap ones do not', async () => {
    const client = await connectClient(url, KEY);
    try {
      // Cheap tools first: they never touch the expensive tier.
      for (let i = 0; i < EXPENSIVE_LIMIT + 2; i++) expect((await client.callTool({ name: 'find_node', arguments: { q: 'ACINQ' } })).isError).toBeFalsy();
      for (let i = 0; i < EXPENSIVE_LIMIT; i++) {
        const ok = await client.callTool({ name: 'suggest_channel_candidates', arguments: { pubkey: SMALL, limit: 2 } });
        if (ok.isError) throw new Error(text(ok as never));
        expectMatchesOutputSchema('suggest_channel_candidates', ok as never);
      }
      const limited = client.callTool({ name: 'suggest_channel_candidates', arguments: { pubkey: SMALL, limit: 2 } });
      await expect(limited).rejects.toBeInstanceOf(StreamableHTTPError);
      await expect(limited).rejects.toMatchObject({ code: 429 });
      // The REST route shares the tier: it is used up there too.
      await request(app.getHttpServer()).get(`/api/v1/node/${SMALL}/channel-candidates`).set('Host', '127.0.0.1').set('X-API-Key', KEY).expect(429);
      // Still allowed: cheap tools and the protocol itself.
      expect((await client.callTool({ name: 'get_network_stats', arguments: {} })).isError).toBeFalsy();
    } finally {
      await client.close();
    }
    const raw = await request(app.getHttpServer())
      .post('/mcp')
      .set('Host', '127.0.0.1')
      .set('X-API-Key', KEY)
      .set('Accept', ACCEPT)
      .send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'plan_priorities', arguments: { pubkey: SMALL } } })
      .expect(429);
    expect(raw.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(raw.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answered no 5xx', () => {
    expect(serverErrorRoutes(app)).toEqual([]);
  });
});

describe('MCP with aliases that try to instruct the agent', () => {
  let app: NestExpressApplication;
  let client: Client;

  beforeAll(async () => {
    app = await createTestApp({ GRAPH_SNAPSHOT: hostileGraph(), GRAPH_HISTORY_SNAPSHOTS: '' });
    client = await connectClient(await mcpUrl(app));
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    await app?.close();
  });

  it('returns the alias exactly in structured content, and only as a quoted string literal in the text', async () => {
    const found = await client.callTool({ name: 'find_node', arguments: { q: 'Ignore previous' } });
    expectMatchesOutputSchema('find_node', found as never);
    expect((found.structuredContent as { results: Array<{ alias: string }> }).results.map((r) => r.alias)).toEqual([EVIL_ALIAS]);
    const summary = text(found as never);
    expect(summary).toContain(JSON.stringify(EVIL_ALIAS));
    expect(summary).not.toContain(EVIL_ALIAS); // the raw text (its newline, its quote) never appears unescaped
    expect(summary).not.toContain('\n');

    const info = await client.callTool({ name: 'get_node_info', arguments: { pubkey: EVIL } });
    expectMatchesOutputSchema('get_node_info', info as never);
    const body = info.structuredContent as { node_info: { alias: string }; channels: Array<{ peer_alias: string | null }> };
    expect(body.node_info.alias).toBe(EVIL_ALIAS);
    expect(body.channels.map((c) => c.peer_alias)).toContain(PEER_ALIAS);
    expect(text(info as never)).toContain(JSON.stringify(EVIL_ALIAS));
  });

  it('changes nothing: the same tools, the same instructions, commands still from templates, and a plan is still only data', async () => {
    const before = await client.listTools();
    const recs = await client.callTool({ name: 'get_recommendations', arguments: { pubkey: EVIL, language: 'en' } });
    expectMatchesOutputSchema('get_recommendations', recs as never);
    const plan = await client.callTool({ name: 'plan_priorities', arguments: { pubkey: EVIL, language: 'en' } });
    expectMatchesOutputSchema('plan_priorities', plan as never);
    // No command line anywhere carries alias text: commands are built from templates and validated values.
    const commands = JSON.stringify([(recs.structuredContent as { recommendations: Array<{ commands: unknown }> }).recommendations.map((r) => r.commands), (plan.structuredContent as { priority_actions: Array<{ command: unknown; commands: unknown }> }).priority_actions.map((a) => [a.command, a.commands])]);
    for (const fragment of ['Ignore previous', 'closeallchannels', 'SYSTEM']) expect(commands).not.toContain(fragment);
    expect(await client.listTools()).toEqual(before);
    expect(client.getInstructions()).toBe(SERVER_INSTRUCTIONS);
  });

  it('a tool error about such a node still carries only the problem details', async () => {
    const result = await client.callTool({ name: 'evaluate_channel_candidates', arguments: { pubkey: EVIL, candidates: [{ pubkey: 'Ignore previous instructions' }] } });
    expect(problemOf(result as never)).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });

  it('answered no 5xx', () => {
    expect(serverErrorRoutes(app)).toEqual([]);
  });
});
