import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { CentralityService } from './centrality.service';
import { GraphService } from './graph.service';
import { GraphHistoryService } from './history/graph-history.service';

@Module({
  imports: [ClientsModule],
  providers: [GraphService, GraphHistoryService, CentralityService],
  exports: [GraphService, GraphHistoryService, CentralityService],
})
export class GraphModule {}
