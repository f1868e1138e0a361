import { Module, OnModuleInit } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { UpstreamMetrics } from '../clients/common/upstream-metrics.service';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MetricsController } from './metrics.controller';
import { LlmUsageMetrics } from './llm-usage.metrics';
import { RequestMetricsService } from './request-metrics.service';
import { TimingInterceptor } from './timing.interceptor';

@Module({
  imports: [ClientsModule],
  controllers: [MetricsController],
  providers: [RequestMetricsService, LlmUsageMetrics, { provide: APP_INTERCEPTOR, useClass: TimingInterceptor }],
  exports: [RequestMetricsService, LlmUsageMetrics],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly requests: RequestMetricsService,
    private readonly upstreams: UpstreamMetrics,
  ) {}

  /** Upstream series go into the same registry, so /metrics/prometheus exposes everything. */
  onModuleInit(): void {
    this.upstreams.registerInto(this.requests.registry);
  }
}
