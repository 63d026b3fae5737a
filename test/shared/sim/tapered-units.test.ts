import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taperedUnits } from '../../../src-shared/sim/tapered-units';

describe('taperedUnits', () => {
  it('covers every scenario once, in order, with units that only shrink and end small', () => {
    fc.assert(
      fc.property(fc.nat(20_000), fc.integer({ min: 1, max: 16 }), (total, threads) => {
        const u = [...taperedUnits(total, threads)];
        expect(u[0]).toBe(0);
        expect(u.at(-1)).toBe(total);
        const sizes = u.slice(1).map((b, i) => b - u[i]!);
        if (total === 0) {
          expect(sizes).toEqual([0]);
          return;
        }
        for (const s of sizes) expect(s).toBeGreaterThan(0);
        for (const s of sizes.slice(0, -1)) expect(s >= 4 && s <= 64).toBe(true);
        for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]!).toBeLessThanOrEqual(sizes[i - 1]!);
        // The tail: once fewer than 32·threads remain, units are at most 4.
        let at = 0;
        for (const s of sizes) {
          if (total - at <= 32 * threads) expect(s).toBeLessThanOrEqual(4);
          at += s;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('Sprint-sized sweep on two workers: 64-scenario units first, 4 at the end', () => {
    const u = [...taperedUnits(1341, 2)];
    expect(u.slice(0, 3)).toEqual([0, 64, 128]);
    expect(u.slice(-3)).toEqual([1333, 1337, 1341]);
  });
});
