import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { GraphService } from '../../graph/graph.service';
import { ApiProblemResponsesDescribed, BUSY_503 } from '../../common/errors/api-problem-responses.decorator';
import { NodePubkeyParams } from '../dto/node-params.dto';
import { RecommendationsQuery, RecommendationsResponseDto } from '../dto/recommendations.dto';
import { negotiateLanguage } from './i18n/messages';
import { RecommendationsService } from './recommendations.service';

@ApiTags('nodes')
@Controller('node')
export class RecommendationsController {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly graphs: GraphService,
  ) {}

  /**
   * Fee, connectivity, liquidity, reliability and cost advice for a node, each with its evidence, priority,
   * estimated impact and ready-to-run `lncli` / `lightning-cli` commands (with the commands that revert them).
   */
  @Get(':pubkey/recommendations')
  @ApiHeader({ name: 'accept-language', required: false, description: 'fr or en; default DEFAULT_LANGUAGE' })
  @ApiProblemResponsesDescribed({ 503: BUSY_503 }, 400, 404, 503)
  async getRecommendations(
    @Param() { pubkey }: NodePubkeyParams,
    @Query() q: RecommendationsQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<RecommendationsResponseDto> {
    return this.graphs.stamp(await this.recommendations.getRecommendations(pubkey, q, negotiateLanguage(acceptLanguage, this.recommendations.defaultLanguage)));
  }
}
