#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startStdioProxy } from './stdio-proxy';

const USAGE = `Usage: ln-intelligence-mcp [--url http://localhost:8000] [--api-key KEY]
  Serves the Lightning node intelligence MCP tools on stdin/stdout, proxying to a running service.
  --url       the service (its /mcp endpoint is used) or the /mcp URL itself; default $LN_INTELLIGENCE_URL or http://localhost:8000
  --api-key   one of the service's API_KEYS; default $LN_INTELLIGENCE_API_KEY (prefer the variable: arguments show in ps)`;

/** The /mcp endpoint of the service at `raw`; a URL that already names it is kept. */
export function mcpEndpoint(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--url must be http(s), got ${url.protocol}`);
  if (!/\/mcp\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/mcp`;
  return url;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, 'api-key': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const url = mcpEndpoint(values.url ?? process.env.LN_INTELLIGENCE_URL ?? 'http://localhost:8000');
  const apiKey = values['api-key'] ?? process.env.LN_INTELLIGENCE_API_KEY;
  const proxy = await startStdioProxy({ url, apiKey: apiKey || undefined });
  process.stdin.once('end', () => void proxy.close().then(() => process.exit(0)));
  process.stderr.write(`ln-intelligence-mcp: proxying stdio to ${url.origin}${url.pathname}${apiKey ? ' with an API key' : ''}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`ln-intelligence-mcp: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exit(1);
  });
}
