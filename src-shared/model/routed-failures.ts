import type { CompiledGraph } from '../sim/csr';
import type { Intent } from './intent';
import type { Topology } from './topology';
import type { DeviceDemands } from './traffic';

/** The parts of a compiled graph that decide which device each demand starts and ends at. */
type GraphEnds = Pick<CompiledGraph, 'nodeIds' | 'linkSource' | 'linkTarget'>;

/**
 * A RoutedFailures as plain data another thread can receive (structured
 * clone; the load changes in SharedArrayBuffers, shared rather than copied):
 * the instant estimate sizes each design with one capacity run, and
 * verification of the same design reuses that run instead of routing every
 * failure again (learn/prepared-designs.ts).
 */
export interface HeldRouting {
  nodeIds: string[];
  linkSource: Uint32Array;
  linkTarget: Uint32Array;
  weights: Float64Array;
  demands: { s: Int32Array; t: Int32Array; volume: Float64Array; totalGbps: number; basis: string; unplacedGbps: number };
  baseLoad: Float64Array;
  /** Failure keys (failureKey), each with its changes slots/values[offsets[i]..offsets[i+1]). */
  keys: string[];
  offsets: Int32Array;
  slots: Int32Array;
  values: Float64Array;
}

/** A failure's identity for reuse: the elements it takes down (its kind and words do not change the loads). */
export const failureKey = (f: { nodes: readonly number[]; links: readonly number[] }): string => `${f.nodes.join(',')}|${f.links.join(',')}`;

/**
 * The routed loads of one capacity run, kept so a second run on the same
 * routing reuses them: generation sizes links by a run (generate/size.ts)
 * and validation then runs again on the sized design, whose capacities
 * differ but whose routing — graph, IGP weights and demands, compared in
 * full — is the same, so every directed load is too. Per failure only the
 * non-zero changes are kept. A run on other routing ignores it. Reused
 * loads are the very numbers the first run scanned, so the report is
 * identical to a fresh run's (capacity.reuse.test.ts).
 */
export class RoutedFailures {
  private key: { nodeIds: readonly string[]; linkSource: Uint32Array; linkTarget: Uint32Array; weights: Float64Array; demands: DeviceDemands['demands'] } | null = null;
  private baseLoad: Float64Array | null = null;
  private readonly deltas = new Map<string, { slots: Int32Array; values: Float64Array }>();
  private entries = 0;
  private demandsHeld: { sites: Topology['sites']; nodes: Topology['nodes']; intent: Intent; g: GraphEnds; demands: DeviceDemands } | null = null;

  /**
   * The intent's device demands of an earlier run, when `t` has the very
   * sites and devices of that run's design (sizing and transport choice
   * replace links only), the same intent object, and the same node ids and
   * link ends (which pick each site's WAN edge): designDemands would give
   * the same list.
   */
  demandsFor(t: Topology, g: CompiledGraph, intent: Intent | undefined): DeviceDemands | null {
    const h = this.demandsHeld;
    if (h === null || intent !== h.intent || t.sites !== h.sites || t.nodes !== h.nodes) return null;
    if (h.g.nodeIds.length !== g.nodeIds.length || h.g.linkSource.length !== g.linkSource.length) return null;
    for (let v = 0; v < g.nodeIds.length; v++) if (h.g.nodeIds[v] !== g.nodeIds[v]) return null;
    for (let e = 0; e < g.linkSource.length; e++) if (h.g.linkSource[e] !== g.linkSource[e] || h.g.linkTarget[e] !== g.linkTarget[e]) return null;
    return h.demands;
  }

  keepDemands(t: Topology, g: CompiledGraph, intent: Intent, demands: DeviceDemands): void {
    this.demandsHeld ??= { sites: t.sites, nodes: t.nodes, intent, g, demands };
  }

  /** The baseline loads, when this holds a run on the same routing as (g, demands). */
  baselineFor(g: CompiledGraph, demands: DeviceDemands['demands']): Float64Array | null {
    return this.key !== null && this.baseLoad !== null && this.sameRouting(g, demands) ? this.baseLoad : null;
  }

  /** Starts holding a run on (g, demands), unless it holds another already. Returns whether it records this run. */
  bind(g: CompiledGraph, demands: DeviceDemands['demands'], baseLoad: Float64Array): boolean {
    if (this.key !== null) return this.sameRouting(g, demands);
    this.key = { nodeIds: g.nodeIds, linkSource: g.linkSource, linkTarget: g.linkTarget, weights: g.weights, demands };
    this.baseLoad = baseLoad;
    return true;
  }

  /** Writes the failure's load changes into `into` (zeroed by the caller); false when not held. */
  read(failureKey: string, into: Float64Array): boolean {
    const d = this.deltas.get(failureKey);
    if (d === undefined) return false;
    for (let i = 0; i < d.slots.length; i++) into[d.slots[i]!] = d.values[i]!;
    return true;
  }

  keep(failureKey: string, value: Float64Array): void {
    let k = 0;
    for (let s = 0; s < value.length; s++) if (value[s] !== 0) k++;
    // Bounded memory (12 bytes an entry): past it, later failures are routed again by the second run.
    if (this.entries + k > ROUTED_MAX_ENTRIES) return;
    this.entries += k;
    const slots = new Int32Array(k);
    const values = new Float64Array(k);
    k = 0;
    for (let s = 0; s < value.length; s++) {
      if (value[s] === 0) continue;
      slots[k] = s;
      values[k++] = value[s]!;
    }
    this.deltas.set(failureKey, { slots, values });
  }

  /**
   * What this holds, for another thread (held-routing.ts): null unless it
   * holds a whole run and its demands. The load changes are packed into
   * SharedArrayBuffers, so the workers of one verified run read one copy.
   */
  held(): HeldRouting | null {
    const k = this.key;
    const h = this.demandsHeld;
    if (k === null || this.baseLoad === null || h === null || k.demands !== h.demands.demands) return null;
    const keys = [...this.deltas.keys()];
    const offsets = new Int32Array(new SharedArrayBuffer(4 * (keys.length + 1)));
    const slots = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, this.entries)));
    const values = new Float64Array(new SharedArrayBuffer(8 * Math.max(1, this.entries)));
    let at = 0;
    keys.forEach((key, i) => {
      const d = this.deltas.get(key)!;
      offsets[i] = at;
      slots.set(d.slots, at);
      values.set(d.values, at);
      at += d.slots.length;
    });
    offsets[keys.length] = at;
    const n = k.demands.length;
    const s = new Int32Array(n);
    const t = new Int32Array(n);
    const volume = new Float64Array(n);
    k.demands.forEach((d, i) => {
      s[i] = d.s;
      t[i] = d.t;
      volume[i] = d.volume;
    });
    const { demands: _list, ...demandsRest } = h.demands;
    return {
      nodeIds: [...k.nodeIds], linkSource: k.linkSource.slice(), linkTarget: k.linkTarget.slice(), weights: k.weights.slice(),
      demands: { s, t, volume, ...demandsRest },
      baseLoad: this.baseLoad.slice(), keys, offsets, slots, values,
    };
  }

  /**
   * The routing `h` describes, held for a run on `t` (the very design it was
   * recorded for, as another thread received it) and `intent`: the same
   * numbers as the RoutedFailures that recorded it, so a run reusing it gives
   * the report a fresh run gives (held-routing.test.ts).
   */
  static restore(h: HeldRouting, t: Topology, intent: Intent): RoutedFailures {
    const r = new RoutedFailures();
    const d = h.demands;
    const demands: DeviceDemands['demands'] = Array.from({ length: d.s.length }, (_, i) => ({ s: d.s[i]!, t: d.t[i]!, volume: d.volume[i]! }));
    r.key = { nodeIds: h.nodeIds, linkSource: h.linkSource, linkTarget: h.linkTarget, weights: h.weights, demands };
    r.baseLoad = h.baseLoad;
    for (let i = 0; i < h.keys.length; i++) {
      r.deltas.set(h.keys[i]!, { slots: h.slots.subarray(h.offsets[i], h.offsets[i + 1]), values: h.values.subarray(h.offsets[i], h.offsets[i + 1]) });
    }
    r.entries = h.offsets[h.keys.length]!;
    r.demandsHeld = {
      sites: t.sites, nodes: t.nodes, intent, g: { nodeIds: h.nodeIds, linkSource: h.linkSource, linkTarget: h.linkTarget },
      demands: { totalGbps: d.totalGbps, basis: d.basis, unplacedGbps: d.unplacedGbps, demands },
    };
    return r;
  }

  /** Bytes held (load changes, baseline and demands): what a cache of these counts against its bound. */
  bytes(): number {
    return 12 * this.entries + 8 * (this.baseLoad?.length ?? 0) + 16 * (this.key?.demands.length ?? 0);
  }

  private sameRouting(g: CompiledGraph, demands: DeviceDemands['demands']): boolean {
    const k = this.key!;
    if (k.nodeIds.length !== g.nodeIds.length || k.linkSource.length !== g.linkSource.length || k.demands.length !== demands.length) return false;
    for (let v = 0; v < g.nodeIds.length; v++) if (k.nodeIds[v] !== g.nodeIds[v]) return false;
    for (let e = 0; e < g.linkSource.length; e++) {
      if (k.linkSource[e] !== g.linkSource[e] || k.linkTarget[e] !== g.linkTarget[e] || !Object.is(k.weights[e], g.weights[e])) return false;
    }
    for (let i = 0; i < demands.length; i++) {
      const a = k.demands[i]!;
      const b = demands[i]!;
      if (a.s !== b.s || a.t !== b.t || !Object.is(a.volume, b.volume)) return false;
    }
    return true;
  }
}

/** Most load changes RoutedFailures keeps (about 100 MB); a 500-site design needs a few million. */
const ROUTED_MAX_ENTRIES = 8_000_000;
