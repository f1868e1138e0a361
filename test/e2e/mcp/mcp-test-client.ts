import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import TOOL_SCHEMAS from '../../../src/mcp/tool-schemas.json';

/** The MCP endpoint of an app listening on a free loopback port. */
export async function mcpUrl(app: NestExpressApplication): Promise<URL> {
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return new URL(`http://127.0.0.1:${port}/mcp`);
}

/** The SDK's own client over Streamable HTTP, as a desktop assistant or an agent connects. */
export async function connectClient(url: URL, apiKey?: string): Promise<Client> {
  const client = new Client({ name: 'e2e', version: '1.0.0' });
  try {
    await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: apiKey ? { 'X-API-Key': apiKey } : {} } }));
  } catch (err) {
    await client.close();
    throw err;
  }
  return client;
}

const ajv = new Ajv2020({ strict: true, allErrors: true, strictTypes: false });
addFormats(ajv);
const tools = (TOOL_SCHEMAS as unknown as { tools: Record<string, { output: object }> }).tools;
const validators = new Map(Object.entries(tools).map(([name, t]) => [name, ajv.compile(t.output)]));

/** Fails with Ajv's errors unless the tool's structured content matches its output schema. */
export function expectMatchesOutputSchema(tool: string, result: CallToolResult): void {
  const validate = validators.get(tool);
  if (!validate) throw new Error(`no output schema for ${tool}`);
  if (!validate(result.structuredContent)) throw new Error(`${tool}: structuredContent does not match its output schema: ${ajv.errorsText(validate.errors)}`);
}

/** The problem details a tool error carries (its second text block). */
export function problemOf(result: CallToolResult): { code: string; status: number; detail: string; errors?: Array<{ field: string; message: string }>; request_id?: string } {
  expect(result.isError).toBe(true);
  const block = result.content[1];
  if (block?.type !== 'text') throw new Error(`tool error without problem details: ${JSON.stringify(result.content)}`);
  return JSON.parse(block.text);
}

export const text = (result: CallToolResult): string => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
