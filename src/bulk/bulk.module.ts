import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { CacheModule } from '../cache/cache.module';
import { RedisConnection } from '../cache/redis-connection';
import { bulkConfig } from '../config/configuration';
import { GraphModule } from '../graph/graph.module';
import { BulkAnalysisService } from './bulk-analysis.service';
import { BulkWebhookService } from './bulk-webhook.service';
import { BulkController } from './bulk.controller';
import { CandidateSimulationPool } from './candidate-simulation.pool';
import { ChunkProcessor } from './chunk-processor';
import { ItemAnalyzer } from './item-analyzer';
import { BulkQueueService } from './queue/bulk-queue.service';
import { BULK_JOB_STORE } from './store/bulk-job.store';
import { MemoryBulkJobStore } from './store/memory-bulk-job.store';
import { RedisBulkJobStore } from './store/redis-bulk-job.store';

@Module({
  imports: [GraphModule, CacheModule],
  controllers: [BulkController],
  providers: [
    {
      provide: BULK_JOB_STORE,
      inject: [RedisConnection, bulkConfig.KEY],
      useFactory: (redis: RedisConnection, cfg: ConfigType<typeof bulkConfig>) =>
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
