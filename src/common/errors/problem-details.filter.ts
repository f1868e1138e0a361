import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { urlForLog } from '../logging/logger.options';
import { allowedMethods } from './allowed-methods';
import { DomainError, ErrorCode } from './domain.error';

/** The only place that knows which HTTP status each domain error code becomes. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  NODE_NOT_FOUND: HttpStatus.NOT_FOUND,
  JOB_NOT_FOUND: HttpStatus.NOT_FOUND,
  ROUTE_NOT_FOUND: HttpStatus.NOT_FOUND,
  METHOD_NOT_ALLOWED: HttpStatus.METHOD_NOT_ALLOWED,
  GRAPH_NOT_READY: HttpStatus.SERVICE_UNAVAILABLE,
  ANALYTICS_NOT_READY: HttpStatus.SERVICE_UNAVAILABLE,
  FLOW_NOT_READY: HttpStatus.SERVICE_UNAVAILABLE,
  CHANNEL_NOT_FOUND: HttpStatus.NOT_FOUND,
  INVALID_WHAT_IF: HttpStatus.UNPROCESSABLE_ENTITY,
  GRAPH_SNAPSHOT_INVALID: HttpStatus.INTERNAL_SERVER_ERROR,
  UPSTREAM_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: HttpStatus.REQUEST_TIMEOUT,
  SERVER_BUSY: HttpStatus.SERVICE_UNAVAILABLE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  // A key's share of the bulk workers or job store is used up: it frees itself as jobs finish or expire.
  QUOTA_EXCEEDED: HttpStatus.TOO_MANY_REQUESTS,
  UNAUTHORIZED: HttpStatus.UNAUTHORIZED,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  404: 'ROUTE_NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'HEADERS_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'UPSTREAM_UNAVAILABLE',
};

/** RFC 9457 problem details, with a stable `code` clients can switch on. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  request_id?: string;
  errors?: Array<{ field: string; message: string }>;
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    // The router found no route for this method; if the path has routes for other methods only, that is a 405
    // (a route of this method that passed the request on, like an unknown dashboard asset, stays a 404).
    const routed = !(exception instanceof DomainError) && httpStatusOf(exception) === 404 ? allowedMethods(req) : [];
    const allow = routed.includes(req.method) ? [] : routed;
    const problem = allow.length > 0 ? this.methodNotAllowed(req, allow) : this.toProblem(exception, req);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, code: problem.code, path: urlForLog(req.originalUrl ?? req.url) }, 'request failed');
    }
    if (res.headersSent) return;
    const retryAfter = exception instanceof DomainError ? exception.details?.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    if (allow.length > 0) res.setHeader('Allow', allow.join(', '));
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  private methodNotAllowed(req: Request & { id?: string }, allow: string[]): ProblemDetails {
    const detail = `${req.method} is not supported here; this path answers ${allow.join(', ')}`;
    return { ...this.head('METHOD_NOT_ALLOWED', HttpStatus.METHOD_NOT_ALLOWED), detail, instance: (req.originalUrl ?? req.url).split('?')[0], request_id: req.id ? String(req.id) : undefined };
  }

  private toProblem(exception: unknown, req: Request & { id?: string }): ProblemDetails {
    return problemOf(exception, (req.originalUrl ?? req.url).split('?')[0], req.id ? String(req.id) : undefined);
  }

  private head(code: ErrorCode, status: number) {
    return problemHead(code, status);
  }
}

/**
 * The problem details an exception becomes, for the HTTP answer and for transports that carry it otherwise
 * (MCP tool errors). A 5xx never exposes internals: the message is logged, the client gets a generic detail.
 */
export function problemOf(exception: unknown, instance: string, requestId: string | undefined): ProblemDetails {
  const base = { instance, request_id: requestId };
  if (exception instanceof DomainError) {
    const status = STATUS_BY_CODE[exception.code];
    const errors = exception.details?.errors as ProblemDetails['errors'];
    const detail = status >= 500 && exception.code === 'INTERNAL_ERROR' ? 'Internal error' : exception.message;
    return { ...problemHead(exception.code, status), detail, ...base, ...(errors ? { errors } : {}) };
  }
  const status = httpStatusOf(exception);
  if (status !== null && status < 500) {
    // eslint-disable-next-line security/detect-object-injection -- status is a number (httpStatusOf)
    const code = CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED';
    return { ...problemHead(code, status), detail: clientMessage(exception, status), ...base };
  }
  if (status !== null && status !== 500) {
    // eslint-disable-next-line security/detect-object-injection -- status is a number (httpStatusOf)
    const code = CODE_BY_STATUS[status] ?? 'INTERNAL_ERROR';
    return { ...problemHead(code, status), detail: clientMessage(exception, status), ...base };
  }
  return { ...problemHead('INTERNAL_ERROR', 500), detail: 'Internal error', ...base };
}

/** The fixed part of a problem: its type URN, title, status and code. */
export function problemHead(code: ErrorCode, status: number): Pick<ProblemDetails, 'type' | 'title' | 'status' | 'code'> {
  return {
    type: `urn:ln-intelligence:error:${code.toLowerCase().replace(/_/g, '-')}`,
    title: code
      .toLowerCase()
      .split('_')
      .map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
      .join(' '),
    status,
    code,
  };
}

/** Status of Nest HTTP exceptions and of body-parser errors (which carry `status`/`type`). */
function httpStatusOf(e: unknown): number | null {
  if (e instanceof HttpException) return e.getStatus();
  const s = (e as { status?: unknown; statusCode?: unknown })?.status ?? (e as { statusCode?: unknown })?.statusCode;
  return typeof s === 'number' && s >= 400 && s < 600 ? s : null;
}

function clientMessage(e: unknown, status: number): string {
  const type = (e as { type?: string })?.type;
  if (type === 'entity.too.large') return 'Request body is larger than the allowed limit';
  if (type === 'entity.parse.failed') return 'Request body is not valid JSON';
  if (e instanceof HttpException) {
    const r = e.getResponse();
    if (status === 404 && typeof r === 'object') return 'No such route; see /docs for the API';
    const msg = typeof r === 'string' ? r : (r as { message?: unknown }).message;
    if (Array.isArray(msg)) return msg.join('; ');
    if (typeof msg === 'string') return msg;
  }
  return e instanceof Error ? e.message : 'Request failed';
}
