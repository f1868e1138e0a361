import type { NextFunction, Request, Response } from 'express';
import { ValidationFailedError } from '../common/validation/validation';
import { HEALTH_PATH } from './public-routes';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** `api.example.org:8443` → host `api.example.org`, port `8443`; `[::1]:8000` → `[::1]`, `8000`. Lower-cased. */
export function splitHost(value: string): { host: string; port: string | null } {
  const v = value.trim().toLowerCase();
  // eslint-disable-next-line security/detect-unsafe-regex -- no nested repetition; the optional port needs a colon that [^:]* cannot take, so matching is linear in the Host header
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(v);
  return m ? { host: m[1], port: m[2] ?? null } : { host: v, port: null };
}

/**
 * Whether a `Host` header is one of `allowed`, matched like Starlette's TrustedHostMiddleware: `api.example.org`
 * (any port), `api.example.org:8443` (that port only), `*.example.org` (any sub-domain, not the apex) or `*`.
 */
export function isHostAllowed(hostHeader: string | undefined, allowed: readonly string[]): boolean {
  if (!hostHeader) return false;
  const { host, port } = splitHost(hostHeader);
  return allowed.some((entry) => {
    const e = splitHost(entry);
    if (e.host === '*') return true;
    if (e.port !== null && e.port !== port) return false;
    if (e.host.startsWith('*.')) return host.endsWith(e.host.slice(1)) && host.length > e.host.length - 1;
    return e.host === host;
  });
}

/**
 * Answers 400 problem+json to a request whose `Host` is not in ALLOWED_HOSTS (host-header injection, DNS rebinding).
 * One exception: a health probe sent over loopback with a loopback Host (a container's own HEALTHCHECK calls
 * `http://127.0.0.1:8000/api/v1/health`), which is necessary for the probe and reveals nothing the public
 * health route does not.
 */
export function trustedHostMiddleware(allowedHosts: readonly string[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const host = req.headers.host;
    if (isHostAllowed(host, allowedHosts)) return next();
    const loopbackProbe =
      host !== undefined &&
      LOOPBACK_HOSTS.has(splitHost(host).host) &&
      LOOPBACK_PEERS.has(req.socket.remoteAddress ?? '') &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      HEALTH_PATH.test(req.path);
    if (loopbackProbe) return next();
    next(new ValidationFailedError([{ field: 'Host', message: 'The Host header names a host this service does not answer for' }]));
  };
}
