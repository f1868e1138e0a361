import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { limitsConfig } from '../config/configuration';
import { SecurityModule } from '../security/security.module';
import { AppThrottlerGuard } from './app-throttler.guard';
import { isExpensiveRoute } from './expensive-route.decorator';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** Both tiers count requests per minute. */
export const RATE_WINDOW_MS = 60_000;

@Module({ providers: [RedisThrottlerStorage], exports: [RedisThrottlerStorage] })
class ThrottlerStorageModule {}

/**
 * Rate limiting: RATE_LIMIT_PER_MINUTE on every route but health, plus RATE_LIMIT_EXPENSIVE_PER_MINUTE on routes
 * marked `@ExpensiveRoute()`, counted per API key (per IP without one) in Redis shared by all instances, with a
 * per-instance memory fallback when Redis is away. Import it before SecurityModule so its guard runs first and
 * requests with bad keys are limited (per IP) before they are refused.
 */
@Module({
  imports: [
    SecurityModule,
    ThrottlerStorageModule,
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [limitsConfig.KEY, RedisThrottlerStorage],
      useFactory: (limits: ConfigType<typeof limitsConfig>, storage: RedisThrottlerStorage) => ({
        storage,
        throttlers: [
          { name: 'default', ttl: RATE_WINDOW_MS, limit: limits.perMinute },
          { name: 'expensive', ttl: RATE_WINDOW_MS, limit: limits.expensivePerMinute, skipIf: (context) => !isExpensiveRoute(context) },
        ],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: AppThrottlerGuard }],
  exports: [ThrottlerStorageModule],
})
export class ThrottlingModule {}
