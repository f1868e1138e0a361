import { MalformedResponseError } from './malformed-response.error';
import { int64, numeric, optStr, pubkey, single, uint64String } from './wire';

describe('wire readers', () => {
  it('reads LND int64 strings as numbers and refuses what would lose precision', () => {
    expect(int64('3120440', 'x')).toBe(3120440);
    expect(int64(-5, 'x')).toBe(-5);
    expect(() => int64('12.5', 'x')).toThrow(MalformedResponseError);
    expect(() => int64('18446744073709551615', 'max_htlc_msat')).toThrow('max_htlc_msat: expected an integer within ±2^53');
  });

  it('keeps uint64 ids as strings', () => {
    expect(uint64String('869539374297137153', 'chan_id')).toBe('869539374297137153');
    expect(() => uint64String('-1', 'chan_id')).toThrow(MalformedResponseError);
  });

  it('reads mempool DECIMAL strings', () => {
    expect(numeric('31505027', 'capacity')).toBe(31505027);
    expect(numeric(0, 'capacity')).toBe(0);
    expect(() => numeric('n/a', 'capacity')).toThrow('capacity: expected a number or a decimal string');
  });

  it('unwraps one-row tables and names the path on failure, never the value', () => {
    expect(single([{ a: 1 }], 'stats')).toEqual({ a: 1 });
    expect(single({ a: 1 }, 'stats')).toEqual({ a: 1 });
    expect(() => single([{}, {}], 'stats')).toThrow('stats: expected a one-element array');
    expect(() => pubkey('secret-value', 'node.pub_key')).toThrow(/^node\.pub_key: expected a node pubkey$/);
    expect(optStr(null, 'alias')).toBeNull();
  });
});
