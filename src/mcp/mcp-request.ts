import type { Request } from 'express';
import { EXPENSIVE_TOOLS } from './tools/mcp-tools';

/** The JSON-RPC messages of a POST /mcp body (a batch is an array), as far as they can be read. */
function messages(body: unknown): unknown[] {
  return Array.isArray(body) ? body : body !== undefined ? [body] : [];
}

function toolCalled(message: unknown): string | null {
  if (!message || typeof message !== 'object') return null;
  const m = message as { method?: unknown; params?: { name?: unknown } };
  return m.method === 'tools/call' && typeof m.params?.name === 'string' ? m.params.name : null;
}

/** A tools/call of a tool whose REST route is expensive: the request counts against the expensive tier too. */
export function isExpensiveMcpRequest(req: Request): boolean {
  return messages(req.body).some((m) => {
    const name = toolCalled(m);
    return name !== null && EXPENSIVE_TOOLS.has(name);
  });
}

/**
 * How many tool calls one HTTP request may carry. Rate limits count HTTP requests: a batch of a hundred
 * tools/call would run a hundred analyses for one count, so a batch carries at most one.
 */
export const MAX_TOOL_CALLS_PER_REQUEST = 1;

export function toolCallCount(body: unknown): number {
  return messages(body).filter((m) => toolCalled(m) !== null || (m as { method?: unknown } | null)?.method === 'tools/call').length;
}
