import fc from 'fast-check';
import { CompetingFees } from './competing-fees';

/** What the view stands for: a sorted copy with one occurrence of each own fee taken out. */
function copyWithout(sorted: number[], own: number[]): number[] {
  const out = [...sorted];
  for (const fee of own) {
    const i = out.indexOf(fee);
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}

const nearestRank = (a: number[], q: number) => (a.length ? a[Math.min(a.length - 1, Math.max(0, Math.ceil(q * a.length) - 1))] : NaN);
const percentBelow = (a: number[], x: number) => (a.length ? Math.round((1000 * a.filter((v) => v < x).length) / a.length) / 10 : 0);

describe('CompetingFees', () => {
  it('skips one occurrence per own fee, repeated fees included, and ignores fees the peer does not see', () => {
    const fees = CompetingFees.excluding(Float64Array.from([10, 20, 20, 20, 30, 40]), [20, 99, 20, 40]);
    expect(fees.toArray()).toEqual([10, 20, 30]);
    expect(fees.length).toBe(3);
    expect(fees.at(3)).toBeUndefined();
    expect(fees.at(-1)).toBeUndefined();
  });

  it('answers quantiles and shares below as the copied-out array would', () => {
    const fees = CompetingFees.excluding(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), [1, 5]);
    expect(fees.quantile(0.5)).toBe(6); // 2 3 4 6 7 8 9 10
    expect(fees.quantile(0)).toBe(2);
    expect(fees.quantile(1)).toBe(10);
    expect(fees.percentBelow(6)).toBe(37.5);
    expect(fees.percentBelow(1)).toBe(0);
  });

  it('is empty when every fee into the peer is the node’s own', () => {
    const fees = CompetingFees.excluding(Float64Array.from([100, 100]), [100, 100]);
    expect(fees.length).toBe(0);
    expect(fees.quantile(0.5)).toBeNaN();
    expect(fees.percentBelow(50)).toBe(0);
  });

  it('sorts values given in any order', () => {
    expect(CompetingFees.of([30, 10, 20]).toArray()).toEqual([10, 20, 30]);
  });

  it('matches a sorted copy with the own fees removed, for any fees', () => {
    const fee = fc.integer({ min: 0, max: 50 });
    fc.assert(
      fc.property(fc.array(fee, { maxLength: 40 }), fc.array(fee, { maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), fee, (all, own, q, x) => {
        const sorted = [...all].sort((a, b) => a - b);
        const expected = copyWithout(sorted, own);
        const fees = CompetingFees.excluding(Float64Array.from(sorted), own);
        expect(fees.toArray()).toEqual(expected);
        expect(fees.length).toBe(expected.length);
        expect(fees.quantile(q)).toEqual(nearestRank(expected, q));
        expect(fees.percentBelow(x)).toBe(percentBelow(expected, x));
      }),
      { numRuns: 500 },
    );
  });
});
