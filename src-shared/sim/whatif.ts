import type { Topology } from '../model/topology';
import { connectedComponents, findBridgesAndArticulationPoints } from './connectivity';
import { compileTopology, type CompiledGraph } from './csr';
import { linkPairFailurePairs } from './cutpairs';
import { failureMasks, RoutingEngine } from './routing';
import { uniformTraffic } from './traffic';

/** What the user failed in what-if mode, by kind (sites, regions and SRLGs expand to devices/links). */
export interface FailureSelection {
  nodes: ReadonlySet<string>;
  links: ReadonlySet<string>;
  sites: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  srlgs: ReadonlySet<string>;
}
export type FailureKind = keyof FailureSelection;

export const noFailures = (): FailureSelection => ({
  nodes: new Set(),
  links: new Set(),
  sites: new Set(),
  regions: new Set(),
  srlgs: new Set(),
});

/** The instant what-if answer shown on the canvas. */
export interface WhatIfOverlay {
  /** Failed devices and links after expanding sites/regions/SRLGs. */
  failed: ReadonlySet<string>;
  /** Surviving devices cut off from the largest surviving part of the network. */
  cutOff: ReadonlySet<string>;
  cutOffSites: string[];
  /** Load of each surviving link relative to the busiest link before the failure (1 = as busy). */
  heat: ReadonlyMap<string, number>;
  /** Links that carry more than before (traffic was rerouted onto them). */
  rerouted: ReadonlySet<string>;
  /** Share of the demand (0–1) that no longer has any path. */
  strandedDemand: number;
  maxHeat: number;
  verdict: { survives: boolean; text: string };
  /** Milliseconds the connectivity phase took (shown, and read by the UI bench). */
  ms: number;
  /** Routing (heat, rerouted links) follows the connectivity answer by a frame. */
  routing: 'pending' | 'done' | 'off';
  routingMs?: number;
}

/** Above this many devices the instant overlay shows connectivity only (routing memory grows with n²). */
export const ROUTING_MAX_NODES = 2500;

// Shared code is compiled without DOM or Node types: `performance` is read off globalThis where it exists.
const perf = (globalThis as { performance?: { now(): number } }).performance;
const now = (): number => (perf !== undefined ? perf.now() : Date.now());

/**
 * The one what-if engine (the canvas, the bench and the tests use it): the
 * instant answer for one design, on the shared CSR simulator.
 * Compiles once; the routing baseline (one ECMP pass per destination,
 * uniform demand) is built on first use, after which a failure only
 * recomputes the destinations whose shortest-path DAG it touches.
 */
export class WhatIfModel {
  readonly g: CompiledGraph;
  private engine: RoutingEngine | null = null;
  private baseUtil: Float64Array | null = null;
  private baseMax = 0;
  private readonly nodesBySite = new Map<string, number[]>();
  private readonly nodesByRegion = new Map<string, number[]>();
  private readonly linksBySrlg = new Map<string, number[]>();
  private readonly siteOf: (string | null)[];

  constructor(readonly topology: Topology) {
    this.g = compileTopology(topology);
    const siteRegion = new Map(topology.sites.map((s) => [s.id, s.region]));
    this.siteOf = topology.nodes.map((n) => n.site ?? null);
    topology.nodes.forEach((n, i) => {
      if (n.site !== undefined) push(this.nodesBySite, n.site, i);
      const region = n.region ?? (n.site !== undefined ? siteRegion.get(n.site) : undefined);
      if (region !== undefined) push(this.nodesByRegion, region, i);
    });
    const linkIndex = new Map(this.g.linkIds.map((id, e) => [id, e]));
    for (const l of topology.links) {
      const e = linkIndex.get(l.id);
      if (e !== undefined) for (const tag of l.srlgs) push(this.linksBySrlg, tag, e);
    }
  }

  get sites(): string[] {
    return [...this.nodesBySite.keys()].sort();
  }
  get regions(): string[] {
    return [...this.nodesByRegion.keys()].sort();
  }
  get srlgs(): string[] {
    return [...this.linksBySrlg.keys()].sort();
  }
  get routes(): boolean {
    return this.g.nodeIds.length <= ROUTING_MAX_NODES && this.g.linkIds.length > 0;
  }

  /** Builds the routing baseline now (e.g. when what-if mode opens), so the first click is fast. */
  warm(): void {
    if (!this.routes || this.engine !== null) return;
    const engine = new RoutingEngine(this.g, uniformTraffic(this.g));
    this.baseUtil = utilisation(this.g, engine.baseLoad);
    this.baseMax = Math.max(1e-12, ...this.baseUtil);
    this.engine = engine;
  }

  /** Device and link indices a failure selection takes down. */
  expand(f: FailureSelection): { nodes: number[]; links: number[] } {
    const nodes = new Set<number>();
    const links = new Set<number>();
    const linkIndex = (id: string): number => this.g.linkIds.indexOf(id);
    for (const id of f.nodes) {
      const v = this.g.nodeIndex.get(id);
      if (v !== undefined) nodes.add(v);
    }
    for (const s of f.sites) this.nodesBySite.get(s)?.forEach((v) => nodes.add(v));
    for (const r of f.regions) this.nodesByRegion.get(r)?.forEach((v) => nodes.add(v));
    for (const id of f.links) {
      const e = linkIndex(id);
      if (e >= 0) links.add(e);
    }
    for (const tag of f.srlgs) this.linksBySrlg.get(tag)?.forEach((e) => links.add(e));
    return { nodes: [...nodes], links: [...links] };
  }

  /** Both phases at once (tests, small designs). */
  evaluate(f: FailureSelection): WhatIfOverlay {
    const first = this.connectivity(f);
    return { ...first, ...this.routing(f, first) };
  }

  /**
   * Phase 1, O(n + m): what failed, what is cut off, stranded demand and the
   * verdict. Painted at once; routing follows (see `routing`).
   */
  connectivity(f: FailureSelection, previous?: WhatIfOverlay | null): WhatIfOverlay {
    const t0 = now();
    const g = this.g;
    const n = g.nodeIds.length;
    const { nodes, links } = this.expand(f);
    const masks = failureMasks(g, nodes, links);
    const failed = new Set<string>();
    nodes.forEach((v) => failed.add(g.nodeIds[v]!));
    masks.linkList.forEach((e) => failed.add(g.linkIds[e]!));

    const comps = connectedComponents(g, masks.nodes, masks.links);
    let main = -1;
    comps.sizes.forEach((s, c) => {
      if (main < 0 || s > comps.sizes[main]!) main = c;
    });
    const cutOff = new Set<string>();
    const cutSiteCount = new Map<string, number>();
    for (let v = 0; v < n; v++) {
      const c = comps.componentOf[v]!;
      if (c >= 0 && c !== main) {
        cutOff.add(g.nodeIds[v]!);
        const site = this.siteOf[v];
        if (site != null) cutSiteCount.set(site, (cutSiteCount.get(site) ?? 0) + 1);
      }
    }
    const alive = n - nodes.length;
    let connected = 0;
    for (const s of comps.sizes) connected += s * (s - 1);
    const strandedDemand = alive > 1 ? 1 - connected / (alive * (alive - 1)) : 0;
    const cutOffSites = [...cutSiteCount.keys()].sort();
    const survives = cutOff.size === 0 && strandedDemand === 0;
    const text = survives
      ? failed.size === 0
        ? 'Nothing failed: click devices or links, or pick a site, region or SRLG.'
        : `Survives: all ${alive} remaining devices still reach each other.`
      : `Does not survive: ${cutOff.size} device(s)${cutOffSites.length > 0 ? ` at ${cutOffSites.length} site(s)` : ''} cut off, ` +
        `${(strandedDemand * 100).toFixed(1)} % of device pairs cut apart.`;
    return {
      failed,
      cutOff,
      cutOffSites,
      // Until routing lands, keep the last heat so the canvas does not flash.
      heat: previous?.heat ?? new Map(),
      rerouted: previous?.rerouted ?? new Set(),
      strandedDemand,
      maxHeat: previous?.maxHeat ?? 0,
      verdict: { survives, text },
      ms: now() - t0,
      routing: this.routes ? 'pending' : 'off',
    };
  }

  /** Phase 2: ECMP loads after the failure (incremental), as heat and rerouted links. */
  routing(f: FailureSelection, first: WhatIfOverlay): Pick<WhatIfOverlay, 'heat' | 'rerouted' | 'maxHeat' | 'verdict' | 'routing' | 'routingMs'> {
    if (!this.routes) return { heat: new Map(), rerouted: new Set(), maxHeat: 0, verdict: first.verdict, routing: 'off', routingMs: 0 };
    const t0 = now();
    const g = this.g;
    const { nodes, links } = this.expand(f);
    const masks = failureMasks(g, nodes, links);
    this.warm();
    const loads = nodes.length + links.length === 0 ? this.engine!.baseLoad : this.engine!.loadsUnder(masks);
    const util = utilisation(g, loads);
    const heat = new Map<string, number>();
    const rerouted = new Set<string>();
    let maxHeat = 0;
    for (let e = 0; e < g.linkIds.length; e++) {
      if (masks.links[e] === 1) continue;
      const h = util[e]! / this.baseMax;
      heat.set(g.linkIds[e]!, h);
      if (h > maxHeat) maxHeat = h;
      if (util[e]! > this.baseUtil![e]! * (1 + 1e-9) + 1e-12) rerouted.add(g.linkIds[e]!);
    }
    const verdict =
      first.verdict.survives && first.failed.size > 0
        ? { survives: true, text: `${first.verdict.text.replace(/\.$/, '')}; busiest link at ${maxHeat.toFixed(2)}× today's peak.` }
        : first.verdict;
    return { heat, rerouted, maxHeat, verdict, routing: 'done', routingMs: now() - t0 };
  }

  /** Single points of failure: links and devices whose loss alone splits the network. */
  singleCuts(): { links: string[]; nodes: string[] } {
    const { bridges, articulationPoints } = findBridgesAndArticulationPoints(this.g);
    return { links: bridges.map((e) => this.g.linkIds[e]!), nodes: articulationPoints.map((v) => this.g.nodeIds[v]!) };
  }

  /**
   * Minimal two-link cut sets: pairs whose joint failure disconnects devices
   * while neither link alone does. O(m · (n + m)); callers limit m.
   */
  linkPairCuts(limit = 50): { links: [string, string]; pairs: number }[] {
    const bridges = new Set(findBridgesAndArticulationPoints(this.g).bridges);
    const out: { links: [string, string]; pairs: number }[] = [];
    linkPairFailurePairs(this.g, (a, b, pairs) => {
      if (pairs > 0 && !bridges.has(a) && !bridges.has(b) && out.length < limit) {
        out.push({ links: [this.g.linkIds[a]!, this.g.linkIds[b]!], pairs });
      }
    }, () => out.length >= limit);
    return out;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const xs = m.get(k);
  if (xs) xs.push(v);
  else m.set(k, [v]);
}

/** Per link: the larger directed load over capacity. */
function utilisation(g: CompiledGraph, slotLoads: Float64Array): Float64Array {
  const m = g.linkIds.length;
  const out = new Float64Array(m);
  for (let e = 0; e < m; e++) out[e] = Math.max(slotLoads[2 * e]!, slotLoads[2 * e + 1]!) / g.capacities[e]!;
  return out;
}
