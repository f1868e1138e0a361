import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { GraphService } from '../../graph/graph.service';
import { ExpensiveRoute } from '../../throttling/expensive-route.decorator';
import { ApiProblemResponses } from '../../common/errors/api-problem-responses.decorator';
import { ChannelCandidatesQuery, ChannelCandidatesResponseDto, EvaluateCandidatesDto } from '../dto/channel-candidates.dto';
import { NodePubkeyParams } from '../dto/node-params.dto';
import { negotiateLanguage } from '../recommendations/i18n/messages';
import { ChannelCandidatesService } from './channel-candidates.service';

@ApiTags('nodes')
@Controller('node')
export class ChannelCandidatesController {
  constructor(
    private readonly candidates: ChannelCandidatesService,
    private readonly graphs: GraphService,
  ) {}

  /**
   * Peers the node has no channel with, ranked by what one new channel to each would do to the node's
   * betweenness, closeness and eigenvector ranks, with suggested sizes (sized to the node's own capital) and
   * fees. Each candidate is vetted (zombie share, demand shown by the fees toward it, overlap with the node's
   * peers); vetted candidates come first. The same pool feeds the node's recommendations and plans. The first
   * five carry the payment-flow model's before/after of opening them (`modelled_flow`).
   * 503 ANALYTICS_NOT_READY while the centralities of a new graph are being computed.
   */
  @Get(':pubkey/channel-candidates')
  @ExpensiveRoute()
  @ApiHeader({ name: 'accept-language', required: false, description: 'fr or en (language of modelled_flow.note); default DEFAULT_LANGUAGE' })
  @ApiProblemResponses(400, 404, 503)
  async getChannelCandidates(
    @Param() { pubkey }: NodePubkeyParams,
    @Query() q: ChannelCandidatesQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ChannelCandidatesResponseDto> {
    const lang = negotiateLanguage(acceptLanguage, this.candidates.defaultLanguage);
    return this.graphs.stamp(await this.candidates.rank(pubkey, q.limit ?? 10, q.min_capacity ?? 0, lang));
  }

  /** The same figures, vetting and sizes for exactly the peers the operator is considering (up to 50, in their order), plus the change in mean hop distance. */
  @Post(':pubkey/channel-candidates/evaluate')
  @ExpensiveRoute()
  @HttpCode(200)
  @ApiHeader({ name: 'accept-language', required: false, description: 'fr or en (language of modelled_flow.note); default DEFAULT_LANGUAGE' })
  @ApiProblemResponses(400, 404, 503)
  async evaluateChannelCandidates(
    @Param() { pubkey }: NodePubkeyParams,
    @Body() body: EvaluateCandidatesDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ChannelCandidatesResponseDto> {
    return this.graphs.stamp(await this.candidates.evaluate(pubkey, body, negotiateLanguage(acceptLanguage, this.candidates.defaultLanguage)));
  }
}
