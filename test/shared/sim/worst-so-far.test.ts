import { describe, expect, it } from 'vitest';
import { IMPACT_FIELDS } from '../../../src-shared/sim/impact';
import { worstSoFar, worstSoFarInWords } from '../../../src-shared/sim/worst-so-far';

const F = IMPACT_FIELDS.length;
const row = (v: Partial<Record<(typeof IMPACT_FIELDS)[number], number>>): number[] => IMPACT_FIELDS.map((k) => v[k] ?? 0);

describe('worst so far in a running sweep', () => {
  it('reads only finished rows, and names the worst by stranded demand and by utilisation', () => {
    const labels = ['link a', 'site Paris', 'SRLG duct X', 'device r9'];
    const results = new Float64Array(labels.length * F).fill(NaN);
    results.set(row({ strandedDemand: 0, maxUtilisation: 0.7 }), 0);
    results.set(row({ strandedDemand: 40, maxUtilisation: 0.9 }), F);
    results.set(row({ strandedDemand: 2, maxUtilisation: 3.2 }), 2 * F);
    // The last row is half written: a worker is on it (its first field only).
    results[3 * F] = 99;
    const w = worstSoFar(results, labels, 0.5);
    expect(w).toEqual({ done: 3, byStranded: { label: 'site Paris', strandedGbps: 20 }, byUtilisation: { label: 'SRLG duct X', maxUtilisation: 3.2 } });
    expect(worstSoFarInWords(w)).toBe('worst so far: site Paris strands 20.0 Gbit/s; SRLG duct X 320 % utilisation');
  });

  it('says nothing before a row is finished, and no stranding when nothing is stranded', () => {
    const results = new Float64Array(2 * F).fill(NaN);
    expect(worstSoFarInWords(worstSoFar(results, ['a', 'b'], 1))).toBeNull();
    results.set(row({ maxUtilisation: 0.4 }), 0);
    expect(worstSoFarInWords(worstSoFar(results, ['a', 'b'], 1))).toBe('worst so far: a 40 % utilisation');
  });
});
