import { describe, expect, it } from 'vitest';
import { IntentSchema } from '../../../src-shared/model/intent';
import { ControlPlaneSchema, PlanningSchema, type ControlPlane } from '../../../src-shared/model/planning';
import type { Topology } from '../../../src-shared/model/topology';
import { planningFromIntent } from '../../../src-shared/model/traffic';
import { convergenceHeadline, designConvergence } from '../../../src-shared/sim/convergence';
import { compileTopology } from '../../../src-shared/sim/csr';
import { checkDraft, draftFromIntent, initialDraft } from '../../../src-renderer/features/intent/intentDraft';

/**
 * Convergence estimated from the design (docs/planning-model.md §5a):
 * detection by BFD or not, the IGP domain's size, fast reroute.
 * Two sites, two routers each: a1–a2 and b1–b2 inside the sites, a1–b1 and
 * a2–b2 between them (sharing duct d), latency 1 ms everywhere.
 */
function design(cp: Partial<ControlPlane> = {}, extraDevices = 0): Topology {
  const nodes = ['a1', 'a2', 'b1', 'b2'].map((id) => ({ id, name: id, role: 'router' as const, site: id[0]!, ports: 48 }));
  const links = [
    { id: 'la', source: 'a1', target: 'a2', capacityGbps: 10, igpWeight: 1, latencyMs: 1, srlgs: [] },
    { id: 'lb', source: 'b1', target: 'b2', capacityGbps: 10, igpWeight: 1, latencyMs: 1, srlgs: [] },
    { id: 'x1', source: 'a1', target: 'b1', capacityGbps: 10, igpWeight: 10, latencyMs: 1, srlgs: ['duct:d'] },
    { id: 'x2', source: 'a2', target: 'b2', capacityGbps: 10, igpWeight: 10, latencyMs: 1, srlgs: ['duct:d'] },
  ];
  // A tail of extra routers behind b2 grows the IGP domain.
  for (let i = 0; i < extraDevices; i++) {
    nodes.push({ id: `t${i}`, name: `t${i}`, role: 'router', site: 'b', ports: 48 });
    links.push({ id: `lt${i}`, source: i === 0 ? 'b2' : `t${i - 1}`, target: `t${i}`, capacityGbps: 10, igpWeight: 1, latencyMs: 0.05, srlgs: [] });
  }
  return {
    formatVersion: 1,
    name: 'conv',
    sites: [
      { id: 'a', name: 'A', role: 'hq', region: 'r' },
      { id: 'b', name: 'B', role: 'datacenter', region: 'r' },
    ],
    nodes,
    links,
    planning: PlanningSchema.parse({ controlPlane: cp }),
  };
}

const est = (t: Topology, links: string[], nodes: string[] = []) => {
  const g = compileTopology(t);
  return designConvergence(t, g, nodes.map((id) => g.nodeIndex.get(id)!), links.map((id) => g.linkIds.indexOf(id)));
};

describe('convergence from the design', () => {
  it('with BFD (default 3 × 50 ms) detection is 150 ms whatever fails; without fast reroute traffic waits for the IGP', () => {
    const e = est(design(), ['x1']);
    expect(e.detection).toBe('BFD');
    expect(e.parts.detectionMs).toBe(150 + 10); // + LSA generation
    expect(e.restorationMs).toBe(e.maxMs);
    expect(e.protectedPct).toBe(0);
    // SPF over 4 devices + 4 links, FIB for 8 prefixes (loopbacks + link subnets).
    expect(e.prefixes).toBe(8);
    expect(e.parts.fibMs).toBeCloseTo(8 * 0.05, 9);
    expect(e.parts.spfMs).toBeCloseTo(50 + (8 * 2) / 1000, 9);
  });

  it('without BFD a carrier circuit waits for the IGP hold time, a link inside a site for loss of light', () => {
    const t = design({ bfd: false });
    const wan = est(t, ['x1']);
    expect(wan.detection).toBe('IGP hold time');
    expect(wan.maxMs).toBeGreaterThan(30_000);
    const lan = est(t, ['la']);
    expect(lan.detection).toBe('loss of light');
    expect(lan.parts.detectionMs).toBe(20 + 10);
    // A dead device gives no signal either.
    expect(est(t, [], ['a1']).detection).toBe('IGP hold time');
  });

  it('TI-LFA restores a single failure at detection + switchover; a duct cut (two links) is not protected', () => {
    const t = design({ fastReroute: 'ti-lfa' });
    const one = est(t, ['x1']);
    expect(one.protectedPct).toBe(100);
    expect(one.restorationMs).toBe(150 + 15);
    expect(one.restorationMs!).toBeLessThan(one.maxMs);
    const duct = est(t, ['x1', 'x2']);
    expect(duct.protectedPct).toBe(0);
    expect(duct.restorationMs).toBe(duct.maxMs);
    // LFA protects only its stated share: traffic loss still lasts until the IGP converges for the rest.
    const lfa = est(design({ fastReroute: 'lfa', lfaCoveragePct: 70 }), ['x1']);
    expect(lfa.protectedPct).toBe(70);
    expect(lfa.restorationMs).toBe(lfa.maxMs);
  });

  it('a larger IGP domain converges more slowly (SPF and FIB grow with it)', () => {
    const small = est(design(), ['x1']);
    const large = est(design({}, 2_000), ['x1']);
    expect(large.prefixes).toBe(4 + 2_000 + 4 + 2_000);
    expect(large.parts.fibMs - small.parts.fibMs).toBeCloseTo(4_000 * 0.05, 6);
    expect(large.maxMs).toBeGreaterThan(small.maxMs + 200);
    // A stated prefix count (e.g. site prefixes carried in the IGP) replaces the default.
    expect(est(design({ igpPrefixes: 50_000 }), ['x1']).parts.fibMs).toBeCloseTo(2_500, 6);
  });

  it('the intent states the control plane and the design carries it', () => {
    const intent = IntentSchema.parse({ siteGroups: [{ role: 'branch', count: 2 }], controlPlane: { bfd: false, fastReroute: 'ti-lfa' } });
    const p = planningFromIntent(intent);
    expect(p.controlPlane.bfd).toBe(false);
    expect(p.controlPlane.fastReroute).toBe('ti-lfa');
    expect(ControlPlaneSchema.safeParse({ bfdMultiplier: 0 }).success).toBe(false);
  });

  it('the intent wizard sets BFD and fast reroute, keeps the other timers of a reopened intent, and names a bad field', () => {
    const d = { ...initialDraft(), bfd: true, bfdIntervalMs: '300', bfdMultiplier: '3', fastReroute: 'ti-lfa' as const };
    const r = checkDraft(d);
    expect([...r.problems]).toEqual([]);
    expect(r.intent!.controlPlane).toMatchObject({ bfd: true, bfdIntervalMs: 300, bfdMultiplier: 3, fastReroute: 'ti-lfa', igpHoldMs: 30_000 });
    const stored = IntentSchema.parse({ ...r.intent!, controlPlane: { ...r.intent!.controlPlane, igpHoldMs: 40_000 } });
    expect(checkDraft(draftFromIntent(stored)).intent!.controlPlane).toEqual(stored.controlPlane);
    expect(checkDraft({ ...d, bfdMultiplier: '0' }).problems.get('controlPlane.bfdMultiplier')).toBe('at least 1');
  });

  it('the headline is the slowest of the estimates, rounded to 0.1 ms', () => {
    const t = design();
    const list = [
      { scenario: 'link x1', estimate: est(t, ['x1']) },
      { scenario: 'duct d', estimate: est(t, ['x1', 'x2']) },
    ];
    const h = convergenceHeadline(list)!;
    const slowest = list.reduce((a, b) => (b.estimate.maxMs > a.estimate.maxMs ? b : a));
    expect(h.scenario).toBe(slowest.scenario);
    expect(h.convergenceMs).toBe(Math.round(slowest.estimate.maxMs * 10) / 10);
    expect(convergenceHeadline([])).toBeNull();
  });
});
