import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponsesDescribed } from '../common/errors/api-problem-responses.decorator';
import type { Response } from 'express';
import { HealthChecksService } from './health-checks.service';
import { HealthQuery, HealthResponseDto, ProbeResponseDto } from './health.dto';

/**
 * Probes set the status code themselves (503 only when unhealthy / not ready), with the body in the product
 * document's shape; `passthrough` keeps Nest's serialisation and interceptors.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecksService) {}

  /**
   * Service health in the product document's shape; 503 only when `unhealthy`. Open to probes without a key;
   * `verbose=true` needs a valid API key when API_KEYS is set, and is rate limited like other routes.
   */
  @Get()
  @ApiOkResponse({ type: HealthResponseDto, description: 'healthy or degraded' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'unhealthy: the graph is not loaded' })
  @ApiProblemResponsesDescribed(
    { 401: '`verbose` asked for without a valid API key while API_KEYS is set (code UNAUTHORIZED)', 429: '`verbose` asked for past the rate limit (code RATE_LIMITED)' },
    400,
    401,
    429,
  )
  async getHealth(@Query() q: HealthQuery, @Res({ passthrough: true }) res: Response): Promise<HealthResponseDto> {
    const body = await this.checks.report(q.verbose ?? false);
    if (body.status === 'unhealthy') res.status(503);
    return body;
  }

  /** Liveness: the process answers. */
  @Get('live')
  @ApiOkResponse({ type: ProbeResponseDto })
  getLiveness(): ProbeResponseDto {
    return { status: 'ok', uptime_seconds: this.checks.uptimeSeconds() };
  }

  /** Readiness: 200 once the graph is loaded, 503 before. */
  @Get('ready')
  @ApiOkResponse({ type: ProbeResponseDto })
  @ApiServiceUnavailableResponse({ type: ProbeResponseDto })
  async getReadiness(@Res({ passthrough: true }) res: Response): Promise<ProbeResponseDto> {
    const ready = await this.checks.ready();
    if (!ready) res.status(503);
    return { status: ready ? 'ok' : 'error', uptime_seconds: this.checks.uptimeSeconds() };
  }
}
