import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyNotApplicable, generateDesign } from '../../../src-shared/generate/generate';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { assess, meetsClass } from '../../../src-shared/optimise/metrics';
import { DEFAULT_POLICY, elementsChanged, govern } from '../../../src-shared/optimise/governance';
import { applyPatch, invertPatch, type PatchOp } from '../../../src-shared/optimise/patch';
import { optimise, replayStep } from '../../../src-shared/optimise/run';
import { topMean, worstN1Utilisation } from '../../../src-shared/optimise/load';
import { REDUNDANCY_ORDER, redundancyRank } from '../../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES } from '../../../src-shared/model/topology';

const policy = { ...DEFAULT_POLICY, autoApproveMaxCostUsd: 1e15 };

describe('optimiser strategies', () => {
  it('no strategy ever breaks the redundancy class it keeps (property, generated designs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 14 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(...REDUNDANCY_ORDER),
        fc.constantFrom(...TOPOLOGY_FAMILIES),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('cost' as const, 'resilience' as const, 'load' as const),
        (sites, regions, redundancy, family, seed, strategy) => {
          const intent = intentOfShape({ sites, regions, redundancy, goal: 'cost', mix: 0 });
          if (familyNotApplicable(intent, family, seed) !== null) return; // listed as not applicable, never built (issue 16)
          const d = generateDesign(intent, family, seed);
          if (!meetsClass(d.validation, redundancy)) return; // nothing to keep
          const { steps, topology } = optimise(d.topology, { strategy, keep: redundancy, intent, maxSteps: 3, policy });
          const end = assess(topology, intent);
          expect(meetsClass(end.validation, redundancy)).toBe(true);
          for (const s of steps) {
            expect(s.after.redundancy).not.toBeNull();
            expect(redundancyRank(s.after.redundancy!)).toBeGreaterThanOrEqual(redundancyRank(redundancy));
            if (strategy === 'cost') expect(s.after.costUsd).toBeLessThan(s.before.costUsd);
            if (strategy === 'resilience') expect(s.after.bridges + s.after.articulationPoints).toBeLessThanOrEqual(s.before.bridges + s.before.articulationPoints);
          }
        },
      ),
      { numRuns: 60, seed: 5 },
    );
  });

  it('resilience removes every bridge and cut device of a hub-and-spoke NONE design, one cheap link a step', () => {
    const intent = intentOfShape({ sites: 8, regions: 1, redundancy: 'NONE', goal: 'resilience', mix: 0 });
    const d = generateDesign(intent, 'hub-spoke', 1);
    const before = assess(d.topology, intent);
    expect(before.metrics.bridges).toBeGreaterThan(0);
    const { steps, topology } = optimise(d.topology, { strategy: 'resilience', keep: 'NONE', intent, maxSteps: 40, policy });
    const after = assess(topology, intent);
    expect(after.metrics.bridges).toBe(0);
    expect(after.metrics.articulationPoints).toBe(0);
    // HIGH also needs two devices at the HQ (issue 15); adding links cannot give that, so STANDARD is the honest result.
    expect(redundancyRank(after.metrics.redundancy!)).toBeGreaterThanOrEqual(redundancyRank('STANDARD'));
    expect(steps.every((s) => s.patch.length === 1 && s.patch[0]!.op === 'add-link')).toBe(true);
  });

  it('load balancing lowers the worst N-1 utilisation and keeps the class', () => {
    const intent = intentOfShape({ sites: 10, regions: 2, redundancy: 'HIGH', goal: 'balanced', mix: 1 });
    const d = generateDesign(intent, 'partial-mesh', 1);
    const base = worstN1Utilisation(d.topology);
    const { steps, topology } = optimise(d.topology, { strategy: 'load', keep: 'HIGH', intent, maxSteps: 3, policy });
    // This input has room to improve: an optimiser that takes no step fails here.
    expect(steps.length).toBeGreaterThan(0);
    // The strategy lowers the worst case, or, when a link every path must use pins it, the mean of the top links.
    const after = worstN1Utilisation(topology);
    expect(after.value).toBeLessThanOrEqual(base.value + 1e-12);
    if (after.value > base.value - 1e-12) expect(topMean(after.perLink)).toBeLessThan(topMean(base.perLink));
    expect(meetsClass(assess(topology, intent).validation, 'HIGH')).toBe(true);
  });
});

describe('governance, undo and replay', () => {
  const intent = intentOfShape({ sites: 12, regions: 2, redundancy: 'HIGH', goal: 'cost', mix: 0 });
  const d = generateDesign(intent, 'full-mesh', 1);

  it('auto-approves under the threshold and stops at the first step that needs a person', () => {
    const strict = optimise(d.topology, { strategy: 'cost', keep: 'HIGH', intent, maxSteps: 5, policy: { ...DEFAULT_POLICY, autoApproveMaxCostUsd: 1 } });
    expect(strict.steps).toHaveLength(1);
    expect(strict.steps[0]!.verdict.status).toBe('proposed');
    expect(strict.topology).toBe(d.topology); // nothing applied without approval
    const lax = optimise(d.topology, { strategy: 'cost', keep: 'HIGH', intent, maxSteps: 3, policy });
    expect(lax.steps.map((s) => s.verdict.status)).toEqual(['auto-approved', 'auto-approved', 'auto-approved']);
  });

  it('undo restores the design exactly, and a stale undo is refused', () => {
    const { steps, topology } = optimise(d.topology, { strategy: 'cost', keep: 'HIGH', intent, maxSteps: 2, policy });
    const undone = applyPatch(applyPatch(topology, invertPatch(steps[1]!.patch)), invertPatch(steps[0]!.patch));
    expect(new Set(undone.links.map((l) => l.id))).toEqual(new Set(d.topology.links.map((l) => l.id)));
    expect(() => applyPatch(d.topology, invertPatch(steps[0]!.patch))).toThrow(/already exists/);
  });

  it('a replayed step gives an identical result', () => {
    const { steps } = optimise(d.topology, { strategy: 'cost', keep: 'HIGH', intent, maxSteps: 2, policy });
    const recorded = JSON.parse(JSON.stringify(steps[1]!)) as typeof steps[1];
    const r = replayStep(recorded, { strategy: 'cost', keep: 'HIGH', intent });
    expect(r.identical).toBe(true);
    const tampered = { ...recorded, after: { ...recorded.after, costUsd: recorded.after.costUsd + 1 } };
    expect(replayStep(tampered, { strategy: 'cost', keep: 'HIGH', intent }).identical).toBe(false);
  });
});

describe('the default governance policy approves only small single changes', () => {
  const link = (id: string) => ({ id, source: 'a', target: 'b', capacityGbps: 10, latencyMs: 1, costUsd: 1 }) as never;
  const metrics = { costUsd: 100_000, redundancy: 'HIGH' as const };
  const step = (patch: PatchOp[], costAfter = 99_000) =>
    ({ rule: 'r', rationale: 'r', patch, before: metrics, after: { ...metrics, costUsd: costAfter }, expected: { metric: 'cost', delta: 1, unit: 'USD' } }) as never;

  it('one link under $10k, class kept: approved automatically', () => {
    expect(govern(step([{ op: 'remove-link', link: link('l1') }]), 'cost', DEFAULT_POLICY).status).toBe('auto-approved');
  });
  it('a device taken out with its links is several elements: waits for a person, saying why', () => {
    const v = govern(step([{ op: 'remove-device', device: { id: 'd1' } as never, links: [link('l1'), link('l2')] }]), 'cost', DEFAULT_POLICY);
    expect(v).toEqual({ status: 'proposed', reason: 'changes 3 elements; the policy approves at most 1 automatically' });
    expect(elementsChanged([{ op: 'set-weight', linkId: 'l1', from: 1, to: 2 }, { op: 'set-weight', linkId: 'l1', from: 2, to: 3 }])).toBe(1);
  });
  it('a policy stored before the element limit existed gets the default', () => {
    const old = { autoApproveMaxCostUsd: 10_000, autoStrategies: ['cost'] as const };
    expect(govern(step([{ op: 'add-link', link: link('x') }, { op: 'add-link', link: link('y') }]), 'cost', old).status).toBe('proposed');
  });
});
