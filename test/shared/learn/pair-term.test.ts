import { describe, expect, it } from 'vitest';
import { generateDesign, GenerateError } from '../../../src-shared/generate/generate';
import { availabilityOf } from '../../../src-shared/learn/availability';
import { needsPairTerm, sampleFromDesign, successOf } from '../../../src-shared/learn/sample';
import { IntentSchema, type Redundancy } from '../../../src-shared/model/intent';
import type { Family } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { retailChain } from '../../helpers/retail-intents';

const FAMILIES: Family[] = ['hub-spoke', 'dual-hub', 'tree', 'partial-mesh', 'hybrid', 'ring', 'dual-ring'];

describe('the worst two-link failure is found only where a label reads it (learn/sample.ts needsPairTerm)', () => {
  it('every sample equals the one measured with the pair term, for every class; a CRITICAL label without it would differ', () => {
    let compared = 0;
    let criticalReads = 0;
    for (const cls of ['STANDARD', 'HIGH', 'CRITICAL'] as Redundancy[]) {
      const intent = IntentSchema.parse(retailChain(24, cls, 'cost'));
      for (const family of FAMILIES) {
        let design;
        try {
          design = generateDesign(intent, family, 1);
        } catch (err) {
          if (err instanceof GenerateError) continue;
          throw err;
        }
        const meta = { id: `${cls}-${family}`, origin: 'bench' as const, softwareVersion: 't', createdAt: 0 };
        const sample = sampleFromDesign(design, intent, meta);
        const full = availabilityOf(design.topology, compileTopology(design.topology));
        expect(full.secondOrder).toBe(true);
        // The label and every metric as with the pair term computed.
        expect(sample.label, `${cls} ${family}`).toEqual(successOf(intent, design.validation, full, design.cost.totalUsd));
        expect(sample.metrics.availability).toBe(full.availability);
        expect(sample.metrics.incidentsPerYear).toBe(full.incidentsPerYear);
        compared++;
        const without = availabilityOf(design.topology, compileTopology(design.topology), { pairTerm: false });
        expect(without.worstLinkPairPairs).toBe(-1);
        expect(without.availability).toBe(full.availability);
        if (cls === 'CRITICAL') {
          expect(needsPairTerm(intent)).toBe(true);
          // Where a two-link failure cuts a pair, only the pair term can fail the CRITICAL sweep.
          if (full.worstLinkPairPairs > 0 && full.worstLinkPairs === 0 && full.worstNodePairs === 0) {
            expect(successOf(intent, design.validation, without, design.cost.totalUsd).sweepMet).toBe(true);
            expect(sample.label.sweepMet).toBe(false);
            criticalReads++;
          }
        } else expect(needsPairTerm(intent)).toBe(false);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(15);
    // At least one CRITICAL design whose label the pair term decides: dropping it for CRITICAL is seen.
    expect(criticalReads).toBeGreaterThan(0);
  });
});
