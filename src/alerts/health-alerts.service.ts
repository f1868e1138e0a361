import { hostname } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { appConfig, securityConfig } from '../config/configuration';
import { HealthChecksService } from '../health/health-checks.service';
import { AlertWebhookClient } from './alert-webhook.client';
import { ALERTS_OPTIONS, AlertsOptions } from './alerts.options';
import { HealthStateTracker, HealthStatus, HealthTransition } from './health-state.tracker';

/** The JSON body of an alert. */
export interface HealthAlert {
  event: 'health.changed';
  service: string;
  version: string;
  environment: string;
  instance: string;
  previous: HealthStatus;
  status: HealthStatus;
  reasons: string[];
  /** When the new state was first observed. */
  changed_at: string;
  sent_at: string;
}

/**
 * Watches the health report (the same one GET /api/v1/health answers) and posts a signed alert to
 * ALERT_WEBHOOK_URL when the state changes (healthy → degraded/unhealthy and back), once it has held for the
 * debounce time. Off without ALERT_WEBHOOK_URL; off with a warning when SECRET_KEY is missing (alerts are always signed).
 */
@Injectable()
export class HealthAlertsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HealthAlertsService.name);
  private readonly tracker: HealthStateTracker;
  private health: HealthChecksService | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly webhook: AlertWebhookClient,
    @Inject(ALERTS_OPTIONS) private readonly opts: AlertsOptions,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {
    this.tracker = new HealthStateTracker(opts.debounceMs);
  }

  onApplicationBootstrap(): void {
    if (!this.security.alertWebhookUrl) return;
    if (!this.webhook.enabled) {
      this.logger.warn('ALERT_WEBHOOK_URL is set but SECRET_KEY is not: health alerts are off, since they are always signed');
      return;
    }
    // HealthModule does not export its service; it is looked up across modules once everything is built.
    this.health = this.moduleRef.get(HealthChecksService, { strict: false });
    this.timer = setInterval(() => void this.poll(), this.opts.pollIntervalMs);
    this.timer.unref();
    this.logger.log(`Health alerts on: polled every ${this.opts.pollIntervalMs} ms, reported after ${this.opts.debounceMs} ms in a new state`);
    void this.poll();
  }

  /** Reads the health once and sends an alert if a debounced transition results. Overlapping calls share one run. */
  poll(): Promise<void> {
    this.polling ??= this.observe().finally(() => (this.polling = null));
    return this.polling;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
  }

  private async observe(): Promise<void> {
    if (!this.health) return;
    let status: HealthStatus;
    let reasons: string[];
    try {
      const report = await this.health.report(false);
      status = report.status;
      reasons = report.reasons;
    } catch (err) {
      status = 'unhealthy';
      reasons = [`the health check itself failed: ${err instanceof Error ? err.message : String(err)}`];
    }
    const transition = this.tracker.observe(status, reasons, Date.now());
    if (transition) await this.send(transition);
  }

  private async send(t: HealthTransition): Promise<void> {
    const alert: HealthAlert = {
      event: 'health.changed',
      service: this.app.name,
      version: this.app.version,
      environment: this.app.environment,
      instance: hostname(),
      previous: t.previous,
      status: t.current,
      reasons: t.reasons,
      changed_at: new Date(t.since).toISOString(),
      sent_at: new Date().toISOString(),
    };
    const log = `health ${t.previous} → ${t.current}${t.reasons.length ? ` (${t.reasons.join('; ')})` : ''}`;
    if (await this.webhook.deliver({ ...alert })) this.logger.log(`Alert sent: ${log}`);
    else this.logger.error(`Alert could not be delivered: ${log}`);
  }
}
