import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { CentralityService } from './centrality.service';
import { GraphService } from './graph.service';
import { GraphHistoryService } from './history/graph-history.service';
import { GraphDownloadClient } from './origins/graph-download.client';

@Module({
  imports: [ClientsModule],
  providers: [GraphDownloadClient, GraphService, GraphHistoryService, CentralityService],
  exports: [GraphService, GraphHistoryService, CentralityService],
})
export class GraphModule {}
