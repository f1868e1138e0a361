import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { AxiosRequestConfig } from 'axios';
import { webhookConfig } from '../../config/configuration';
import { HOST_RESOLVER, HostResolver } from './host-resolver';
import { blockedAddressReason } from './ip-address.policy';
import { canonicalHost, checkWebhookUrl, refusal } from './webhook-url.policy';

export const WEBHOOK_ADDRESS_REFUSED = 'EWEBHOOKADDRESS';

/** Fails the socket when a webhook host resolves, at connect time, to an address it must not reach. */
export class WebhookAddressRefusedError extends Error {
  readonly code = WEBHOOK_ADDRESS_REFUSED;
}

/**
 * Where server-side webhook requests (bulk `callback_url`, `ALERT_WEBHOOK_URL`) may go. Checked twice: when the
 * URL is accepted ({@link problem}: syntax, scheme, credentials, every resolved address public) and when each
 * socket connects (the agents' `lookup` refuses a private answer), so a DNS answer that changes between the two
 * (rebinding) cannot reach an internal address. Redirects are never followed, proxies from the environment never
 * used: a request goes to the checked host or nowhere.
 */
@Injectable()
export class WebhookTargetService {
  private readonly allowed: Set<string>;
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;

  constructor(
    @Inject(webhookConfig.KEY) private readonly cfg: ConfigType<typeof webhookConfig>,
    @Inject(HOST_RESOLVER) private readonly resolve: HostResolver,
  ) {
    this.allowed = new Set(cfg.allowedHosts.map((h) => canonicalHost(h)).filter((h): h is string => h !== null));
    const lookup = this.guardedLookup();
    this.httpAgent = new HttpAgent({ lookup });
    this.httpsAgent = new HttpsAgent({ lookup });
  }

  /** Why `raw` must not be called (a sentence to follow the field name), or null when it may be. */
  async problem(raw: string): Promise<string | null> {
    const verdict = checkWebhookUrl(raw, { httpsOnly: this.cfg.httpsOnly, allowedHosts: [...this.allowed] });
    if (!verdict.ok) return verdict.problem;
    if (verdict.ip || verdict.allowListed) return null;
    let addresses: Array<{ address: string }>;
    try {
      addresses = await this.resolve(verdict.host);
    } catch {
      return `must name a host that resolves: ${verdict.host} does not`;
    }
    if (addresses.length === 0) return `must name a host that resolves: ${verdict.host} does not`;
    for (const { address } of addresses) {
      const reason = blockedAddressReason(address);
      if (reason !== null) return refusal(verdict.host, address, reason);
    }
    return null;
  }

  /** Axios options that send a request only to the checked host, over sockets whose every address is checked. */
  requestOptions(): Pick<AxiosRequestConfig, 'httpAgent' | 'httpsAgent' | 'proxy' | 'maxRedirects'> {
    return { httpAgent: this.httpAgent, httpsAgent: this.httpsAgent, proxy: false, maxRedirects: 0 };
  }

  /**
   * A `net.connect` lookup that resolves with {@link HostResolver} and fails the connection when any address is
   * not public (unless the host is allow-listed). IP literals never reach a lookup; {@link problem} judged them.
   */
  private guardedLookup(): LookupFunction {
    return (hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
      const host = canonicalHost(hostname) ?? hostname;
      this.resolve(host).then(
        (found) => {
          if (!this.allowed.has(host)) {
            for (const { address } of found) {
              const reason = blockedAddressReason(address);
              if (reason !== null) return callback(new WebhookAddressRefusedError(`refused to connect: ${host} resolves to ${address}, which is ${reason}`), '', 0);
            }
          }
          const wanted = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
          if (wanted.length === 0) return callback(Object.assign(new Error(`${host} has no IPv${options.family} address`), { code: 'ENOTFOUND' }), '', 0);
          if (options.all) return callback(null, wanted);
          return callback(null, wanted[0].address, wanted[0].family);
        },
        (err: NodeJS.ErrnoException) => callback(err, '', 0),
      );
    };
  }
}
