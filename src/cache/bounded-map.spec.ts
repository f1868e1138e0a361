import { BoundedMap } from './bounded-map';

describe(BoundedMap.name, () => {
  it('evicts the least recently used entry past its size', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1).set('b', 2);
    expect(m.get('a')).toBe(1); // a is now the most recent
    m.set('c', 3);
    expect([...m.keys()]).toEqual(['a', 'c']);
    expect(m.size).toBe(2);
  });
});
