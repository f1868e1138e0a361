import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  normalizeIp,
  ThrottlerGuard,
  ThrottlerModuleOptions,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain.error';
import { ApiKeyService } from '../security/api-key.service';
import { isPublicProbe } from '../security/public-routes';

/** The tightest limit seen so far for this request: with two tiers, the headers describe the one closest to refusing. */
const SHOWN = Symbol('rateLimitShown');
type ShownLimit = { remaining: number };

/**
 * `@nestjs/throttler`'s guard with this service's rules: one bucket per API key (per client IP when no valid key is
 * sent, so bad-key floods are limited too), shared by all routes of a tier; health probes never counted; IETF
 * `RateLimit-Limit/Remaining/Reset` headers on every answer, `Retry-After` and a RATE_LIMITED problem+json on 429.
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http' || isPublicProbe(context);
  }

  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const keyId = this.apiKeys.identify(req as Request);
    // req.ip honours `trust proxy` (TRUST_PROXY), so behind the proxy this is the client, not the proxy.
    return keyId !== null ? `key:${keyId}` : `ip:${normalizeIp((req as Request).ip ?? 'unknown')}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override async handleRequest({ context, limit, ttl, throttler, blockDuration, getTracker, generateKey }: ThrottlerRequest): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { [SHOWN]?: ShownLimit }>();
    const res = http.getResponse<Response>();
    const name = throttler.name ?? 'default';
    const key = generateKey(context, await getTracker(req, context), name);
    const record = await this.storageService.increment(key, ttl, limit, blockDuration, name);
    const remaining = record.isBlocked ? 0 : Math.max(0, limit - record.totalHits);
    const resetSeconds = record.isBlocked ? record.timeToBlockExpire : record.timeToExpire;
    // eslint-disable-next-line security/detect-object-injection -- SHOWN is a module-private Symbol, not a string key
    if (!req[SHOWN] || remaining < req[SHOWN].remaining) {
      // eslint-disable-next-line security/detect-object-injection -- SHOWN is a module-private Symbol, not a string key
      req[SHOWN] = { remaining };
      res.setHeader('RateLimit-Limit', String(limit));
      res.setHeader('RateLimit-Remaining', String(remaining));
      res.setHeader('RateLimit-Reset', String(resetSeconds));
    }
    if (record.isBlocked) {
      res.setHeader('Retry-After', String(record.timeToBlockExpire));
      const scope = name === 'default' ? '' : ` on ${name} routes`;
      throw new DomainError('RATE_LIMITED', `Rate limit of ${limit} requests per ${Math.round(ttl / 1000)} s${scope} reached; retry in ${record.timeToBlockExpire} s`);
    }
    return true;
  }
}
