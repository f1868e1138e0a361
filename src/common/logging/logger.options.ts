import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { truncatePubkeysIn } from '../validation/pubkey';

/** Header and body paths that may carry secrets; pino replaces them before a line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["grpc-metadata-macaroon"]',
  'res.headers["set-cookie"]',
  '*.apiKey',
  '*.api_key',
  '*.secretKey',
  '*.macaroon',
  '*.password',
];

/** pino-http options: JSON lines, request ids (taken from `X-Request-Id` or made), pubkeys truncated. */
export function loggerOptions(level: string): Params {
  return {
    // Express 5 path syntax: nestjs-pino's default '*' makes Nest warn at every boot and convert it.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: truncatePubkeysIn(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/v1/health') },
      hooks: {
        // Pubkeys in free-text log messages are truncated like those in URLs.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? truncatePubkeysIn(a) : a)) as Parameters<typeof method>);
        },
      },
    },
  };
}
