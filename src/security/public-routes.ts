import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { HealthController } from '../health/health.controller';

/**
 * Path of the health routes (`/health`, `/health/live`, `/health/ready` under the `api/v1` prefix), for the
 * middleware that runs before Nest routing; guards use {@link isHealthRoute} instead.
 */
export const HEALTH_PATH = /^\/api\/v1\/health(?:\/(?:live|ready))?\/?$/;

/**
 * Health routes are open: platform probes (Docker, Hostinger, load balancers) carry no API key, and they are
 * never rate limited, so a busy client cannot make a healthy instance look dead.
 */
export function isHealthRoute(context: ExecutionContext): boolean {
  return context.getClass() === HealthController;
}

/**
 * A health request platforms make: any health route, except `/health?verbose=…` (anything but `verbose=false`),
 * which tells the environment, versions, memory and upstreams. That one needs a key when API_KEYS is set, and
 * is rate limited like any other route.
 */
export function isPublicProbe(context: ExecutionContext): boolean {
  if (!isHealthRoute(context)) return false;
  if (context.getHandler() !== HealthController.prototype.getHealth) return true;
  const verbose = context.switchToHttp().getRequest<Request>().query?.verbose;
  return verbose === undefined || verbose === 'false';
}
