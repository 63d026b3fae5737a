import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByKeyThenIndex, sortByWholeKey } from '../../../src-shared/sim/latency';

/**
 * The incremental latency update evaluates changed nodes by (new distance,
 * index). Long lists are sorted by packed whole-number keys when they allow
 * it; the order must be the comparator's, Infinity (cut off) last.
 */
describe('changed nodes in (distance, index) order', () => {
  it('equals the comparator sort for whole, fractional and infinite keys, short and long lists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(Infinity), fc.constantFrom(0.5, 2.25, 1e9, 2147483647)), { minLength: 1, maxLength: 300, size: 'max' }),
        fc.boolean(),
        (keys, whole) => {
          const key = Float64Array.from(keys, (k) => (whole && Number.isFinite(k) ? Math.floor(k) : k));
          // Nodes in a shuffled order (reverse, then every other one first).
          const nodes = [...key.keys()].reverse();
          const a = Int32Array.from([...nodes.filter((_, i) => i % 2 === 0), ...nodes.filter((_, i) => i % 2 === 1)]);
          const want = Int32Array.from(a).sort((x, y) => key[x]! - key[y]! || x - y);
          sortByKeyThenIndex(a, a.length, key);
          expect([...a]).toEqual([...want]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('by whole-number distance alone (acyclic DAGs): keys ascending, Infinity last, the same nodes; declines other keys', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constant(Infinity), fc.constant(2.5)), { minLength: 1, maxLength: 300, size: 'max' }), (keys) => {
        const key = Float64Array.from(keys);
        const a = Int32Array.from([...key.keys()].reverse());
        const before = [...a];
        const done = sortByWholeKey(a, a.length, key);
        if (keys.includes(2.5)) {
          expect(done).toBe(false);
          expect([...a]).toEqual(before);
          return;
        }
        expect(done).toBe(true);
        expect([...a].sort((x, y) => x - y)).toEqual([...before].sort((x, y) => x - y));
        for (let i = 1; i < a.length; i++) expect(key[a[i - 1]!]! <= key[a[i]!]!).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
