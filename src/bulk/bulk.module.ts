import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { CacheModule } from '../cache/cache.module';
import { bulkConfig } from '../config/configuration';
import { OutboundModule } from '../common/net/outbound.module';
import { GraphModule } from '../graph/graph.module';
import { SecurityModule } from '../security/security.module';
import { BulkAnalysisService } from './bulk-analysis.service';
import { BulkWebhookService } from './bulk-webhook.service';
import { BulkController } from './bulk.controller';
import { CandidateSimulationPool } from './candidate-simulation.pool';
import { ChunkProcessor } from './chunk-processor';
import { ItemAnalyzer } from './item-analyzer';
import { BulkQueueService } from './queue/bulk-queue.service';
import { BULK_JOB_STORE } from './store/bulk-job.store';
import { MemoryBulkJobStore } from './store/memory-bulk-job.store';
import { QueueRedisConnection } from './store/queue-redis.connection';
import { QueueRedisModule } from './store/queue-redis.module';
import { RedisBulkJobStore } from './store/redis-bulk-job.store';

@Module({
  imports: [GraphModule, CacheModule, SecurityModule, OutboundModule, QueueRedisModule],
  controllers: [BulkController],
  providers: [
    {
      provide: BULK_JOB_STORE,
      inject: [QueueRedisConnection, bulkConfig.KEY],
      useFactory: (redis: QueueRedisConnection, cfg: ConfigType<typeof bulkConfig>) =>
        redis.client ? new RedisBulkJobStore(redis.client, cfg.namespace, cfg.resultTtlMs) : new MemoryBulkJobStore(),
    },
    CandidateSimulationPool,
    ItemAnalyzer,
    ChunkProcessor,
    BulkWebhookService,
    BulkQueueService,
    BulkAnalysisService,
  ],
})
export class BulkModule {}
