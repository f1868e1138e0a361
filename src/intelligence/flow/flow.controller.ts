import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponsesDescribed } from '../../common/errors/api-problem-responses.decorator';
import { ExpensiveRoute } from '../../throttling/expensive-route.decorator';
import { FeeCurveQuery, FeeCurveResponseDto, PeerChannelParams, SimulateRequestDto, SimulateResponseDto } from '../dto/flow.dto';
import { NodePubkeyParams } from '../dto/node-params.dto';
import { FlowWhatIfService } from './flow-what-if.service';

const NOT_READY = 'Graph not loaded yet (code GRAPH_NOT_READY), or the payment-flow model is still being computed (code FLOW_NOT_READY, with Retry-After), failed, or is turned off (FLOW_MODEL=false)';

@ApiTags('nodes')
@Controller('node')
export class FlowController {
  constructor(private readonly whatIf: FlowWhatIfService) {}

  /**
   * What-if on the payment-flow model (README "Payment-flow model"): up to 10 changes of the node's own policies
   * (fee rate, base fee, inbound fee, max_htlc, disable; per peer or per short channel id) and/or new channels
   * (peer, capacity, both policies), with optional model parameters for this request. Answers the node's modelled
   * forwards, volume and revenue per day before and after, in total and per channel, each as p10/p50/p90 over the
   * seeded runs. 422 INVALID_WHAT_IF when a change names no channel of the node, a peer is not in the graph,
   * the changes are none or more than 10 together, or min_amount_sat exceeds max_amount_sat.
   */
  @Post(':pubkey/simulate')
  @HttpCode(200)
  @ExpensiveRoute()
  @ApiProblemResponsesDescribed({ 404: 'Unknown node (code NODE_NOT_FOUND)', 422: 'A what-if the model cannot apply (code INVALID_WHAT_IF); `errors` names each change', 503: NOT_READY }, 400, 404, 422, 503)
  simulateWhatIf(@Param() { pubkey }: NodePubkeyParams, @Body() body: SimulateRequestDto): Promise<SimulateResponseDto> {
    return this.whatIf.simulate(pubkey, body);
  }

  /**
   * Modelled forwards and revenue per day of the node's channel(s) to `peer` at evenly spaced fee rates from
   * `from` to `to`, every other policy of the graph unchanged, and the rate that maximises the median modelled
   * revenue. 404 CHANNEL_NOT_FOUND when the node has no channel with that peer; 422 INVALID_WHAT_IF when to < from.
   */
  @Get(':pubkey/channels/:peer/fee-curve')
  @ExpensiveRoute()
  @ApiProblemResponsesDescribed({ 404: 'Unknown node (code NODE_NOT_FOUND) or no channel between the node and the peer (code CHANNEL_NOT_FOUND)', 422: 'to is below from (code INVALID_WHAT_IF)', 503: NOT_READY }, 400, 404, 422, 503)
  getFeeCurve(@Param() { pubkey, peer }: PeerChannelParams, @Query() q: FeeCurveQuery): Promise<FeeCurveResponseDto> {
    return this.whatIf.feeCurve(pubkey, peer, q);
  }
}
