import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { GraphService } from '../../graph/graph.service';
import { ExpensiveRoute } from '../../throttling/expensive-route.decorator';
import { ApiProblemResponses } from '../../common/errors/api-problem-responses.decorator';
import { NodePubkeyParams } from '../dto/node-params.dto';
import { PrioritiesRequestDto, PrioritiesResponseDto } from '../dto/priorities.dto';
import { negotiateLanguage } from '../recommendations/i18n/messages';
import { PrioritiesService } from './priorities.service';

@ApiTags('nodes')
@Controller('node')
export class PrioritiesController {
  constructor(
    private readonly priorities: PrioritiesService,
    private readonly graphs: GraphService,
  ) {}

  /**
   * A ranked, budget-aware action plan. Picked and explained by the configured OpenAI model when there is one,
   * by the deterministic engine otherwise or whenever the model fails; commands always come from our templates.
   */
  @Post(':pubkey/priorities')
  @ExpensiveRoute()
  @HttpCode(200)
  @ApiHeader({ name: 'accept-language', required: false, description: 'fr or en; default DEFAULT_LANGUAGE' })
  @ApiProblemResponses(400, 404, 503)
  async createPriorities(
    @Param() { pubkey }: NodePubkeyParams,
    @Body() body: PrioritiesRequestDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PrioritiesResponseDto> {
    return this.graphs.stamp(await this.priorities.getPlan(pubkey, body, negotiateLanguage(acceptLanguage, this.priorities.defaultLanguage)));
  }
}
