import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { lnbitsConfig, lndConfig, mempoolConfig, openaiConfig, securityConfig, sparkseerConfig } from '../config/configuration';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyService } from './api-key.service';
import { assertProductionConfig, ProductionConfigInput, productionConfigWarnings } from './production-config';

/**
 * API keys (a global guard) and the production rules: with ENVIRONMENT=production the app refuses to start
 * without API_KEYS and SECRET_KEY or with a plain-http upstream. The HTTP-level hardening (Host allow-list,
 * helmet, CORS, trust proxy) is {@link configureSecurity}, applied to the app in configureApp.
 */
@Module({
  providers: [ApiKeyService, { provide: APP_GUARD, useClass: ApiKeyGuard }],
  exports: [ApiKeyService],
})
export class SecurityModule implements OnModuleInit {
  private readonly logger = new Logger(SecurityModule.name);

  constructor(
    private readonly keys: ApiKeyService,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
    @Inject(sparkseerConfig.KEY) private readonly sparkseer: ConfigType<typeof sparkseerConfig>,
    @Inject(lnbitsConfig.KEY) private readonly lnbits: ConfigType<typeof lnbitsConfig>,
    @Inject(lndConfig.KEY) private readonly lnd: ConfigType<typeof lndConfig>,
    @Inject(mempoolConfig.KEY) private readonly mempool: ConfigType<typeof mempoolConfig>,
    @Inject(openaiConfig.KEY) private readonly openai: ConfigType<typeof openaiConfig>,
  ) {}

  onModuleInit(): void {
    // Thrown from a lifecycle hook (not a constructor) so main.ts' catch prints it and exits 1.
    const env = this.productionInput();
    assertProductionConfig(env);
    for (const warning of productionConfigWarnings(env)) this.logger.warn(warning);
    if (this.keys.required) {
      this.logger.log(`API keys required on every route but the health probes (${this.keys.keyCount} key(s) valid)`);
    } else {
      this.logger.warn(`API_KEYS is not set: every route is open to anyone (allowed in ${this.security.environment}, refused in production)`);
    }
  }

  private productionInput(): ProductionConfigInput {
    const s = this.security;
    return {
      ENVIRONMENT: s.environment,
      API_KEYS: s.apiKeys.length > 0 ? s.apiKeys.join(',') : undefined,
      SECRET_KEY: s.secretKey ?? undefined,
      ALLOWED_HOSTS: s.allowedHosts.length > 0 ? s.allowedHosts.join(',') : undefined,
      TRUST_PROXY: s.trustProxy,
      SPARKSEER_BASE_URL: this.sparkseer.baseUrl,
      LNBITS_URL: this.lnbits.url ?? undefined,
      LND_REST_URL: this.lnd.restUrl ?? undefined,
      MEMPOOL_BASE_URL: this.mempool.baseUrl ?? undefined,
      OPENAI_BASE_URL: this.openai.baseUrl ?? undefined,
      ALERT_WEBHOOK_URL: s.alertWebhookUrl ?? undefined,
    };
  }
}
