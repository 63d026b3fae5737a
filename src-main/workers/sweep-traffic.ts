import type { TrafficOption } from '../../src-shared/contract/sim-types';
import { isRouterDemands, type RouterDemands } from '../../src-shared/io/repetita-scan';
import { routerId } from '../../src-shared/io/repetita';
import type { Topology } from '../../src-shared/model/topology';
import { designDemands } from '../../src-shared/model/traffic';
import type { CompiledGraph } from '../../src-shared/sim/csr';
import type { TrafficSpec } from '../../src-shared/sim/job';
import { capacityMass, type DemandColumns } from '../../src-shared/sim/traffic';

/**
 * The traffic a sweep is given, and the index-based spec its workers get.
 * Besides the contract's options, a REPETITA matrix as router columns
 * (io/repetita-scan.ts): the command line reads 99k demands, and building an
 * object per demand three times over (by router, by device id, by node) was
 * ~50 ms and its garbage on the path before the workers could start.
 */
export type SweepTraffic = TrafficOption | RouterDemands;

/**
 * Router columns onto the graph's nodes, demand by demand in the file's
 * order. Each router is looked up by its device id once (routers index the
 * table below n; others, possible when the design is not the REPETITA file's
 * own, one by one). The first demand naming an unknown device is refused as
 * an explicit demand list is (its source before its target).
 */
function routerColumns(g: CompiledGraph, d: RouterDemands): DemandColumns {
  const n = g.nodeIds.length;
  const table = new Int32Array(n);
  for (let r = 0; r < n; r++) table[r] = g.nodeIndex.get(routerId(r)) ?? -1;
  const other = (r: number): number => g.nodeIndex.get(routerId(r)) ?? -1;
  const len = d.src.length;
  const S = new Int32Array(len);
  const T = new Int32Array(len);
  const { src, dest } = d;
  // One pass that mostly runs before it is optimised (the main thread meets it once, before the workers
  // get their job): table lookups inline, no call per demand for the usual router index.
  for (let i = 0; i < len; i++) {
    const a = src[i]!;
    const b = dest[i]!;
    const s = a < n ? table[a]! : other(a);
    const t = b < n ? table[b]! : other(b);
    if (s < 0 || t < 0) throw new RangeError(`demand names unknown device "${routerId(s < 0 ? a : b)}"`);
    S[i] = s;
    T[i] = t;
  }
  return { s: S, t: T, volume: d.volume.slice() };
}

/** Turns a traffic option into the index-based spec workers understand. */
export function trafficSpec(t: Topology, g: CompiledGraph, option: SweepTraffic): TrafficSpec {
  if (isRouterDemands(option)) return { kind: 'explicit', demands: [], columns: routerColumns(g, option) };
  if (option === 'uniform') return { kind: 'uniform' };
  if (option === 'intent') return { kind: 'explicit', demands: designDemands(t, g).demands };
  if (option === 'gravity') {
    // Site bandwidth or users when the design states them, else terminated capacity.
    const sites = new Map(t.sites.map((s) => [s.id, s]));
    const perSite = new Map<string, number>();
    for (const d of t.nodes) if (d.site !== undefined) perSite.set(d.site, (perSite.get(d.site) ?? 0) + 1);
    const mass = t.nodes.map((d) => {
      const s = d.site === undefined ? undefined : sites.get(d.site);
      const m = s?.bandwidthMbps ?? s?.users;
      return m === undefined ? NaN : m / (perSite.get(d.site!) ?? 1);
    });
    if (mass.some((x) => Number.isNaN(x))) return { kind: 'gravity', mass: [...capacityMass(g)] };
    return { kind: 'gravity', mass };
  }
  if (option === 'hub-centric') {
    const hubRoles = new Set(['core', 'hub', 'spine', 'super-spine']);
    const siteRole = new Map(t.sites.map((s) => [s.id, s.role]));
    const hubs: number[] = [];
    t.nodes.forEach((d, v) => {
      const sr = d.site === undefined ? undefined : siteRole.get(d.site);
      if (hubRoles.has(d.role) || sr === 'hq' || sr === 'datacenter') hubs.push(v);
    });
    return { kind: 'hub-centric', hubs };
  }
  return {
    kind: 'explicit',
    demands: option.demands.map((d) => {
      const s = g.nodeIndex.get(d.source);
      const tt = g.nodeIndex.get(d.target);
      if (s === undefined || tt === undefined) throw new RangeError(`demand names unknown device "${s === undefined ? d.source : d.target}"`);
      return { s, t: tt, volume: d.volume };
    }),
  };
}

