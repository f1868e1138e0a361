import { ConfigType } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { answerClientErrorsWithProblems } from '../common/errors/client-error.handler';
import { limitsConfig } from '../config/configuration';
import { edgeRateLimitMiddleware } from '../throttling/edge-rate-limit.middleware';
import { RedisThrottlerStorage } from '../throttling/redis-throttler.storage';
import { ApiKeyService } from './api-key.service';

/**
 * What happens to a request before its body is read or a route is looked up: Node's own refusals (headers too
 * large, unparsable requests) answered as problem+json, then the per-client edge rate limit. Call it after
 * configureSecurity (Host allow-list, proxy trust: `req.ip` must already be the client) and before the body parser.
 */
export function configureEdge(app: NestExpressApplication, limits: ConfigType<typeof limitsConfig>): void {
  answerClientErrorsWithProblems(app.getHttpServer() as Server);
  const apiKeys = app.get(ApiKeyService);
  app.use(edgeRateLimitMiddleware(app.get(RedisThrottlerStorage), { perMinute: limits.edgePerMinute, identify: (req) => apiKeys.identify(req) }));
}
