import { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { appConfig, limitsConfig } from './config/configuration';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  const cfg = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  configureApp(app, cfg.version);
  const { shutdownTimeoutMs } = app.get<ConfigType<typeof limitsConfig>>(limitsConfig.KEY);
  // enableShutdownHooks closes the app gracefully on these signals; this bounds how long that may take.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`graceful shutdown did not finish within SHUTDOWN_TIMEOUT_MS=${shutdownTimeoutMs} ms; exiting`);
        process.exit(1);
      }, shutdownTimeoutMs).unref();
    });
  }
  await app.listen(cfg.port, '0.0.0.0');
}

bootstrap().catch((err: unknown) => {
  // Boot failures (bad configuration, unreadable graph) end the process with their own message.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
