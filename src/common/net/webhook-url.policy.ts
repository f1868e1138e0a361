import { isIP } from 'node:net';
import { blockedAddressReason } from './ip-address.policy';

export interface WebhookUrlRules {
  /** Only https:// (production). */
  httpsOnly: boolean;
  /** Host names or IP addresses the operator lets through although they are internal (WEBHOOK_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
}

export type WebhookUrlVerdict =
  | { ok: true; url: URL; host: string; ip: boolean; allowListed: boolean }
  | { ok: false; problem: string };

/** A URL host as compared: lower case, IPv6 brackets removed, IPv4 in its canonical dotted form. */
export function canonicalHost(host: string): string | null {
  try {
    return new URL(`http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}/`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}

/**
 * The checks a webhook URL can pass without DNS: parseable, http(s) (https only in production), no credentials,
 * and, when the host is an IP literal, a public one. The WHATWG parser has already turned odd IPv4 spellings
 * (`0x7f000001`, `2130706433`, `127.1`) into dotted quads, so they are judged as what they reach. Host names are
 * resolved and checked by the caller, and again at connect time.
 */
export function checkWebhookUrl(raw: string, rules: WebhookUrlRules): WebhookUrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'must be an http(s) URL' };
  if (rules.httpsOnly && url.protocol !== 'https:') return { ok: false, problem: 'must be an https:// URL in production' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'must not carry credentials (user:password@); put a token in the path or rely on the signature' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const allowListed = rules.allowedHosts.some((h) => canonicalHost(h) === host);
  const ip = isIP(host) !== 0;
  if (ip && !allowListed) {
    const reason = blockedAddressReason(host);
    if (reason !== null) return { ok: false, problem: refusal(host, host, reason) };
  }
  return { ok: true, url, host, ip, allowListed };
}

export function refusal(host: string, address: string, reason: string): string {
  const where = host === address ? address : `${host}, which resolves to ${address},`;
  return `must point to a public address: ${where} is ${reason} (an operator can allow an internal receiver with WEBHOOK_ALLOWED_HOSTS)`;
}
