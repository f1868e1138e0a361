import { Module } from '@nestjs/common';
import { GraphModule } from '../graph/graph.module';
import { NodeSearchController } from './node-search.controller';
import { NodeSearchService } from './node-search.service';

/** `GET /api/v1/nodes/search`: find a node by pubkey or alias. */
@Module({
  imports: [GraphModule],
  controllers: [NodeSearchController],
  providers: [NodeSearchService],
  exports: [NodeSearchService],
})
export class SearchModule {}
