import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedResponseError } from '../common/malformed-response.error';
import { mapChannelRecommendations, mapNodeStats, mapOutboundLiquidity, mapSuggestedFees } from './sparkseer.mapper';

/** Saved real Sparkseer answers (test fixtures only; see test/fixtures/sparkseer/README.md). */
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/sparkseer', name), 'utf8'));
const PK = '03899f4a6c679c3a1bea61c3ba7bb0ac560f3d420286d1d898c5f83b8e0830844f';

describe('Sparkseer mapping', () => {
  it('maps every saved services answer', () => {
    expect(mapChannelRecommendations(fixture('channel-recommendations.json'))).toHaveLength(15);
    const fees = mapSuggestedFees(fixture('suggested-fees.json'));
    expect(fees).toHaveLength(13);
    const liq = mapOutboundLiquidity(fixture('outbound-liquidity-value.json'));
    expect(liq.map((l) => l.peerPubkey)).toEqual(fees.map((f) => f.peerPubkey));
    // Percentiles are decimals, sometimes whole numbers.
    expect(liq.some((l) => !Number.isInteger(l.passiveStrategyPpmPercentile))).toBe(true);
  });

  it('reads current-stats as an array or an object, null when empty, and checks it is the requested node', () => {
    const row = { pubkey: PK, total_capacity: 210000000, num_channels: 69, alias: null };
    expect(mapNodeStats([row], PK)).toMatchObject({ pubkey: PK, totalCapacitySat: 210000000, alias: null, meanChannelCapacitySat: null });
    expect(mapNodeStats(row, PK)?.numChannels).toBe(69);
    expect(mapNodeStats([], PK)).toBeNull();
    expect(mapNodeStats({}, PK)).toBeNull();
    expect(() => mapNodeStats([row], '02' + 'a'.repeat(64))).toThrow(MalformedResponseError);
  });

  it('refuses a services answer in another shape (e.g. the invented `recommendations[].action`)', () => {
    expect(() => mapChannelRecommendations({ recommendations: [{ action: 'open' }] })).toThrow('channel_recommendations: expected an array');
  });
});
