import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GraphService } from '../../graph/graph.service';
import { ExpensiveRoute } from '../../throttling/expensive-route.decorator';
import { ApiProblemResponses } from '../../common/errors/api-problem-responses.decorator';
import { ChannelCandidatesQuery, ChannelCandidatesResponseDto, EvaluateCandidatesDto } from '../dto/channel-candidates.dto';
import { NodePubkeyParams } from '../dto/node-params.dto';
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
   * peers); vetted candidates come first. The same pool feeds the node's recommendations and plans.
   * 503 ANALYTICS_NOT_READY while the centralities of a new graph are being computed.
   */
  @Get(':pubkey/channel-candidates')
  @ExpensiveRoute()
  @ApiProblemResponses(400, 404, 503)
  async getChannelCandidates(@Param() { pubkey }: NodePubkeyParams, @Query() q: ChannelCandidatesQuery): Promise<ChannelCandidatesResponseDto> {
    return this.graphs.stamp(await this.candidates.rank(pubkey, q.limit ?? 10, q.min_capacity ?? 0));
  }

  /** The same figures, vetting and sizes for exactly the peers the operator is considering (up to 50, in their order), plus the change in mean hop distance. */
  @Post(':pubkey/channel-candidates/evaluate')
  @ExpensiveRoute()
  @HttpCode(200)
  @ApiProblemResponses(400, 404, 503)
  async evaluateChannelCandidates(@Param() { pubkey }: NodePubkeyParams, @Body() body: EvaluateCandidatesDto): Promise<ChannelCandidatesResponseDto> {
    return this.graphs.stamp(await this.candidates.evaluate(pubkey, body));
  }
}
