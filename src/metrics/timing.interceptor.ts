import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { RequestMetricsService } from './request-metrics.service';

/**
 * Times every routed request. It records on the response's `finish`, so the status is the one the client
 * got, including errors that the exception filter turned into 4xx/5xx after the handler threw.
 */
@Injectable()
export class TimingInterceptor implements NestInterceptor {
  constructor(private readonly metrics: RequestMetricsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const start = process.hrtime.bigint();
    // The route pattern, not the URL: one series per endpoint, never one per pubkey.
    const route = `${req.baseUrl ?? ''}${(req.route as { path?: string } | undefined)?.path ?? 'unmatched'}`;
    res.once('finish', () => {
      this.metrics.record(req.method, route, res.statusCode, Number(process.hrtime.bigint() - start) / 1e9);
    });
    return next.handle();
  }
}
