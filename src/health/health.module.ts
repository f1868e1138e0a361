import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueueRedisModule } from '../bulk/store/queue-redis.module';
import { ClientsModule } from '../clients/clients.module';
import { GraphModule } from '../graph/graph.module';
import { MetricsModule } from '../metrics/metrics.module';
import { HealthChecksService } from './health-checks.service';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), GraphModule, ClientsModule, MetricsModule, QueueRedisModule],
  controllers: [HealthController],
  providers: [HealthChecksService],
  exports: [HealthChecksService],
})
export class HealthModule {}
