import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import axios from 'axios';
import { WebhookTargetService } from '../common/net/webhook-target.service';
import { bulkConfig } from '../config/configuration';

export const WEBHOOK_TIMEOUT_MS = 5000;
export const WEBHOOK_ATTEMPTS = 3;

/**
 * Tells the caller a job is done: POST of a JSON summary, signed HMAC-SHA256 over `<timestamp>.<body>` with
 * SECRET_KEY (`X-Signature-256: sha256=<hex>`, `X-Signature-Timestamp`), so the receiver can check origin
 * and freshness. Retried a few times; a receiver that stays down loses the notification, not the job. The URL was
 * checked at submission; it is checked again here and every socket's addresses at connect time
 * ({@link WebhookTargetService}), so a host that now resolves to an internal address is never called.
 */
@Injectable()
export class BulkWebhookService {
  private readonly logger = new Logger(BulkWebhookService.name);

  constructor(
    @Inject(bulkConfig.KEY) private readonly cfg: ConfigType<typeof bulkConfig>,
    private readonly targets: WebhookTargetService,
  ) {}

  static sign(secret: string, timestamp: string, body: string): string {
    return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  }

  async notify(url: string, payload: Record<string, unknown>): Promise<boolean> {
    if (!this.cfg.secretKey) return false;
    const problem = await this.targets.problem(url);
    if (problem !== null) {
      this.logger.warn(`bulk webhook not sent: callback_url ${problem}`);
      return false;
    }
    const body = JSON.stringify(payload);
    for (let attempt = 1; attempt <= WEBHOOK_ATTEMPTS; attempt++) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      try {
        await axios.post(url, body, {
          timeout: WEBHOOK_TIMEOUT_MS,
          headers: { 'Content-Type': 'application/json', 'X-Signature-256': BulkWebhookService.sign(this.cfg.secretKey, timestamp, body), 'X-Signature-Timestamp': timestamp },
          ...this.targets.requestOptions(),
          validateStatus: (s) => s >= 200 && s < 300,
        });
        return true;
      } catch (err) {
        this.logger.warn(`bulk webhook attempt ${attempt}/${WEBHOOK_ATTEMPTS} failed: ${err instanceof Error ? err.message : String(err)}`);
        if (attempt < WEBHOOK_ATTEMPTS) await new Promise((r) => setTimeout(r, 500 * 2 ** (attempt - 1)));
      }
    }
    return false;
  }
}
