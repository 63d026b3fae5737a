import { describe, expect, it } from 'vitest';
import { estimateFamilies } from '../../../src-shared/learn/estimate';
import { PreparedDesigns, prepareDesign, preparedKey, type PreparedDesign } from '../../../src-shared/learn/prepared-designs';
import { verifyCandidate } from '../../../src-shared/learn/verify';
import { IntentSchema, type Intent } from '../../../src-shared/model/intent';
import type { Family } from '../../../src-shared/model/topology';
import { retailChain } from '../../helpers/retail-intents';

const meta = { softwareVersion: 't', now: 0 };

/** Every family the estimate sizes, prepared as the estimate worker prepares them, then passed as another thread receives them. */
function preparedOf(intent: Intent): PreparedDesign[] {
  const out: PreparedDesign[] = [];
  estimateFamilies(intent, {
    onSized: (family, topology, routed, measures) => {
      const p = prepareDesign(family, 1, topology, routed, measures);
      if (p !== null) out.push(p);
    },
  });
  return structuredClone(out);
}

describe('prepared designs (the instant estimate’s sized designs, taken by verification)', () => {
  for (const [sites, redundancy, goal] of [
    [40, 'HIGH', 'cost'],
    [24, 'CRITICAL', 'latency'],
    [30, 'STANDARD', 'resilience'],
  ] as const) {
    it(`verifies each family of a ${sites}-site ${redundancy} chain to exactly the candidate generated afresh`, () => {
      const intent = IntentSchema.parse(retailChain(sites, redundancy, goal));
      const prepared = preparedOf(intent);
      expect(prepared.length).toBeGreaterThanOrEqual(4);
      for (const p of prepared) {
        const fresh = verifyCandidate(intent, { family: p.family, seed: 1 }, meta);
        const reused = verifyCandidate(intent, { family: p.family, seed: 1 }, meta, p);
        expect(JSON.stringify(reused), p.family).toBe(JSON.stringify(fresh));
      }
    });
  }

  it('really reads the estimate’s routed loads (a changed load changes the verdict’s figures)', () => {
    const intent = IntentSchema.parse(retailChain(40, 'HIGH', 'cost'));
    const p = preparedOf(intent).find((x) => x.family === 'partial-mesh')!;
    const fresh = verifyCandidate(intent, { family: p.family, seed: 1 }, meta);
    // The worst link's load under some failure doubled: validation must report it, so the loads were not routed again.
    const values = Float64Array.from(p.routing.values, (v) => v * 3);
    const baseLoad = Float64Array.from(p.routing.baseLoad, (v) => v * 3);
    const tampered = verifyCandidate(intent, { family: p.family, seed: 1 }, meta, { ...p, routing: { ...p.routing, values, baseLoad } });
    expect(JSON.stringify(tampered)).not.toBe(JSON.stringify(fresh));
    // And the estimate's measures: availability and p95 latency are not measured again either.
    const measures = { ...p.measures, p95LatencyMs: p.measures.p95LatencyMs + 1 };
    const remeasured = verifyCandidate(intent, { family: p.family, seed: 1 }, meta, { ...p, measures });
    expect(remeasured).not.toHaveProperty('skipped');
    expect((remeasured as Exclude<typeof remeasured, { skipped: unknown }>).sample.metrics.p95LatencyMs).toBe(p.measures.p95LatencyMs + 1);
  });

  it('is taken only for its own family and seed', () => {
    const intent = IntentSchema.parse(retailChain(30, 'HIGH', 'cost'));
    const p = preparedOf(intent).find((x) => x.family === 'tree')!;
    const fresh = verifyCandidate(intent, { family: 'hybrid', seed: 1 }, meta);
    expect(JSON.stringify(verifyCandidate(intent, { family: 'hybrid', seed: 1 }, meta, p))).toBe(JSON.stringify(fresh));
  });

  it('keys by the whole intent, family and seed, and keeps within its byte bound, least recently used dropped first', () => {
    const a = IntentSchema.parse(retailChain(30, 'HIGH', 'cost'));
    const b = IntentSchema.parse({ ...retailChain(30, 'HIGH', 'cost'), budgetUsd: 1e6 });
    expect(preparedKey(a, 'tree', 1)).not.toBe(preparedKey(b, 'tree', 1));
    expect(preparedKey(a, 'tree', 1)).not.toBe(preparedKey(a, 'tree', 2));
    const designs = preparedOf(a);
    const byFamily = new Map<Family, PreparedDesign>(designs.map((d) => [d.family, d]));
    const tree = byFamily.get('tree')!;
    const mesh = byFamily.get('partial-mesh')!;
    const hybrid = byFamily.get('hybrid')!;
    const one = new PreparedDesigns(Number.MAX_SAFE_INTEGER);
    one.put(a, tree);
    expect(one.get(a, 'tree', 1)).toBe(tree);
    expect(one.get(b, 'tree', 1)).toBeUndefined();
    expect(one.get(a, 'tree', 2)).toBeUndefined();
    // Room for two: the least recently used goes when a third arrives.
    const sizes = [tree, mesh, hybrid].map((d) => {
      const probe = new PreparedDesigns(Number.MAX_SAFE_INTEGER);
      probe.put(a, d);
      return probe.bytes;
    });
    const two = new PreparedDesigns(Math.max(sizes[0]! + sizes[1]!, sizes[0]! + sizes[2]!, sizes[1]! + sizes[2]!));
    two.put(a, tree);
    two.put(a, mesh);
    two.get(a, 'tree', 1);
    two.put(a, hybrid);
    expect(two.get(a, 'partial-mesh', 1)).toBeUndefined();
    expect(two.get(a, 'tree', 1)).toBe(tree);
    expect(two.get(a, 'hybrid', 1)).toBe(hybrid);
    expect(two.bytes).toBeLessThanOrEqual(sizes[0]! + sizes[2]! + 1);
    // Larger than the bound: not kept at all.
    const none = new PreparedDesigns(1);
    none.put(a, tree);
    expect(none.get(a, 'tree', 1)).toBeUndefined();
    expect(none.bytes).toBe(0);
  });
});
