import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { GraphModule } from '../graph/graph.module';
import { CandidatePoolService } from './candidates/candidate-pool.service';
import { ChannelCandidatesController } from './candidates/channel-candidates.controller';
import { ChannelCandidatesService } from './candidates/channel-candidates.service';
import { NodeAnalysisService } from './live/node-analysis.service';
import { NodeEnrichmentService } from './live/node-enrichment.service';
import { ClnOwnNodeProvider } from './live/cln-own-node.provider';
import { LndOwnNodeProvider } from './live/lnd-own-node.provider';
import { OWN_NODE_PROVIDERS, OwnNodeProvider } from './live/own-node-provider';
import { OwnNodeService } from './live/own-node.service';
import { MetricsModule } from '../metrics/metrics.module';
import { PlanModelClient } from './priorities/model/plan-model.client';
import { PrioritiesController } from './priorities/priorities.controller';
import { PrioritiesService } from './priorities/priorities.service';
import { NodeInfoController } from './node-info/node-info.controller';
import { NodeInfoService } from './node-info/node-info.service';
import { RecommendationsController } from './recommendations/recommendations.controller';
import { RecommendationsService } from './recommendations/recommendations.service';

@Module({
  imports: [GraphModule, MetricsModule, ClientsModule],
  controllers: [NodeInfoController, RecommendationsController, PrioritiesController, ChannelCandidatesController],
  providers: [
    NodeInfoService,
    RecommendationsService,
    PrioritiesService,
    PlanModelClient,
    NodeEnrichmentService,
    OwnNodeService,
    LndOwnNodeProvider,
    ClnOwnNodeProvider,
    // Precedence order: see OWN_NODE_PROVIDERS.
    { provide: OWN_NODE_PROVIDERS, useFactory: (...providers: OwnNodeProvider[]) => providers, inject: [LndOwnNodeProvider, ClnOwnNodeProvider] },
    NodeAnalysisService,
    CandidatePoolService,
    ChannelCandidatesService,
  ],
})
export class IntelligenceModule {}
