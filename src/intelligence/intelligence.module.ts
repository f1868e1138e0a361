import { Module, Type } from '@nestjs/common';
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
import { ClnOwnNodeProvider } from './live/cln-own-node.provider';
import { LndOwnNodeProvider } from './live/lnd-own-node.provider';
import { OWN_NODE_PROVIDERS, OwnNodeProvider } from './live/own-node-provider';
import { OwnNodeService } from './live/own-node.service';
import { ClnLiveNodeSource } from './live-node/cln-live-node.source';
import { LndLiveNodeSource } from './live-node/lnd-live-node.source';
import { LiveNodeResolver } from './live-node/live-node.resolver';
import { LIVE_NODE_SOURCES, LiveNodeSource } from './live-node/live-node.types';
import { MempoolLiveNodeSource } from './live-node/mempool-live-node.source';
import { MetricsModule } from '../metrics/metrics.module';
import { PlanModelClient } from './priorities/model/plan-model.client';
import { PrioritiesController } from './priorities/priorities.controller';
import { PrioritiesService } from './priorities/priorities.service';
import { NodeInfoController } from './node-info/node-info.controller';
import { NodeInfoService } from './node-info/node-info.service';
import { RecommendationsController } from './recommendations/recommendations.controller';
import { RecommendationsService } from './recommendations/recommendations.service';

/**
 * Sources asked, in this order, about a node the graph lacks (the operator's own LND first: it gives both
 * policies of every channel). A new source is its class here: it is provided and injected into the list.
 */
const LIVE_NODE_SOURCE_CLASSES: Array<Type<LiveNodeSource>> = [LndLiveNodeSource, ClnLiveNodeSource, MempoolLiveNodeSource];

@Module({
  imports: [GraphModule, MetricsModule, ClientsModule],
  controllers: [NodeInfoController, RecommendationsController, PrioritiesController, ChannelCandidatesController, FlowController],
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
    FlowWhatIfService,
    AdviceFlowService,
    LiveNodeResolver,
    ...LIVE_NODE_SOURCE_CLASSES,
    { provide: LIVE_NODE_SOURCES, inject: [...LIVE_NODE_SOURCE_CLASSES], useFactory: (...sources: LiveNodeSource[]): LiveNodeSource[] => sources },
  ],
  // The MCP tools call the same services as these controllers.
  exports: [NodeInfoService, RecommendationsService, PrioritiesService, ChannelCandidatesService, FlowWhatIfService],
})
export class IntelligenceModule {}
