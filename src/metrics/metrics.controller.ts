import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MetricsResponseDto } from './metrics.dto';
import { UpstreamMetrics } from '../clients/common/upstream-metrics.service';
import { LlmUsageMetrics } from './llm-usage.metrics';
import { RequestMetricsService } from './request-metrics.service';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: RequestMetricsService,
    private readonly upstreams: UpstreamMetrics,
    private readonly llm: LlmUsageMetrics,
  ) {}

  /** Service performance: request count, mean latency (seconds), cache hit ratio, error rate, per-route percentiles. */
  @Get()
  @ApiOkResponse({ type: MetricsResponseDto })
  getMetrics(): MetricsResponseDto {
    return { ...this.metrics.summary(), upstreams: this.upstreams.snapshot().upstreams, llm: this.llm.snapshot() };
  }

  /** The same measurements in the Prometheus text exposition format, with latency histograms. */
  @Get('prometheus')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format', schema: { type: 'string' } })
  getPrometheusMetrics(): Promise<string> {
    return this.metrics.prometheus();
  }
}
