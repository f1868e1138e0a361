import { runeForms, SecretScrubber } from './secret-scrubber';

describe(SecretScrubber.name, () => {
  const mac = '0201036c6e64' + 'ab'.repeat(30);

  it('removes secrets in any letter case, and truncates pubkeys', () => {
    const s = new SecretScrubber([mac, 'sk-key-123456', null, undefined]);
    const pk = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
    expect(s.scrub(`mac ${mac.toUpperCase()} key sk-key-123456 node ${pk}`)).toBe('mac [redacted] key [redacted] node 03864ef0…3f8f');
  });

  it('ignores values too short to be real secrets, and bounds the length', () => {
    const s = new SecretScrubber(['ab']);
    expect(s.scrub('about abc')).toBe('about abc');
    expect(s.scrub('x'.repeat(500), 10)).toBe('xxxxxxxxxx…');
  });

  it('removes a rune in every form it can take, and any value sent back under a Rune header', () => {
    const rune = 'tU-RLjMiDpY2U0o3W1oFowar36RFGpWloPbW9-RuZdo9MyZpZD0wMjRiOWExZmE4ZTAwNmYx_method=getinfo==';
    const s = new SecretScrubber(runeForms(rune));
    expect(s.scrub(`bad rune ${rune}`)).toBe('bad rune [redacted]');
    expect(s.scrub(`unpadded ${rune.replace(/=+$/, '')} std ${rune.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')}`)).toBe('unpadded [redacted] std [redacted]');
    expect(s.scrub(`authcode ${rune.slice(0, 43)}`)).toBe('authcode [redacted]');
    expect(s.scrub('{"headers":{"Rune":"someoneElsesRuneValue123"}}')).toBe('{"headers":{"Rune":"[redacted]"}}');
    expect(s.scrub('Rune: abcdefgh12345')).toBe('Rune: [redacted]');
  });
});
