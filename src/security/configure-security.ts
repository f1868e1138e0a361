import { ConfigType } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import helmet, { HelmetOptions } from 'helmet';
import { securityConfig } from '../config/configuration';
import { trustedHostMiddleware } from './trusted-host.middleware';

/** Headers a browser client may send and read across origins. */
const CORS_REQUEST_HEADERS = ['Content-Type', 'Authorization', 'X-API-Key', 'X-Request-Id'];
const CORS_EXPOSED_HEADERS = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After', 'X-Request-Id'];

const configured = new WeakSet<object>();

/** `TRUST_PROXY` as Express wants it: `false`, `true`, a hop count, or a named subnet (`loopback`, …). */
export function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * Helmet's defaults keep Swagger UI at /docs working (its scripts are same-origin files, its styles inline,
 * which the default CSP allows). `upgrade-insecure-requests` is kept in production only: on a plain-http dev
 * server it would make the browser fetch /docs' assets over https and fail.
 */
export function helmetOptions(environment: string): HelmetOptions {
  return {
    contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': environment === 'production' ? [] : null } },
  };
}

export function corsOptions(origins: readonly string[]): CorsOptions {
  return {
    // Exact origins only: the cors package compares strings, so `https://dazno.de` never lets `https://dazno.de.evil` in.
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  };
}

/**
 * The HTTP hardening of the app, in the order requests meet it: proxy trust (so `req.ip` is the client behind
 * Hostinger's proxy), the Host allow-list, security headers, CORS. Call it before the body parser so a request
 * for a wrong host is refused before its body is read. Calling it twice on one app does nothing the second time.
 */
export function configureSecurity(app: NestExpressApplication, cfg: ConfigType<typeof securityConfig>): void {
  const express = app.getHttpAdapter().getInstance() as object;
  if (configured.has(express)) return;
  configured.add(express);
  app.set('trust proxy', parseTrustProxy(cfg.trustProxy));
  if (cfg.allowedHosts.length > 0) app.use(trustedHostMiddleware(cfg.allowedHosts));
  app.use(helmet(helmetOptions(cfg.environment)));
  // No CORS_ORIGINS: no CORS headers at all, so browsers keep the API same-origin.
  if (cfg.corsOrigins.length > 0) app.enableCors(corsOptions(cfg.corsOrigins));
}
