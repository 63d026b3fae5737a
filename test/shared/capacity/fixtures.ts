import { DEFAULT_PRICE_BOOK, type PriceBook } from '../../../src-shared/cost/pricebook';
import { capacityUnderFailure, CLASS_FAILURES } from '../../../src-shared/model/capacity';
import { DEFAULT_PLANNING, type Planning } from '../../../src-shared/model/planning';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { planPeriods } from '../../../src-shared/capacity/periods';
import { planCapacity, type PlanDemand } from '../../../src-shared/capacity/plan';
import { resolveSiteGrowth, type GrowthSpec } from '../../../src-shared/traffic/site-growth';

/**
 * Hand-built triangles whose answer an architect gives without the tool:
 * A and B 40 km apart (dark fibre between them), C on another continent.
 */
export function triangle(ab: number, ac: number, cb: number): Topology {
  return TopologySchema.parse({
    name: 'triangle',
    sites: [
      { id: 'A', name: 'Amsterdam DC', role: 'datacenter', region: 'eu' },
      { id: 'B', name: 'Rotterdam DC', role: 'datacenter', region: 'eu' },
      { id: 'C', name: 'New York DC', role: 'datacenter', region: 'us' },
    ],
    nodes: ['A', 'B', 'C'].map((s) => ({ id: `r${s}`, name: `r${s}`, role: 'core', site: s, ports: 48 })),
    links: [
      { id: 'ab', source: 'rA', target: 'rB', capacityGbps: ab, igpWeight: 10, distanceKm: 40, srlgs: ['duct:A~B'] },
      { id: 'ac', source: 'rA', target: 'rC', capacityGbps: ac, igpWeight: 10, distanceKm: 6000, srlgs: ['duct:A~C'] },
      { id: 'cb', source: 'rC', target: 'rB', capacityGbps: cb, igpWeight: 10, distanceKm: 6000, srlgs: ['duct:B~C'] },
    ],
  });
}

export const planning = (over: Partial<Planning> = {}): Planning => ({ ...DEFAULT_PLANNING, growthHeadroomPct: 0, ...over });

export function plan(t: Topology, demands: PlanDemand[], spec: GrowthSpec, opts: { periods?: number; planning?: Planning; book?: PriceBook } = {}) {
  const g = compileTopology(t);
  const growth = resolveSiteGrowth(t, spec);
  const p = opts.planning ?? planning();
  return planCapacity({
    topology: t,
    design: { id: 'd', name: t.name, revision: 1 },
    planning: p,
    redundancy: 'STANDARD',
    book: opts.book ?? DEFAULT_PRICE_BOOK,
    demands: demands.map((d) => ({ ...d, s: g.nodeIndex.get(`r${String(d.s)}`) ?? d.s, t: d.t })),
    basis: { demands: 'intent', text: 'hand-built' },
    growth: { ...growth, base: 'stated', overrides: [], names: new Map(t.sites.map((s) => [s.id, s.name])) },
    periods: planPeriods('2026-Q4', opts.periods ?? 4, new Date(0)),
    now: 0,
  });
}

const idx = (t: Topology, id: string): number => compileTopology(t).nodeIndex.get(id)!;
export const demand = (t: Topology, from: string, to: string, gbps: number): PlanDemand => ({ s: idx(t, `r${from}`), t: idx(t, `r${to}`), gbps, site: from });

/** Whether the design keeps every link within the limit under STANDARD failures for these demands. */
export function passes(t: Topology, demands: PlanDemand[], factor: number, limit = 0.8): boolean {
  const g = compileTopology(t);
  const r = capacityUnderFailure(t, g, { demands: demands.map((d) => ({ s: d.s, t: d.t, volume: d.gbps * factor })), totalGbps: 0, basis: '', unplacedGbps: 0 }, limit, CLASS_FAILURES.STANDARD);
  return r.perLink.every((u) => u <= limit + 1e-9);
}

