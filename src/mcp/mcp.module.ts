import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { GraphModule } from '../graph/graph.module';
import { HealthModule } from '../health/health.module';
import { IntelligenceModule } from '../intelligence/intelligence.module';
import { MetricsModule } from '../metrics/metrics.module';
import { SearchModule } from '../search/search.module';
import { McpController } from './mcp.controller';
import { McpServerFactory } from './mcp-server.factory';
import { McpToolMetrics } from './mcp-tool.metrics';

/** The service as a Model Context Protocol server at POST /mcp (stdio clients: `npm run mcp`, src/mcp/stdio). */
@Module({
  imports: [GraphModule, IntelligenceModule, SearchModule, DashboardModule, HealthModule, MetricsModule],
  controllers: [McpController],
  providers: [McpServerFactory, McpToolMetrics],
})
export class McpModule {}
