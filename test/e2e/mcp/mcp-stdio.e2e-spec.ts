import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mcpEndpoint } from '../../../src/mcp/stdio/main';
import { createSecuredTestApp } from '../security/secured-test-app';
import { serverErrorRoutes } from '../../utils/test-app';
import { expectMatchesOutputSchema, mcpUrl, problemOf, text } from './mcp-test-client';

const KEY = 'mcp-stdio-key-0123456789abcdef';
const ROOT = join(__dirname, '..', '..', '..');
const SMALL = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';

/** The stdio entry as a desktop client starts it (`npm run mcp -- --url … --api-key …`), from the sources. */
function stdioClient(args: string[], env: Record<string, string> = {}): { client: Client; transport: StdioClientTransport; stderr: string[] } {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/mcp/stdio/main.ts'), ...args],
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
  });
  const stderr: string[] = [];
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return { client: new Client({ name: 'e2e-stdio', version: '1.0.0' }), transport, stderr };
}

describe('the stdio entry, end to end against a running app', () => {
  let app: NestExpressApplication;
  let base: string;

  beforeAll(async () => {
    app = await createSecuredTestApp({ API_KEYS: KEY, GRAPH_HISTORY_SNAPSHOTS: '', RATE_LIMIT_PER_MINUTE: '1000', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000' });
    base = (await mcpUrl(app)).origin;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('proxies initialize, tools/list, tool calls, tool errors, resources and prompts with the API key', async () => {
    const { client, transport, stderr } = stdioClient(['--url', base], { LN_INTELLIGENCE_API_KEY: KEY });
    await client.connect(transport);
    try {
      expect(client.getServerVersion()?.name).toBe('ln-node-intelligence');
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('plan_priorities');
      const found = await client.callTool({ name: 'find_node', arguments: { q: 'ACINQ', limit: 1 } });
      expectMatchesOutputSchema('find_node', found as never);
      expect(text(found as never)).toContain('"ACINQ"');
      const info = await client.callTool({ name: 'get_node_info', arguments: { pubkey: SMALL } });
      expectMatchesOutputSchema('get_node_info', info as never);
      expect(problemOf((await client.callTool({ name: 'get_node_info', arguments: { pubkey: 'nope' } })) as never)).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((await client.listResources()).resources.map((r) => r.uri)).toEqual(['lnintel://network/stats']);
      expect((await client.getPrompt({ name: 'review_my_node', arguments: { pubkey: SMALL } })).messages).toHaveLength(1);
    } finally {
      await client.close();
    }
    expect(stderr.join('')).toContain(`proxying stdio to ${base}/mcp with an API key`);
    expect(stderr.join('')).not.toContain(KEY);
  });

  it('with a wrong key (--api-key), the client gets a JSON-RPC error naming HTTP 401 instead of hanging', async () => {
    const { client, transport, stderr } = stdioClient(['--url', `${base}/mcp`, '--api-key', 'wrong-key-0123456789abcdef']);
    await expect(client.connect(transport)).rejects.toThrow(/HTTP 401/);
    await client.close();
    expect(stderr.join('')).toMatch(/HTTP 401/);
    expect(stderr.join('')).not.toContain('wrong-key-0123456789abcdef');
  });

  it('finds the endpoint from the service URL or takes the /mcp URL as given', () => {
    expect(mcpEndpoint('http://localhost:8000').href).toBe('http://localhost:8000/mcp');
    expect(mcpEndpoint('https://intel.example.org/base/').href).toBe('https://intel.example.org/base/mcp');
    expect(mcpEndpoint('http://localhost:8000/mcp').href).toBe('http://localhost:8000/mcp');
    expect(() => mcpEndpoint('file:///etc/passwd')).toThrow(/http\(s\)/);
  });

  it('answered no 5xx', () => {
    expect(serverErrorRoutes(app)).toEqual([]);
  });
});
