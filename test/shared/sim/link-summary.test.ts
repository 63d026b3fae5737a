import { describe, expect, it } from 'vitest';
import { directedLoadsInto, writeLinkSummary } from '../../../src-shared/sim/link-summary';

const summary = (load: number[], failed: number[], caps: number[], unit = 1) => {
  const out = new Float64Array(6).fill(NaN);
  writeLinkSummary(Float64Array.from(load), Uint8Array.from(failed), Float64Array.from(caps), unit, out, 2);
  return { untouched: [out[0], out[1]], maxLoad: out[2], maxUtil: out[3], overloaded: out[4], worst: out[5] };
};

describe('the one link-figures rule of every impact path', () => {
  it('names the lowest-index link among utilisations tied within 1e-12, whichever order the loads were added in', () => {
    // Link 1 and link 3 are tied in exact arithmetic; link 3 came out one ulp larger from another summation order.
    const a = 0.1 + 0.2;
    const b = 0.3;
    expect(a).not.toBe(b);
    const s = summary([0.05, b, 0.1, a], [0, 0, 0, 0], [1, 1, 1, 1]);
    expect(s.worst).toBe(1);
    expect(s.maxUtil).toBe(Math.max(a, b));
    expect(s.untouched.every((x) => Number.isNaN(x))).toBe(true);
  });

  it('skips failed links, counts links above 1 + 1e-12 of capacity as overloaded, and scales by the traffic unit', () => {
    const s = summary([30, 12, 10 * (1 + 1e-13), 25], [1, 0, 0, 0], [10, 10, 10, 40], 1);
    expect(s.maxLoad).toBe(25);
    expect(s.worst).toBe(1);
    expect(s.overloaded).toBe(1); // link 1 at 1.2; link 2 within the tolerance; link 0 failed
    const scaled = summary([3, 1], [0, 0], [10, 100], 10);
    expect(scaled.maxUtil).toBe(3);
    expect(scaled.overloaded).toBe(1);
    expect(scaled.worst).toBe(0);
  });

  it('names no worst link when nothing carries traffic', () => {
    const s = summary([0, 0], [0, 0], [1, 1]);
    expect(s.worst).toBe(-1);
    expect(s.maxUtil).toBe(0);
  });

  it('a link’s load is its busier direction after the change, never below 0', () => {
    const out = directedLoadsInto(Float64Array.from([1, 2, 5, 1, 0, 0]), Float64Array.from([3, 0, -5, -1, -1e-17, 0]), new Float64Array(3));
    expect([...out]).toEqual([4, 0, 0]);
  });
});
