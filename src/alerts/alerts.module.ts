import { Module } from '@nestjs/common';
import { OutboundModule } from '../common/net/outbound.module';
import { HealthModule } from '../health/health.module';
import { AlertWebhookClient } from './alert-webhook.client';
import { ALERTS_OPTIONS, DEFAULT_ALERTS_OPTIONS } from './alerts.options';
import { HealthAlertsService } from './health-alerts.service';

/** Signed webhook alerts on health state changes (ALERT_WEBHOOK_URL + SECRET_KEY). */
@Module({
  imports: [HealthModule, OutboundModule],
  providers: [{ provide: ALERTS_OPTIONS, useValue: DEFAULT_ALERTS_OPTIONS }, AlertWebhookClient, HealthAlertsService],
})
export class AlertsModule {}
