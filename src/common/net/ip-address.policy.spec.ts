import { blockedAddressReason, embeddedIPv4, ipv6Groups } from './ip-address.policy';

describe(blockedAddressReason.name, () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['0.0.0.0', /unspecified/],
    ['0.1.2.3', /unspecified/],
    ['10.0.0.1', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['255.255.255.255', /reserved or broadcast/],
    ['192.0.2.10', /documentation/],
    ['198.18.0.1', /benchmarking/],
    ['::', /unspecified/],
    ['::1', /loopback/],
    ['0:0:0:0:0:0:0:1', /loopback/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['fc00::1', /unique-local/],
    ['fd12:3456:789a::1', /unique-local/],
    ['ff02::1', /multicast/],
    ['2001:db8::1', /documentation/],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', /IETF/],
    ['::ffff:127.0.0.1', /loopback \(IPv4 127\.0\.0\.1 inside an IPv6 address\)/],
    ['::ffff:7f00:1', /loopback/],
    ['::FFFF:a9fe:a9fe', /link-local/],
    ['0:0:0:0:0:ffff:10.0.0.1', /private/],
    ['64:ff9b::7f00:1', /loopback/],
    ['64:ff9b::192.168.0.1', /private/],
    ['2002:7f00:1::1', /loopback/],
    ['2002:c0a8:101::', /private/],
    ['::127.0.0.1', /IPv4-compatible/],
    ['localhost', /not an IP address/],
    ['0x7f000001', /not an IP address/],
    ['2130706433', /not an IP address/],
    ['127.1', /not an IP address/],
    ['', /not an IP address/],
  ])('refuses %s', (address, reason) => {
    expect(blockedAddressReason(address)).toMatch(reason);
  });

  it.each(['1.1.1.1', '8.8.8.8', '93.184.215.14', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4007:80e::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])(
    'lets the public address %s through',
    (address) => {
      expect(blockedAddressReason(address)).toBeNull();
    },
  );
});

describe(ipv6Groups.name, () => {
  it('expands :: and folds a trailing dotted quad into two groups', () => {
    expect(ipv6Groups('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('fe80::1%lo')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(ipv6Groups('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe(embeddedIPv4.name, () => {
  it('finds the IPv4 address of mapped, NAT64 and 6to4 forms only', () => {
    expect(embeddedIPv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIPv4('64:ff9b::a00:1')).toBe('10.0.0.1');
    expect(embeddedIPv4('2002:a9fe:a9fe::')).toBe('169.254.169.254');
    expect(embeddedIPv4('2606:4700::1')).toBeNull();
  });
});
