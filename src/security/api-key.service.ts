import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { securityConfig } from '../config/configuration';

/** Hex characters of a key's SHA-256 kept as its public id (rate-limit buckets, logs): never the key itself. */
const FINGERPRINT_HEX_CHARS = 12;

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/**
 * The key a request presents: the `X-API-Key` header when present, otherwise an `Authorization: Bearer` token.
 * One rule, so a client never wonders which of two different keys counted.
 */
export function presentedApiKey(headers: IncomingHttpHeaders): string | null {
  const header = headers['x-api-key'];
  if (typeof header === 'string' && header.trim() !== '') return header.trim();
  const auth = headers.authorization;
  const bearer = typeof auth === 'string' ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(auth) : null;
  return bearer ? bearer[1] : null;
}

/**
 * The API keys from `API_KEYS`, kept only as SHA-256 digests. Several keys are valid at once, which is how a
 * key is rotated: add the new one, move clients over, remove the old one.
 */
@Injectable()
export class ApiKeyService {
  private readonly digests: Buffer[];
  private readonly identities = new WeakMap<object, string | null>();

  constructor(@Inject(securityConfig.KEY) cfg: ConfigType<typeof securityConfig>) {
    this.digests = [...new Set(cfg.apiKeys)].map(hashApiKey);
  }

  /** True when API_KEYS is set: every non-health route then needs a valid key. */
  get required(): boolean {
    return this.digests.length > 0;
  }

  get keyCount(): number {
    return this.digests.length;
  }

  /**
   * Fingerprint of the valid key `presented` matches, or null. Constant time in the key: every configured digest
   * is compared with `timingSafeEqual` and the loop never stops early, so timing tells neither whether a prefix was
   * right nor which key matched.
   */
  match(presented: string): string | null {
    const digest = hashApiKey(presented);
    let found: Buffer | null = null;
    for (const candidate of this.digests) {
      if (timingSafeEqual(candidate, digest)) found = candidate;
    }
    return found ? found.toString('hex').slice(0, FINGERPRINT_HEX_CHARS) : null;
  }

  /** Fingerprint of the valid key a request carries (null if none or unknown), computed once per request. */
  identify(req: { headers: IncomingHttpHeaders }): string | null {
    if (this.identities.has(req)) return this.identities.get(req) ?? null;
    const presented = presentedApiKey(req.headers);
    const id = presented !== null && this.required ? this.match(presented) : null;
    this.identities.set(req, id);
    return id;
  }
}
