import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GraphService } from '../../graph/graph.service';
import { ApiProblemResponses } from '../../common/errors/api-problem-responses.decorator';
import { NodeInfoQuery } from '../dto/node-info-query.dto';
import { NodeInfoResponseDto } from '../dto/node-info.dto';
import { NodePubkeyParams } from '../dto/node-params.dto';
import { NodeInfoService } from './node-info.service';

@ApiTags('nodes')
@Controller('node')
export class NodeInfoController {
  constructor(
    private readonly nodeInfo: NodeInfoService,
    private readonly graphs: GraphService,
  ) {}

  /**
   * Alias, channels with both policies, capacity, fee figures and network position of a node, from the
   * Lightning graph the service holds; optionally its history across the older embedded snapshots. A node the
   * graph lacks is served from the first configured live source that knows it (`live_source`; LND, mempool):
   * 404 when none does, 503 when one failed and no earlier answer can be served (then marked `stale`).
   */
  @Get(':pubkey/info')
  @ApiProblemResponses(400, 404, 503)
  async getNodeInfo(@Param() { pubkey }: NodePubkeyParams, @Query() q: NodeInfoQuery): Promise<NodeInfoResponseDto> {
    return this.graphs.stamp(await this.nodeInfo.getNodeInfo(pubkey, { includeHistorical: q.include_historical ?? false, useCache: q.use_cache ?? true }));
  }
}
