import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response } from 'express';
import { ExpensiveRoute } from '../throttling/expensive-route.decorator';
import { isExpensiveMcpRequest, MAX_TOOL_CALLS_PER_REQUEST, toolCallCount } from './mcp-request';
import { McpServerFactory } from './mcp-server.factory';

/** Where the MCP endpoint lives: outside the /api/v1 prefix, as MCP clients expect. */
export const MCP_PATH = 'mcp';

/**
 * The Model Context Protocol over Streamable HTTP, stateless: every POST gets its own server and transport, so
 * any instance answers any request and nothing is kept between them. A Nest route, so API keys, both rate-limit
 * tiers (the expensive one for tools whose REST route is expensive), trusted hosts, request ids, metrics and logs
 * apply as to the REST API. GET (a server-to-client stream) and DELETE (ending a session) are not offered by a
 * stateless server: they answer 405 with `Allow: POST`, as the transport specification provides.
 * Not part of openapi.json: it is a JSON-RPC endpoint, described by the MCP specification and tools/list.
 */
@ApiExcludeController()
@Controller(MCP_PATH)
export class McpController {
  constructor(private readonly servers: McpServerFactory) {}

  @Post()
  @ExpensiveRoute(isExpensiveMcpRequest)
  async handle(@Req() req: Request & { id?: unknown }, @Res() res: Response): Promise<void> {
    if (toolCallCount(req.body) > MAX_TOOL_CALLS_PER_REQUEST) {
      res.status(400).json({ jsonrpc: '2.0', error: { code: -32600, message: `Invalid Request: a batch may carry at most ${MAX_TOOL_CALLS_PER_REQUEST} tools/call (rate limits count HTTP requests)` }, id: null });
      return;
    }
    const server = this.servers.create({ requestId: req.id !== undefined ? String(req.id) : undefined });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.once('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  }
}
