import { NodeSearchIndex, prefixRange } from './node-search.index';

const pk = (n: number, prefix = '02') => prefix + n.toString(16).padStart(64, '0');

/** Nodes given as [alias, degree rank]; capacity rank follows the index so ties break predictably. */
function index(nodes: Array<[string | null, number]>, pubkeys = nodes.map((_, i) => pk(i))) {
  return new NodeSearchIndex({
    pubkeys,
    aliases: nodes.map(([a]) => a),
    degreeRank: nodes.map(([, r]) => r),
    capacityRank: nodes.map((_, i) => i + 1),
  });
}

describe(NodeSearchIndex.name, () => {
  const idx = index([
    ['ACINQ', 1], // 0
    ['acinq-testnet', 40], // 1
    ['Aciddrop', 12], // 2
    ['My ACINQ peer', 3], // 3
    [null, 2], // 4
    ['Bitrefill', 5], // 5
    ['LNBiG [Hub-1]', 4], // 6
    ['zzz aci', 50], // 7
  ]);

  it('ranks alias prefix matches by degree rank, then substring matches, case-insensitively', () => {
    const r = idx.search('ACI', 10);
    expect(r.hits.map((h) => [h.node, h.match])).toEqual([
      [0, 'alias_prefix'],
      [2, 'alias_prefix'],
      [1, 'alias_prefix'],
      [3, 'alias_substring'],
      [7, 'alias_substring'],
    ]);
    expect(r.total).toBe(5);
  });

  it('counts every match in total but returns at most limit hits', () => {
    const r = idx.search('aci', 2);
    expect(r.hits.map((h) => h.node)).toEqual([0, 2]);
    expect(r.total).toBe(5);
  });

  it('puts an exact pubkey first, whatever its alias', () => {
    const r = idx.search(pk(5).toUpperCase(), 10);
    expect(r.hits).toEqual([{ node: 5, match: 'pubkey' }]);
    expect(r.total).toBe(1);
  });

  it('finds nodes by pubkey prefix from 6 hex characters, including nodes without alias', () => {
    const pubkeys = [pk(1), pk(2), '03abcdef' + '0'.repeat(58), '03abcd00' + '0'.repeat(58)];
    const i = index([['one', 3], ['two', 2], [null, 1], ['four', 4]], pubkeys);
    expect(i.search('03abcd', 10).hits).toEqual([
      { node: 2, match: 'pubkey_prefix' },
      { node: 3, match: 'pubkey_prefix' },
    ]);
    expect(i.search('03abc', 10).total).toBe(0);
  });

  it('counts an alias once even when the query occurs several times in it', () => {
    const i = index([['abab', 1], ['xabxab', 2]]);
    expect(i.search('ab', 10)).toEqual({ hits: [{ node: 0, match: 'alias_prefix' }, { node: 1, match: 'alias_substring' }], total: 2 });
  });

  it('treats aliases as data: markup and regex characters are matched literally', () => {
    const i = index([['<img src=x onerror=alert(1)>', 1], ['a.b*c', 2], ['abbc', 3]]);
    expect(i.search('<img', 5).hits.map((h) => h.node)).toEqual([0]);
    expect(i.search('.b*', 5).hits.map((h) => h.node)).toEqual([1]);
  });

  it('answers nothing for a query no alias or key contains', () => {
    expect(idx.search('no such node', 10)).toEqual({ hits: [], total: 0 });
  });

  it('answers a query over 17k aliases in milliseconds once built, even one matching most of them', () => {
    const n = 17_000;
    const words = ['lightning', 'node', 'btc', 'sats', 'hub', 'routing', 'acinq', 'zap'];
    const big = index(Array.from({ length: n }, (_, i) => [`${words[i % 8]}-${words[(i * 7) % 8]} ${i}`, (i % 500) + 1] as [string, number]));
    const t0 = performance.now();
    for (let k = 0; k < 200; k++) big.search(['a', 'ac', 'acin', 'hub-', 'zap', '99'][k % 6], 10);
    const perQuery = (performance.now() - t0) / 200;
    // About 0.1 ms for a selective query and 2 ms for one matching 12k aliases on a 2-core machine.
    expect(perQuery).toBeLessThan(10);
  });
});

describe(prefixRange.name, () => {
  it('finds the block of sorted entries sharing a prefix', () => {
    const sorted = ['a', 'ab', 'abc', 'abd', 'b', 'ba'];
    expect(prefixRange(sorted, 'ab')).toEqual([1, 4]);
    expect(prefixRange(sorted, 'b')).toEqual([4, 6]);
    expect(prefixRange(sorted, 'c')).toEqual([6, 6]);
    expect(prefixRange(sorted, '')).toEqual([0, 6]);
  });
});
