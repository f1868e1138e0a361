import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AlertsModule } from './alerts/alerts.module';
import { BulkModule } from './bulk/bulk.module';
import { CacheModule } from './cache/cache.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter';
import { loggerOptions } from './common/logging/logger.options';
import { ALL_CONFIG, appConfig } from './config/configuration';
import { validateEnv } from './config/env.validation';
import { GraphModule } from './graph/graph.module';
import { HealthModule } from './health/health.module';
import { IntelligenceModule } from './intelligence/intelligence.module';
import { McpModule } from './mcp/mcp.module';
import { MetricsModule } from './metrics/metrics.module';
import { SecurityModule } from './security/security.module';
import { ThrottlingModule } from './throttling/throttling.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, load: ALL_CONFIG, validate: validateEnv }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => loggerOptions(app.logLevel),
    }),
    CacheModule,
    // Guards run in import order: rate limits first (bad keys are limited per IP), then API keys.
    ThrottlingModule,
    SecurityModule,
    AlertsModule,
    MetricsModule,
    GraphModule,
    HealthModule,
    IntelligenceModule,
    BulkModule,
    DashboardModule,
    McpModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class AppModule {}
