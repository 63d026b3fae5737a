import { fromPayload, type CompiledGraph, type CompiledGraphPayload } from './csr';
import { SlotDelta } from './incremental';
import { failureMasks, maxLoadAfter, RoutingEngine, SweepCancelled } from './routing';
import type { FailureSpec } from './sweep';
import { explicitTraffic, explicitTrafficColumns, gravityMasses, gravityTraffic, hubTraffic, uniformTraffic, type DemandColumns, type TrafficMatrix } from './traffic';
import { CompressedSweep } from './compressed';
import { SharedCoreBase } from './shared-core-base';
import { findChains } from './chains';
import { ImpactEvaluator, IMPACT_FIELDS, type ImpactContext } from './impact';
import { chainImpactPays, SingleFailureImpact } from './impact-chains';
import { DualHomedImpact } from './impact-dualhomed';

/**
 * A sweep as plain data, so it can cross a thread boundary: the compiled
 * graph, the traffic, the scenarios and what to measure. Workers pull
 * chunks of scenario indices from a shared counter (dynamic load balancing),
 * so one slow scenario never idles the other threads.
 */
export type TrafficSpec =
  | { kind: 'uniform' }
  | { kind: 'gravity'; mass: number[] }
  | { kind: 'hub-centric'; hubs: number[] }
  /** `columns`, when given, are the demands (a worker receives them so; `demands` is then empty). */
  | { kind: 'explicit'; demands: { s: number; t: number; volume: number }[]; columns?: DemandColumns };

export interface SweepJob {
  graph: CompiledGraphPayload;
  traffic: TrafficSpec;
  scenarios: FailureSpec[];
  /** 'max-load': one number per scenario; 'impact': IMPACT_FIELDS.length numbers per scenario. */
  mode: 'max-load' | 'impact';
  /** Impact mode: site index of each node (-1 = none) and gigabits per traffic unit. */
  impact?: ImpactContext;
  /**
   * Ascending scenario indices where a claimed unit may begin (0 implied).
   * Scenarios between two cuts share work (one chain's failures share its
   * terms), so one worker runs them all. Absent: any index.
   */
  cuts?: number[];
}

/**
 * The units workers claim: boundaries [0, …, total], each unit about `size`
 * scenarios, every unit beginning at an allowed cut, so no group of
 * scenarios that share work is split across workers (which would compute
 * the shared terms twice).
 */
export function claimUnits(total: number, size: number, cuts?: readonly number[]): Int32Array {
  const b: number[] = [0];
  const step = Math.max(1, size);
  if (cuts === undefined) {
    for (let i = step; i < total; i += step) b.push(i);
  } else {
    let last = 0;
    for (const c of cuts) {
      if (c >= total) break;
      if (c >= last + step) {
        b.push(c);
        last = c;
      }
    }
  }
  b.push(total);
  return Int32Array.from(total === 0 ? [0, 0] : b);
}

export function buildTraffic(g: CompiledGraph, spec: TrafficSpec): TrafficMatrix {
  switch (spec.kind) {
    case 'uniform':
      return uniformTraffic(g);
    case 'gravity':
      return gravityTraffic(g, Float64Array.from(spec.mass));
    case 'hub-centric': {
      const isHub = new Uint8Array(g.nodeIds.length);
      for (const h of spec.hubs) isHub[h] = 1;
      return hubTraffic(g, isHub);
    }
    case 'explicit':
      return spec.columns !== undefined ? explicitTrafficColumns(g, spec.columns) : explicitTraffic(g, spec.demands);
  }
}

/** Numbers written per scenario. */
export function fieldsPerScenario(job: Pick<SweepJob, 'mode'>): number {
  return job.mode === 'max-load' ? 1 : IMPACT_FIELDS.length;
}

export interface JobControl {
  /** Index of the next unit to run (≥ units.length - 1 when none left). */
  claim(): number;
  /** Unit k is scenarios units[k] … units[k + 1] - 1 (claimUnits). */
  readonly units: Int32Array;
  /** True once the sweep was cancelled. */
  stopped(): boolean;
  /** Called after each scenario with how many this runner has finished. */
  progress(doneHere: number): void;
  /** The routing baseline the sweep's runners build together (shared-baseline.ts); absent, each builds its own. */
  readonly sharedBaseline?: SharedArrayBuffer;
  /** The compressed sweep's core loads one runner routes for all (shared-core-base.ts); absent, each routes its own. */
  readonly sharedCoreBase?: SharedArrayBuffer;
}

/**
 * Runs the scenarios this runner claims, writing results into `out`
 * (scenario i at out[i * fields …]). Returns how many it ran.
 */
export function runJob(
  job: SweepJob,
  ctl: JobControl,
  out: Float64Array,
  baselineTick: (done: number, total: number) => void = () => {},
): number {
  const g = fromPayload(job.graph);
  const traffic = buildTraffic(g, job.traffic);
  const tick = (d: number, t: number): boolean => (baselineTick(d, t), !ctl.stopped());
  // N-1 max-load sweeps of product-form traffic run on the pendant-compressed core;
  // anything else (multi-element failures, impact metrics) on the full engine, built on demand.
  const masses = job.mode === 'max-load' ? productMasses(g, job.traffic) : null;
  let compressed: CompressedSweep | null = null;
  let full: RoutingEngine | null = null;
  // Product-form impact sweeps of a chain-heavy core: single failures from the compressed sweep (impact-chains.ts),
  // whose nothing-failed core loads one worker routes for all (shared-core-base.ts) before its share of the baseline.
  const pm = job.mode === 'impact' ? productMasses(g, job.traffic) : null;
  const singles = job.scenarios.reduce((k, s) => k + (s.nodes.length + s.links.length === 1 ? 1 : 0), 0);
  const chainPath = pm !== null && chainImpactPays(g, singles);
  const coreShare = chainPath && ctl.sharedCoreBase !== undefined ? new SharedCoreBase(ctl.sharedCoreBase) : null;
  const skeletonBase = coreShare === null ? undefined : (slots: number, route: (into: Float64Array) => void) => coreShare.loads(slots, route, () => !ctl.stopped());
  let single: CompressedSweep | null = null;
  try {
    if (coreShare !== null && coreShare.owns()) single = new CompressedSweep(g, pm!, pm!, tick, skeletonBase);
    if (masses !== null && job.scenarios.some((s) => s.nodes.length + s.links.length <= 1)) compressed = new CompressedSweep(g, masses, masses, tick);
    if (compressed === null || job.scenarios.some((s) => s.nodes.length + s.links.length > 1)) full = new RoutingEngine(g, traffic, undefined, tick, ctl.sharedBaseline);
  } catch (err) {
    if (err instanceof SweepCancelled) return 0;
    throw err;
  }
  const delta = full !== null ? new SlotDelta(full.slots) : null;
  const impact = job.mode === 'impact' && full !== null ? new ImpactEvaluator(full, job.impact) : null;
  // Cancel is asked between the set-up's steps too: each is at most one routing (~0.1–0.4 s under load).
  if (ctl.stopped()) return 0;
  if (impact !== null) {
    try {
      if (single === null && chainPath) single = new CompressedSweep(g, pm, pm, tick, skeletonBase);
      if (ctl.stopped()) return 0;
      if (single !== null && single.onSkeleton) {
        impact.useSingleFailure(new SingleFailureImpact(full!, single, findChains(g), job.impact?.unitGbps ?? 1, impact.acyclicDags));
      } else if (pm !== null && impact.acyclicDags) {
        // Dual-homed / single-homed leaf routers: their failures in closed form (impact-dualhomed.ts).
        const leaves = DualHomedImpact.build(full!, impact, pm, job.impact?.unitGbps ?? 1, job.scenarios, tick);
        if (leaves !== null) impact.useSingleFailure(leaves);
      }
    } catch (err) {
      if (err instanceof SweepCancelled) return 0;
      throw err;
    }
  }
  const fields = fieldsPerScenario(job);
  let done = 0;
  for (;;) {
    if (ctl.stopped()) return done;
    const k = ctl.claim();
    if (k >= ctl.units.length - 1) return done;
    const start = ctl.units[k]!;
    const end = ctl.units[k + 1]!;
    if (impact !== null) {
      // The unit's scenarios in blocks routed destination by destination (ImpactEvaluator.evaluateBlock).
      for (let i = start; i < end; i += IMPACT_BLOCK) {
        const last = Math.min(end, i + IMPACT_BLOCK);
        const ats: number[] = [];
        for (let j = i; j < last; j++) ats.push(j * fields);
        if (ctl.stopped() || !impact.evaluateBlock(job.scenarios.slice(i, last), out, ats, () => ctl.stopped())) return done;
        for (let j = i; j < last; j++) ctl.progress(++done);
      }
      continue;
    }
    for (let i = start; i < end; i++) {
      if (ctl.stopped()) return done;
      const spec = job.scenarios[i]!;
      if (compressed !== null && spec.nodes.length + spec.links.length === 1) {
        out[i] = compressed.maxLoad(spec);
      } else if (compressed !== null && spec.nodes.length + spec.links.length === 0) {
        out[i] = compressed.baselineMax();
      } else {
        const f = failureMasks(g, spec.nodes, spec.links);
        delta!.reset();
        full!.failureDelta(f, delta!);
        out[i] = maxLoadAfter(full!.baseLoad, delta!, f.links);
      }
      done++;
      ctl.progress(done);
    }
  }
}

/**
 * Scenarios an impact sweep routes together, destination by destination:
 * their per-scenario load deltas (16 B per link each) stay small beside one
 * destination's state, and cancel is still asked after every destination.
 */
const IMPACT_BLOCK = 32;

/** Out = in masses when the traffic is uniform or gravity (product form), else null. */
function productMasses(g: CompiledGraph, spec: TrafficSpec): Float64Array | null {
  if (spec.kind === 'uniform') return new Float64Array(g.nodeIds.length).fill(1);
  if (spec.kind === 'gravity') return gravityMasses(Float64Array.from(spec.mass));
  return null;
}

/** Runs a whole job on the calling thread (tests, tiny graphs, the what-if path). */
export function runJobInline(job: SweepJob): Float64Array {
  const out = new Float64Array(job.scenarios.length * fieldsPerScenario(job)).fill(NaN);
  let next = 0;
  runJob(job, { units: claimUnits(job.scenarios.length, 16, job.cuts), claim: () => next++, stopped: () => false, progress: () => {} }, out);
  return out;
}
