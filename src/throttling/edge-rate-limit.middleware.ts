import { normalizeIp, ThrottlerStorage } from '@nestjs/throttler';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../common/errors/domain.error';
import { HEALTH_PATH } from '../security/public-routes';

/** The edge tier's window, and how long a client stays refused once it went past the limit. */
export const EDGE_WINDOW_MS = 60_000;
export const EDGE_THROTTLER_NAME = 'edge';

export interface EdgeRateLimitOptions {
  /** Requests per minute per client; 0 turns the edge limit off. */
  perMinute: number;
  /** Fingerprint of the valid API key a request carries (null without one): key holders get their own bucket. */
  identify: (req: Request) => string | null;
}

/** A probe as platforms send it: GET/HEAD of a health route, no body. Never counted, like in the route guards. */
function isBodylessProbe(req: Request): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    HEALTH_PATH.test(req.path) &&
    req.headers['transfer-encoding'] === undefined &&
    (req.headers['content-length'] === undefined || req.headers['content-length'] === '0')
  );
}

/**
 * A cheap per-client limit that runs before the body is read and before routing, so requests that fail in
 * Express (malformed JSON, bodies over the size limit, undecodable `%ZZ` parameters, unknown routes) are counted
 * too; the route guards only ever see requests that reached a route. It counts in the rate limiter's storage
 * (Redis shared by every instance, failing open to this instance's memory), under its own `edge` tier.
 * A refused request is answered without reading its body, and its connection is closed.
 */
export function edgeRateLimitMiddleware(storage: ThrottlerStorage, options: EdgeRateLimitOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (options.perMinute <= 0 || isBodylessProbe(req)) return next();
    const keyId = options.identify(req);
    const tracker = keyId !== null ? `key:${keyId}` : `ip:${normalizeIp(req.ip ?? 'unknown')}`;
    storage.increment(`${EDGE_THROTTLER_NAME}:${tracker}`, EDGE_WINDOW_MS, options.perMinute, EDGE_WINDOW_MS, EDGE_THROTTLER_NAME).then(
      (record) => {
        if (!record.isBlocked) return next();
        res.setHeader('Retry-After', String(record.timeToBlockExpire));
        res.setHeader('RateLimit-Limit', String(options.perMinute));
        res.setHeader('RateLimit-Remaining', '0');
        res.setHeader('RateLimit-Reset', String(record.timeToBlockExpire));
        res.setHeader('Connection', 'close');
        next(new DomainError('RATE_LIMITED', `Rate limit of ${options.perMinute} requests per 60 s per client reached; retry in ${record.timeToBlockExpire} s`));
      },
      // The storage falls back to memory by itself; should it still fail, the request goes on (fail open).
      () => next(),
    );
  };
}
