import KeyvRedis from '@keyv/redis';
import { CacheModule as NestCacheModule } from '@nestjs/cache-manager';
import { Global, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Keyv from 'keyv';
import { cacheConfig } from '../config/configuration';
import { AppCacheService } from './app-cache.service';
import { BoundedMap } from './bounded-map';
import { RedisConnection } from './redis-connection';

const MEMORY_MAX_ENTRIES = 50_000;

/** The shared cache: Keyv Redis when `REDIS_URL` is set, a bounded in-memory Keyv otherwise. */
@Module({ providers: [RedisConnection], exports: [RedisConnection] })
class RedisConnectionModule {}

@Global()
@Module({
  imports: [
    RedisConnectionModule,
    NestCacheModule.registerAsync({
      imports: [RedisConnectionModule],
      inject: [cacheConfig.KEY, RedisConnection],
      useFactory: (cfg: ConfigType<typeof cacheConfig>, redis: RedisConnection) => {
        if (!redis.client) {
          const memory = new Keyv({ store: new BoundedMap<string, unknown>(MEMORY_MAX_ENTRIES) });
          memory.serialize = undefined;
          memory.deserialize = undefined;
          return { stores: [memory] };
        }
        const store = new KeyvRedis(redis.client, { throwOnErrors: true, throwOnConnectError: false });
        return { stores: [new Keyv({ store, throwOnErrors: true, useKeyPrefix: false })] };
      },
    }),
  ],
  providers: [AppCacheService],
  exports: [AppCacheService, RedisConnectionModule],
})
export class CacheModule {}
