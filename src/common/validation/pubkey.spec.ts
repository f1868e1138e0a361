import { isNodePubkey, pubkeyProblem, truncatePubkey, truncatePubkeysIn } from './pubkey';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';

describe('node pubkeys', () => {
  it('accepts 02/03 + 64 hex, upper case after lower-casing', () => {
    expect(isNodePubkey(ACINQ)).toBe(true);
    expect(pubkeyProblem(ACINQ.toUpperCase())).toBeNull();
  });
  it.each([
    [undefined, 'must be a string'],
    ['', 'got 0'],
    ['04' + 'a'.repeat(64), 'start with 02 or 03'],
    ['02' + 'g'.repeat(64), 'hexadecimal'],
  ])('explains why %p is not one', (value, message) => {
    expect(pubkeyProblem(value)).toContain(message);
  });
  it('truncates pubkeys for logs, inside any text', () => {
    expect(truncatePubkey(ACINQ)).toBe('03864ef0…3f8f');
    expect(truncatePubkeysIn(`/api/v1/node/${ACINQ}/info`)).toBe('/api/v1/node/03864ef0…3f8f/info');
  });
});
