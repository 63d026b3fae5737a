/**
 * Claim units for a sweep whose scenarios share no work (no cuts): long
 * units first, shrinking toward the end — each unit about 1/(8·threads) of
 * what is left, between `min` and `max` scenarios — so the workers finish
 * together. With equal units (41 scenarios on Sprint's 1,340) the last one
 * claimed, often the costly SRLG scenarios at the end of the list, could
 * leave the other worker idle for most of a unit. Boundaries [0, …, total],
 * as claimUnits gives them.
 */
export function taperedUnits(total: number, threads: number, max = 64, min = 4): Int32Array {
  const b: number[] = [0];
  let at = 0;
  const hi = Math.max(1, max);
  const lo = Math.max(1, Math.min(min, hi));
  while (at < total) {
    const size = Math.min(hi, Math.max(lo, Math.ceil((total - at) / (8 * Math.max(1, threads)))));
    at = Math.min(total, at + size);
    b.push(at);
  }
  if (total === 0) b.push(0);
  return Int32Array.from(b);
}
