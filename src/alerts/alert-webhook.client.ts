import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import axios from 'axios';
import { WEBHOOK_ADDRESS_REFUSED, WebhookTargetService } from '../common/net/webhook-target.service';
import { appConfig, securityConfig } from '../config/configuration';
import { ALERTS_OPTIONS, AlertsOptions } from './alerts.options';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

/**
 * Posts signed JSON alerts to ALERT_WEBHOOK_URL. Each attempt has a timeout; network errors, 429 and 5xx are retried
 * with backoff, other answers are final. Redirects are refused (a signed alert goes where it was configured to, or
 * nowhere). The URL is never logged: webhook URLs often embed a token. Like bulk callbacks, the target must be a
 * public address (or listed in WEBHOOK_ALLOWED_HOSTS), checked before each alert and at every connect.
 */
@Injectable()
export class AlertWebhookClient implements OnModuleDestroy {
  private readonly logger = new Logger(AlertWebhookClient.name);
  private readonly shutdown = new AbortController();

  constructor(
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(ALERTS_OPTIONS) private readonly opts: AlertsOptions,
    private readonly targets: WebhookTargetService,
  ) {}

  /** True when alerts can be sent: a webhook URL and a secret to sign with. */
  get enabled(): boolean {
    return this.security.alertWebhookUrl !== null && this.security.secretKey !== null;
  }

  /** Resolves true once the receiver answered 2xx, false when every attempt failed. Never throws. */
  async deliver(payload: Record<string, unknown>): Promise<boolean> {
    const url = this.security.alertWebhookUrl;
    const secret = this.security.secretKey;
    if (!url || !secret) return false;
    const body = JSON.stringify(payload);
    const alertId = randomUUID();
    const target = new URL(url).host;
    const problem = await this.targets.problem(url);
    if (problem !== null) {
      this.logger.warn(`Alert ${alertId} to ${target} not sent: ALERT_WEBHOOK_URL ${problem}`);
      return false;
    }
    for (let attempt = 1; attempt <= this.opts.maxAttempts; attempt++) {
      if (this.shutdown.signal.aborted) return false;
      const timestamp = Math.floor(Date.now() / 1000);
      let outcome: string;
      let retryable = true;
      try {
        const res = await axios.post(url, body, {
          ...this.targets.requestOptions(),
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': `${this.app.name}/${this.app.version}`,
            'X-Alert-Id': alertId,
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
          },
          timeout: this.opts.requestTimeoutMs,
          signal: this.shutdown.signal,
          responseType: 'arraybuffer',
          // Every status is an answer to judge below; a redirect (3xx) is a final failure, never followed.
          validateStatus: () => true,
        });
        if (res.status >= 200 && res.status < 300) return true;
        outcome = `HTTP ${res.status}`;
        retryable = res.status === 429 || res.status >= 500;
      } catch (err) {
        outcome = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        // An internal address stays internal: retrying would only ask the same resolver again.
        if ((err as { code?: unknown }).code === WEBHOOK_ADDRESS_REFUSED) retryable = false;
      }
      const last = attempt === this.opts.maxAttempts || !retryable;
      this.logger.warn(`Alert ${alertId} to ${target}: attempt ${attempt}/${this.opts.maxAttempts} failed (${outcome})${last ? '; giving up' : '; retrying'}`);
      if (last) return false;
      await sleep(this.opts.retryDelayMs * 2 ** (attempt - 1), undefined, { signal: this.shutdown.signal }).catch(() => undefined);
    }
    return false;
  }

  onModuleDestroy(): void {
    this.shutdown.abort();
  }
}
