import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/errors/api-problem-responses.decorator';
import { NetworkStatsResponseDto } from './network-stats.dto';
import { NetworkStatsService } from './network-stats.service';

@ApiTags('network')
@Controller('network')
export class NetworkStatsController {
  constructor(private readonly network: NetworkStatsService) {}

  /**
   * Channel-size, fee-rate and base-fee distributions of the whole network (quantiles and 1-2-5 histograms),
   * computed once per graph version: the reference a node's own channels and fees are compared with.
   */
  @Get('stats')
  @ApiProblemResponses(503)
  @ApiOkResponse({ type: NetworkStatsResponseDto })
  @ApiResponse({ status: 304, description: 'Not modified: same answer as the ETag sent in If-None-Match (browsers revalidate)' })
  getNetworkStats(): NetworkStatsResponseDto {
    return this.network.stats();
  }
}
