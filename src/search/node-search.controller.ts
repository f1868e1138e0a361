import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/errors/api-problem-responses.decorator';
import { NodeSearchQuery, NodeSearchResponseDto } from './node-search.dto';
import { NodeSearchService } from './node-search.service';

@ApiTags('nodes')
@Controller('nodes')
export class NodeSearchController {
  constructor(private readonly nodes: NodeSearchService) {}

  /**
   * Nodes of the graph by pubkey or alias, case-insensitive: the exact pubkey first, then aliases starting with
   * the query, pubkeys starting with it (6+ hex characters), and aliases containing it, each group by degree rank.
   */
  @Get('search')
  @ApiProblemResponses(400, 503)
  @ApiOkResponse({ type: NodeSearchResponseDto })
  @ApiResponse({ status: 304, description: 'Not modified: same answer as the ETag sent in If-None-Match (browsers revalidate)' })
  searchNodes(@Query() q: NodeSearchQuery): NodeSearchResponseDto {
    return this.nodes.search(q.q, q.limit ?? 10);
  }
}
