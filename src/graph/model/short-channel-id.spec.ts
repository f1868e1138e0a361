import { blockHeightOfScid, scidFromLndChannelId } from './short-channel-id';

describe('short channel ids', () => {
  it('decodes LND decimal channel ids (block << 40 | tx << 16 | output)', () => {
    const id = ((790846n << 40n) | (1025n << 16n) | 1n).toString();
    expect(scidFromLndChannelId(id)).toBe('790846x1025x1');
    expect(blockHeightOfScid('790846x1025x1')).toBe(790846);
  });
  it('returns null for missing or malformed ids', () => {
    expect(scidFromLndChannelId('0')).toBeNull();
    expect(scidFromLndChannelId('abc')).toBeNull();
    expect(scidFromLndChannelId('18446744073709551616')).toBeNull();
    expect(blockHeightOfScid(null)).toBeNull();
  });
});
