import type { ExecutionContext } from '@nestjs/common';
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
