import { applyDecorators, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiProblemResponses } from '../common/errors/api-problem-responses.decorator';

export const EXPENSIVE_ROUTE = 'throttling:expensive-route';
const reflector = new Reflector();

/** Decides from the (parsed) request whether this call is expensive, for routes whose cost depends on the body. */
export type ExpensiveWhen = (req: Request) => boolean;

/**
 * Marks a route (or every route of a controller) as expensive: on top of the per-minute limit of every route,
 * it counts against RATE_LIMIT_EXPENSIVE_PER_MINUTE, shared by all expensive routes of one client. With `when`,
 * only the requests it picks count (e.g. `/mcp`, where the JSON-RPC body names the tool that runs).
 */
export function ExpensiveRoute(when?: ExpensiveWhen): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(EXPENSIVE_ROUTE, when ?? true), ApiProblemResponses(429));
}

export function isExpensiveRoute(context: ExecutionContext): boolean {
  const marked = reflector.getAllAndOverride<boolean | ExpensiveWhen | undefined>(EXPENSIVE_ROUTE, [context.getHandler(), context.getClass()]);
  if (typeof marked === 'function') return marked(context.switchToHttp().getRequest<Request>());
  return marked === true;
}
