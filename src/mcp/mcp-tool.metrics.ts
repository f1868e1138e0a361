import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { RequestMetricsService } from '../metrics/request-metrics.service';

/**
 * MCP tool calls by tool and outcome (`ok` or the problem code), beside the HTTP series of `POST /mcp`, which
 * cannot tell one tool from another.
 */
@Injectable()
export class McpToolMetrics {
  private readonly calls: Counter<'tool' | 'outcome'>;
  private readonly duration: Histogram<'tool'>;

  constructor(metrics: RequestMetricsService) {
    this.calls = new Counter({ name: 'mcp_tool_calls_total', help: 'MCP tool calls by tool and outcome (ok or the problem code)', labelNames: ['tool', 'outcome'], registers: [metrics.registry] });
    this.duration = new Histogram({ name: 'mcp_tool_call_duration_seconds', help: 'MCP tool call duration by tool', labelNames: ['tool'], registers: [metrics.registry] });
  }

  record(tool: string, outcome: string, seconds: number): void {
    this.calls.inc({ tool, outcome });
    this.duration.observe({ tool }, seconds);
  }
}
