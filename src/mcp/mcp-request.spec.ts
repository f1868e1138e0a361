import type { Request } from 'express';
import { isExpensiveMcpRequest, toolCallCount } from './mcp-request';

const call = (name: unknown) => ({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: {} } });
const req = (body: unknown) => ({ body }) as Request;

describe('classifying POST /mcp bodies for the rate limits', () => {
  it('a tools/call of a tool whose REST route is expensive is expensive, alone or in a batch', () => {
    for (const name of ['plan_priorities', 'suggest_channel_candidates', 'evaluate_channel_candidates']) {
      expect(isExpensiveMcpRequest(req(call(name)))).toBe(true);
      expect(isExpensiveMcpRequest(req([{ jsonrpc: '2.0', id: 2, method: 'ping' }, call(name)]))).toBe(true);
    }
  });

  it('cheap tools, other methods, unknown tools and malformed bodies are not', () => {
    for (const body of [call('find_node'), call('get_recommendations'), call('no_such_tool'), call(42), { method: 'tools/list' }, [], null, undefined, 'plan_priorities', 7, [null, 3]]) {
      expect(isExpensiveMcpRequest(req(body))).toBe(false);
    }
  });

  it('counts tool calls, named or not, in a message or a batch', () => {
    expect(toolCallCount(call('find_node'))).toBe(1);
    expect(toolCallCount([call('find_node'), call('plan_priorities'), { method: 'tools/call' }, { method: 'ping' }])).toBe(3);
    expect(toolCallCount(undefined)).toBe(0);
    expect(toolCallCount([null, 'x', 1])).toBe(0);
  });
});
