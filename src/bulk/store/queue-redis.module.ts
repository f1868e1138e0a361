import { Module } from '@nestjs/common';
import { CacheModule } from '../../cache/cache.module';
import { QueueRedisConnection } from './queue-redis.connection';

/** The bulk queue's Redis connection, shared by the bulk module (job store) and health (its eviction warning). */
@Module({ imports: [CacheModule], providers: [QueueRedisConnection], exports: [QueueRedisConnection] })
export class QueueRedisModule {}
