import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { truncatePubkey, truncatePubkeysIn } from '../validation/pubkey';

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

/** A client's X-Request-Id is used only when it looks like an id; anything else gets a fresh UUID. */
export const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Query parameters whose values may be secrets (a key pasted as `?api_key=`, a token, a rune or macaroon):
 * matched on the whole name or its last `_`/`-` separated word, case-insensitively, so `pubkey` stays readable.
 */
const SECRET_PARAM_RE = /(?:^|[_.-])(?:api_?key|key|token|secret|password|passwd|pwd|pass|rune|macaroon|auth|authorization|signature|sig|session|credentials?)$/i;

/** Hex runs that are a pubkey or a long prefix of one (a search query): truncated like pubkeys. */
const PUBKEY_PREFIX_RE = /0[23][0-9a-fA-F]{14,}/g;

function decoded(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** A URL as it may be logged: values of secret-looking query parameters replaced, pubkeys and their prefixes truncated. */
export function urlForLog(url: string): string {
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const query =
    at < 0
      ? ''
      : '?' +
        url
          .slice(at + 1)
          .split('&')
          .map((pair) => {
            const eq = pair.indexOf('=');
            const name = eq < 0 ? pair : pair.slice(0, eq);
            return eq >= 0 && SECRET_PARAM_RE.test(decoded(name)) ? `${name}=[redacted]` : pair;
          })
          .join('&');
  return truncatePubkeysIn(path + query).replace(PUBKEY_PREFIX_RE, (hex) => truncatePubkey(hex));
}

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
        const id = typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: urlForLog(req.url) }),
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
