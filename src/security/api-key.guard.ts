import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain.error';
import { ApiKeyService } from './api-key.service';
import { isPublicProbe } from './public-routes';

/** Same words for a missing, malformed or unknown key: the answer never hints at which part was wrong. */
export const UNAUTHORIZED_MESSAGE = 'A valid API key is required: send it in the X-API-Key header or as Authorization: Bearer <key>';

/** With API_KEYS set, every route except the public health probes needs a valid key (401 problem+json otherwise). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeyService) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http' || !this.keys.required || isPublicProbe(context)) return true;
    const http = context.switchToHttp();
    if (this.keys.identify(http.getRequest<Request>()) !== null) return true;
    http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="api"');
    throw new DomainError('UNAUTHORIZED', UNAUTHORIZED_MESSAGE);
  }
}
