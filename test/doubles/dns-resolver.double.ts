import type { HostResolver } from '../../src/common/net/host-resolver';

type Answer = Array<{ address: string; family: number }>;

/**
 * A DNS stand-in for names the tests own. `rebinding` answers a public address for the first `publicAnswers`
 * lookups and loopback afterwards, as an attacker's name server with a zero TTL would. Other names go to the
 * system resolver (localhost).
 */
export function fakeResolver(fallback: HostResolver, zones: Record<string, Answer | ((call: number) => Answer)>) {
  const calls: string[] = [];
  const resolver: HostResolver = async (hostname) => {
    calls.push(hostname);
    const zone = Object.entries(zones).find(([name]) => name === hostname)?.[1];
    if (zone === undefined) return fallback(hostname);
    return typeof zone === 'function' ? zone(calls.filter((h) => h === hostname).length) : zone;
  };
  return { resolver, calls };
}

export const v4 = (address: string) => [{ address, family: 4 }];
