import type { Topology } from '../model/topology';
import { compileTopology, type CompiledGraph } from './csr';
import { SlotDelta } from './incremental';
import { ImpactEvaluator, type ScenarioImpact } from './impact';
import { buildTraffic, type TrafficSpec } from './job';
import { failureMasks, RoutingEngine } from './routing';
import { capacityMass } from './traffic';

/**
 * The click-to-fail path: compile a design and route its traffic once, then
 * answer any hand-picked failure set (devices and links by id) from the
 * incremental engine — a few milliseconds on a 1,000-device design, so the
 * canvas can recolour links on every click. Runs on the calling thread
 * (renderer or main); full sweeps go to the worker pool instead.
 */
export interface WhatIfOptions {
  traffic?: 'uniform' | 'gravity';
  /** Gbit/s per traffic unit (default 0.001: 1 Mbit/s). */
  unitGbps?: number;
  /** Millisecond clock for `ms` (shared code has no `performance`; pass `() => performance.now()`). */
  clock?: () => number;
}

export interface WhatIfResult {
  impact: Omit<ScenarioImpact, 'worstLink'> & { worstLink: string | null };
  /** Per surviving link: the larger directed load and its utilisation; failed links are absent. */
  links: { id: string; load: number; utilisation: number }[];
  /** The devices that were failed (echoed back, in order). */
  failedDevices: string[];
  ms: number;
}

export class WhatIf {
  readonly g: CompiledGraph;
  private readonly engine: RoutingEngine;
  private readonly evaluator: ImpactEvaluator;
  private readonly unitGbps: number;
  private readonly linkIndex = new Map<string, number>();
  private readonly clock: () => number;

  constructor(topology: Topology, opts: WhatIfOptions = {}) {
    this.g = compileTopology(topology);
    const spec: TrafficSpec = opts.traffic === 'gravity' ? { kind: 'gravity', mass: [...capacityMass(this.g)] } : { kind: 'uniform' };
    this.engine = new RoutingEngine(this.g, buildTraffic(this.g, spec));
    this.unitGbps = opts.unitGbps ?? 0.001;
    this.clock = opts.clock ?? (() => Date.now());
    const siteIds = new Map<string, number>();
    const siteOf = topology.nodes.map((d) => {
      if (d.site === undefined) return -1;
      if (!siteIds.has(d.site)) siteIds.set(d.site, siteIds.size);
      return siteIds.get(d.site)!;
    });
    this.evaluator = new ImpactEvaluator(this.engine, { siteOf, unitGbps: this.unitGbps });
    this.g.linkIds.forEach((id, e) => this.linkIndex.set(id, e));
  }

  /** Impact and per-link loads of failing these devices and links together. Unknown ids throw RangeError. */
  evaluate(failed: { devices?: readonly string[]; links?: readonly string[] }): WhatIfResult {
    const t0 = this.clock();
    const nodes = (failed.devices ?? []).map((id) => {
      const v = this.g.nodeIndex.get(id);
      if (v === undefined) throw new RangeError(`unknown device "${id}"`);
      return v;
    });
    const links = (failed.links ?? []).map((id) => {
      const e = this.linkIndex.get(id);
      if (e === undefined) throw new RangeError(`unknown link "${id}"`);
      return e;
    });
    const raw = this.evaluator.evaluate({ nodes, links });
    const f = failureMasks(this.g, nodes, links);
    const loads = this.engine.loadsUnder(f, new SlotDelta(this.engine.slots));
    const out: WhatIfResult['links'] = [];
    for (let e = 0; e < this.g.linkIds.length; e++) {
      if (f.links[e] === 1) continue;
      const load = Math.max(loads[2 * e]!, loads[2 * e + 1]!);
      out.push({ id: this.g.linkIds[e]!, load, utilisation: (load * this.unitGbps) / this.g.capacities[e]! });
    }
    return {
      impact: { ...raw, worstLink: raw.worstLink >= 0 ? this.g.linkIds[raw.worstLink]! : null },
      links: out,
      failedDevices: nodes.map((v) => this.g.nodeIds[v]!),
      ms: this.clock() - t0,
    };
  }
}
