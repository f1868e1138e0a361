import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { CentralityService } from './centrality.service';
import { FlowService } from './flow.service';
import { GraphService } from './graph.service';
import { GraphHistoryService } from './history/graph-history.service';
import { GraphDownloadClient } from './origins/graph-download.client';

@Module({
  imports: [ClientsModule],
  providers: [GraphDownloadClient, GraphService, GraphHistoryService, CentralityService, FlowService],
  exports: [GraphService, GraphHistoryService, CentralityService, FlowService],
})
export class GraphModule {}
