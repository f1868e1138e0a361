import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export interface StdioProxyOptions {
  /** The service's MCP endpoint, e.g. http://localhost:8000/mcp. */
  url: URL;
  /** Sent as X-API-Key on every request; never printed. */
  apiKey?: string;
  stdin?: Readable;
  stdout?: Writable;
  /** Where the proxy reports trouble (stdout carries the protocol): stderr by default. */
  log?: (line: string) => void;
}

export interface StdioProxy {
  close(): Promise<void>;
}

type Request = { jsonrpc: '2.0'; id: string | number; method: string };
const isRequest = (m: JSONRPCMessage): m is JSONRPCMessage & Request => 'method' in m && 'id' in m;
const isResultFor = (m: JSONRPCMessage, id: string | number): m is JSONRPCMessage & { result: { protocolVersion?: unknown } } => 'result' in m && 'id' in m && m.id === id;

/**
 * A desktop client that speaks MCP over stdio talks to a running service through this: every message read on
 * stdin is POSTed to the service's Streamable HTTP endpoint (with the API key), every answer written to stdout.
 * Nothing is interpreted but the protocol version the service negotiated at initialisation, which later requests
 * must carry. When the service refuses a request (401, 429, unreachable), the client gets a JSON-RPC error
 * naming the HTTP status instead of waiting forever.
 */
export async function startStdioProxy(options: StdioProxyOptions): Promise<StdioProxy> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const upstream = new StreamableHTTPClientTransport(options.url, { requestInit: { headers: options.apiKey ? { 'X-API-Key': options.apiKey } : {} } });
  const local = new StdioServerTransport(options.stdin, options.stdout);
  const initializing = new Set<string | number>();

  local.onmessage = (message) => {
    if (isRequest(message) && message.method === 'initialize') initializing.add(message.id);
    upstream.send(message).catch((err: unknown) => {
      const status = err instanceof StreamableHTTPError ? err.code : undefined;
      const reason = err instanceof Error ? err.message : String(err);
      log(`ln-intelligence-mcp: ${options.url.origin}${options.url.pathname} refused a message${status ? ` (HTTP ${status})` : ''}: ${reason}`);
      if (!isRequest(message)) return;
      const error = { code: -32000, message: `The service answered ${status ? `HTTP ${status}` : 'nothing'}: ${reason}`, data: status ? { http_status: status } : undefined };
      void local.send({ jsonrpc: '2.0', id: message.id, error });
    });
  };
  upstream.onmessage = (message) => {
    for (const id of initializing) {
      if (!isResultFor(message, id)) continue;
      initializing.delete(id);
      if (typeof message.result.protocolVersion === 'string') upstream.setProtocolVersion(message.result.protocolVersion);
    }
    void local.send(message);
  };
  upstream.onerror = (err) => log(`ln-intelligence-mcp: ${err.message}`);
  local.onerror = (err) => log(`ln-intelligence-mcp: stdio: ${err.message}`);

  await upstream.start();
  await local.start();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await local.close();
    await upstream.close();
  };
  local.onclose = () => void close();
  return { close };
}
