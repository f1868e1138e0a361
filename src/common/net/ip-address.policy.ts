import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * IPv4 ranges a server-side request must never reach, each with the reason given back to the client. Besides
 * loopback, private, link-local, multicast and unspecified: shared CGNAT space, documentation, benchmarking and
 * reserved blocks, none of which is a public receiver.
 */
const IPV4_BLOCKED: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata lives here)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved or broadcast'],
];

/** IPv6 ranges refused outright; forms that embed an IPv4 address are judged by that address instead. */
const IPV6_BLOCKED: Array<[string, number, string]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'IPv4-compatible (deprecated)'],
  ['100::', 64, 'discard-only'],
  ['2001::', 23, 'IETF protocol assignments (Teredo, ORCHID…)'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated)'],
  ['ff00::', 8, 'multicast'],
];

function blockList(rules: Array<[string, number, string]>, family: 'ipv4' | 'ipv6'): Array<[BlockList, string]> {
  return rules.map(([net, prefix, reason]) => {
    const list = new BlockList();
    list.addSubnet(net, prefix, family);
    return [list, reason];
  });
}

const V4 = blockList(IPV4_BLOCKED, 'ipv4');
const V6 = blockList(IPV6_BLOCKED, 'ipv6');

/** The eight 16-bit groups of a valid IPv6 address (zone id dropped, a trailing dotted quad folded in). */
export function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0].toLowerCase();
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad[1].split('.').map(Number);
    text = `${text.slice(0, -quad[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  if (tail === null) return left;
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const v4From = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/**
 * The IPv4 address an IPv6 one stands for, when it is a form that reaches an IPv4 host: IPv4-mapped
 * (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002:aabb:ccdd::/48).
 */
export function embeddedIPv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (g.length !== 8) return null;
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return v4From(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4From(g[6], g[7]);
  if (g[0] === 0x2002) return v4From(g[1], g[2]);
  return null;
}

/**
 * Why a request must not go to `address` (an IP literal as DNS or a URL gives it), or null when it is a public
 * unicast address. Anything that is not a valid IP address is refused too: this is an allow-nothing-odd check.
 */
export function blockedAddressReason(address: string): string | null {
  if (isIPv4(address)) {
    for (const [list, reason] of V4) if (list.check(address, 'ipv4')) return reason;
    return null;
  }
  if (isIPv6(address)) {
    const v4 = embeddedIPv4(address);
    if (v4 !== null) {
      const inner = blockedAddressReason(v4);
      return inner === null ? null : `${inner} (IPv4 ${v4} inside an IPv6 address)`;
    }
    const plain = address.split('%')[0];
    for (const [list, reason] of V6) if (list.check(plain, 'ipv6')) return reason;
    return null;
  }
  return 'not an IP address';
}
