import type { Site } from '../model/topology';

/**
 * Orders sites along a Hilbert curve over (longitude, latitude): neighbours
 * on the curve are near on the map, so a ring through sites in this order is
 * a short tour without an O(n²) tour search. O(n log n).
 * Reference: Hilbert (1891); the index computation is the classic
 * rotate-and-flip loop (xy → d) on a 2^16 × 2^16 grid.
 */
export function hilbertOrder(sites: readonly Site[]): Site[] {
  const keyed = sites.map((s, i) => ({ s, i, d: hilbertIndex(gridOf(s.lon ?? 0, 180), gridOf(s.lat ?? 0, 90)) }));
  keyed.sort((a, b) => a.d - b.d || a.i - b.i);
  return keyed.map((k) => k.s);
}

const SIDE = 1 << 16;

function gridOf(value: number, half: number): number {
  return Math.min(SIDE - 1, Math.max(0, Math.floor(((value + half) / (2 * half)) * SIDE)));
}

function hilbertIndex(x0: number, y0: number): number {
  let x = x0;
  let y = y0;
  let d = 0;
  for (let s = SIDE >>> 1; s > 0; s >>>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = SIDE - 1 - x;
        y = SIDE - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}
