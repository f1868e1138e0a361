import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { GraphModule } from '../graph/graph.module';
import { FlowController } from './flow/flow.controller';
import { FlowWhatIfService } from './flow/flow-what-if.service';
import { AdviceFlowService } from './flow/advice-flow.service';
import { CandidatePoolService } from './candidates/candidate-pool.service';
import { ChannelCandidatesController } from './candidates/channel-candidates.controller';
import { ChannelCandidatesService } from './candidates/channel-candidates.service';
import { NodeAnalysisService } from './live/node-analysis.service';
import { NodeEnrichmentService } from './live/node-enrichment.service';
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
  controllers: [NodeInfoController, RecommendationsController, PrioritiesController, ChannelCandidatesController, FlowController],
  providers: [NodeInfoService, RecommendationsService, PrioritiesService, PlanModelClient, NodeEnrichmentService, OwnNodeService, NodeAnalysisService, CandidatePoolService, ChannelCandidatesService, FlowWhatIfService, AdviceFlowService],
})
export class IntelligenceModule {}
