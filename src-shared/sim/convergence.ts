import type { ConvergenceHeadlineShape } from '../contract/sim-types';
import { ControlPlaneSchema, type ControlPlane } from '../model/planning';
import type { Topology } from '../model/topology';
import type { CompiledGraph } from './csr';
import { dijkstraFromHeap, MinHeap } from './shortest';

/**
 * Convergence-time estimate of a link-state IGP after a failure, with the
 * usual decomposition (Francois et al., "Achieving sub-second IGP
 * convergence in large IP networks", ACM CCR 35(3), 2005):
 *
 *   T(router r) = detection + LSA generation
 *               + flooding from the nearest detecting router to r
 *                 (per hop: link latency + processing)
 *               + SPF delay (throttle) + SPF run time (∝ n + m)
 *               + FIB update (∝ routes to rewrite at r).
 *
 * The network converges when the last router has; we report that maximum,
 * the median, and the parts. `designConvergence` (below) takes the
 * parameters from the design's control plane (Topology.planning.controlPlane,
 * copied from the intent; defaults in model/planning.ts): detection by BFD or
 * not, the IGP domain size (SPF over every device and link, one FIB entry
 * per prefix) and fast reroute. O(m log n) per estimate (one Dijkstra by
 * latency from the detectors).
 */
export interface ConvergenceParams {
  detectionMs: number;
  lsaGenerationMs: number;
  floodPerHopMs: number;
  spfDelayMs: number;
  spfMicrosPerElement: number;
  fibMicrosPerRoute: number;
}

export const DEFAULT_CONVERGENCE: Readonly<ConvergenceParams> = {
  detectionMs: 150,
  lsaGenerationMs: 10,
  floodPerHopMs: 2,
  spfDelayMs: 50,
  spfMicrosPerElement: 2,
  fibMicrosPerRoute: 50,
};

export interface ConvergenceEstimate {
  maxMs: number;
  medianMs: number;
  parts: { detectionMs: number; floodingMaxMs: number; spfMs: number; fibMs: number };
  /** How the failure is noticed (designConvergence only). */
  detection?: 'BFD' | 'loss of light' | 'IGP hold time';
  /** Traffic loss: detection + FRR switchover where fast reroute protects, else the convergence (designConvergence only). */
  restorationMs?: number;
  /** Share of the affected destinations fast reroute protects, % (designConvergence only). */
  protectedPct?: number;
  /** FIB entries rewritten at the busiest router (designConvergence only). */
  prefixes?: number;
}

/**
 * Estimate for a failure of the given links/nodes. `routesChanged` is how
 * many destinations' next hops change at the busiest router (defaults to
 * every destination, a safe upper bound).
 */
export function convergenceEstimate(
  g: CompiledGraph,
  failedNodes: readonly number[],
  failedLinks: readonly number[],
  routesChanged = g.nodeIds.length,
  params: Partial<ConvergenceParams> = {},
): ConvergenceEstimate {
  const p = { ...DEFAULT_CONVERGENCE, ...params };
  const n = g.nodeIds.length;
  const deadN = new Uint8Array(n);
  for (const v of failedNodes) deadN[v] = 1;
  const deadL = new Uint8Array(g.linkIds.length);
  for (const e of failedLinks) deadL[e] = 1;
  // Detectors: surviving ends of failed links and neighbours of failed nodes.
  const dist = new Float64Array(n).fill(Infinity);
  const heap = new MinHeap(2 * g.targets.length + 4, n);
  const detect = (v: number): void => {
    if (deadN[v] === 1 || dist[v] === 0) return;
    dist[v] = 0;
    heap.push(v, 0);
  };
  for (const e of failedLinks) {
    detect(g.linkSource[e]!);
    detect(g.linkTarget[e]!);
  }
  for (const v of failedNodes) for (let s = g.offsets[v]!; s < g.offsets[v + 1]!; s++) detect(g.targets[s]!);
  // Flooding: earliest arrival by latency + per-hop processing (Dijkstra).
  dijkstraFromHeap(g, heap, dist, (k, v) => {
    const e = g.edgeLink[k]!;
    return deadN[v] === 1 || deadL[e] === 1 ? null : g.latencies[e]! + p.floodPerHopMs;
  });
  const reached = [...dist].filter((d) => d < Infinity).sort((a, b) => a - b);
  const spfMs = p.spfDelayMs + (p.spfMicrosPerElement * (n + g.linkIds.length)) / 1000;
  const fibMs = (p.fibMicrosPerRoute * routesChanged) / 1000;
  const fixed = p.detectionMs + p.lsaGenerationMs + spfMs + fibMs;
  const floodMax = reached.length > 0 ? reached[reached.length - 1]! : 0;
  const floodMedian = reached.length > 0 ? reached[Math.floor((reached.length - 1) / 2)]! : 0;
  return {
    maxMs: fixed + floodMax,
    medianMs: fixed + floodMedian,
    parts: { detectionMs: p.detectionMs + p.lsaGenerationMs, floodingMaxMs: floodMax, spfMs, fibMs },
  };
}

/** The design's control plane: its planning's, else the defaults. */
export function controlPlaneOf(t: Pick<Topology, 'planning'>): ControlPlane {
  return t.planning?.controlPlane ?? ControlPlaneSchema.parse({});
}

/**
 * Convergence of one failure of a design, from the design's control plane:
 * - detection: BFD interval × multiplier (RFC 5880 §6.8.4); without BFD,
 *   loss of light for links inside one site, else the IGP hold time (a
 *   carrier circuit or a dead device gives no signal);
 * - SPF over the whole IGP domain (devices + links), FIB rewrite of every
 *   prefix in it (an upper bound: a failure far away rewrites fewer);
 * - fast reroute: TI-LFA protects every single link or device failure, LFA
 *   the stated share of destinations (RFC 5286 / RFC 6571), neither a
 *   multi-element failure (shared-risk group, site); protected traffic is
 *   restored at detection + switchover (RFC 5714's sub-50 ms aim), the rest
 *   when the IGP converges.
 */
export function designConvergence(
  t: Pick<Topology, 'planning' | 'nodes' | 'links'>,
  g: CompiledGraph,
  failedNodes: readonly number[],
  failedLinks: readonly number[],
): ConvergenceEstimate {
  const cp = controlPlaneOf(t);
  const siteById = new Map(t.nodes.map((d) => [d.id, d.site]));
  const siteOfNode = (v: number): string | undefined => siteById.get(g.nodeIds[v]!);
  const intraSiteOnly =
    failedNodes.length === 0 &&
    failedLinks.length > 0 &&
    failedLinks.every((e) => {
      const a = siteOfNode(g.linkSource[e]!);
      return a !== undefined && a === siteOfNode(g.linkTarget[e]!);
    });
  const detection: ConvergenceEstimate['detection'] = cp.bfd ? 'BFD' : intraSiteOnly ? 'loss of light' : 'IGP hold time';
  const detectionMs = cp.bfd ? cp.bfdIntervalMs * cp.bfdMultiplier : intraSiteOnly ? cp.lossOfLightMs : cp.igpHoldMs;
  const prefixes = cp.igpPrefixes ?? g.nodeIds.length + g.linkIds.length;
  const est = convergenceEstimate(g, failedNodes, failedLinks, prefixes, {
    detectionMs,
    lsaGenerationMs: cp.lsaGenerationMs,
    floodPerHopMs: cp.floodPerHopMs,
    spfDelayMs: cp.spfDelayMs,
    spfMicrosPerElement: cp.spfMicrosPerElement,
    fibMicrosPerRoute: cp.fibMicrosPerPrefix,
  });
  const single = failedNodes.length + failedLinks.length === 1;
  const protectedPct = !single || cp.fastReroute === 'none' ? 0 : cp.fastReroute === 'ti-lfa' ? 100 : cp.lfaCoveragePct;
  const restorationMs = protectedPct >= 100 ? detectionMs + cp.frrSwitchoverMs : est.maxMs;
  return { ...est, detection, restorationMs, protectedPct, prefixes };
}

/** The one convergence figure every surface prints: the slowest of the estimated worst scenarios. */
export type ConvergenceHeadline = ConvergenceHeadlineShape;

export function convergenceHeadline(list: readonly { scenario: string; estimate: ConvergenceEstimate }[]): ConvergenceHeadline | null {
  let worst: { scenario: string; estimate: ConvergenceEstimate } | null = null;
  for (const c of list) if (worst === null || c.estimate.maxMs > worst.estimate.maxMs) worst = c;
  if (worst === null) return null;
  const e = worst.estimate;
  return {
    scenario: worst.scenario,
    convergenceMs: Math.round(e.maxMs * 10) / 10,
    restorationMs: Math.round((e.restorationMs ?? e.maxMs) * 10) / 10,
    detection: e.detection ?? 'BFD',
    protectedPct: e.protectedPct ?? 0,
  };
}

/** The headline in words: "restored in 165 ms, converged in 230 ms (BFD; worst: link l3 fails)". */
/** `name` turns the scenario's label into words (model/names.ts labelNamer); the label itself when not given. */
export function convergenceWords(h: ConvergenceHeadline, name: (label: string) => string = (l) => l): string {
  const frr = h.protectedPct >= 100 ? 'fast reroute protects it' : h.protectedPct > 0 ? `fast reroute protects ${h.protectedPct} % of destinations` : 'no fast reroute';
  return `traffic restored in ${fmtMs(h.restorationMs)}, IGP converged in ${fmtMs(h.convergenceMs)} (${h.detection} detection, ${frr}; slowest of the worst scenarios: ${name(h.scenario)})`;
}

const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
