import { applyDecorators, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiProblemResponses } from '../common/errors/api-problem-responses.decorator';

export const EXPENSIVE_ROUTE = 'throttling:expensive-route';
const reflector = new Reflector();

/**
 * Marks a route (or every route of a controller) as expensive: on top of the per-minute limit of every route,
 * it counts against RATE_LIMIT_EXPENSIVE_PER_MINUTE, shared by all expensive routes of one client.
 */
export function ExpensiveRoute(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(EXPENSIVE_ROUTE, true), ApiProblemResponses(429));
}

export function isExpensiveRoute(context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean | undefined>(EXPENSIVE_ROUTE, [context.getHandler(), context.getClass()]) === true;
}
