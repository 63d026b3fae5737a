import type { ScenarioResultShape, SweepReportShape, TrafficOption } from '../../src-shared/contract/sim-types';
import { trafficSpec, type SweepTraffic } from './sweep-traffic';
import type { Topology } from '../../src-shared/model/topology';
import { analyzeStructure, assembleAnalyzeReport, linkPairReport, type AnalyzeReport } from '../../src-shared/sim/analyze';
import { compileTopology, toPayload, type CompiledGraph } from '../../src-shared/sim/csr';
import { elementNamer } from '../../src-shared/model/names';
import { IMPACT_FIELDS } from '../../src-shared/sim/impact';
import { worstSoFar, type WorstSoFar } from '../../src-shared/sim/worst-so-far';
import type { SweepJob } from '../../src-shared/sim/job';
import { buildTraffic } from '../../src-shared/sim/job';
import { buildScenarios, type ScenarioClass, type ScenarioOptions } from '../../src-shared/sim/scenarios';
import { n1Scenarios, type FailureSpec } from '../../src-shared/sim/sweep';
import { chainScenarioOrder, findChains } from '../../src-shared/sim/chains';
import { chainGroupedOrder } from '../../src-shared/sim/impact-order';
import { pendantForest } from '../../src-shared/sim/pendant';
import { skeletonWork } from '../../src-shared/sim/sweep-plan';
import { idleCoresNow } from './idle-cores';
import { explicitColumnsTotal, explicitTotal } from '../../src-shared/sim/traffic';
import { WorkerPool, type RunHooks } from './pool';

/** The pool shared by every caller in this process, created on first use. */
let shared: WorkerPool | null = null;
export function sharedPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}

export interface SweepProgress {
  phase: 'baseline' | 'scenarios';
  done: number;
  total: number;
}

export interface SweepHooks {
  onProgress?: (p: SweepProgress) => void;
  /** The worst finished scenarios so far, with each scenario-phase progress report (streamed results). */
  onWorstSoFar?: (w: WorstSoFar) => void;
  signal?: AbortSignal;
}

export type { TrafficOption };
export { trafficSpec, type SweepTraffic };

export interface SweepOptions {
  scenarios: readonly ScenarioClass[];
  traffic: SweepTraffic;
  /** Hand-picked failure sets (device and link ids). */
  custom?: ScenarioOptions['custom'];
  /** Link pairs beyond this are sampled (seeded). Default 20,000. */
  n2Sample?: number;
  seed?: number;
  /** Gbit/s per traffic unit for utilisation. Default 1 for 'intent' traffic (Gbit/s), else 0.001 (1 Mbit/s per unit). */
  unitGbps?: number;
  threads?: number;
  pool?: WorkerPool;
}

/** The contract's shapes are the one declaration; the pool produces exactly these. */
export type ScenarioResult = ScenarioResultShape;
export type SweepReport = SweepReportShape;

/**
 * Full impact sweep of a design on the worker pool: builds the scenarios,
 * routes the traffic, and reports every scenario's impact. Progress arrives
 * at least every 250 ms; `signal` cancels (rejects with an AbortError).
 */
export async function runSweep(topology: Topology, options: SweepOptions, hooks: SweepHooks = {}): Promise<SweepReport> {
  const started = performance.now();
  const g = compileTopology(topology);
  const scenarios = buildScenarios(topology, g, {
    classes: options.scenarios,
    ...(options.custom ? { custom: options.custom } : {}),
    ...(options.n2Sample !== undefined ? { n2Sample: options.n2Sample } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const traffic = trafficSpec(topology, g, options.traffic);
  const unitGbps = options.unitGbps ?? (options.traffic === 'intent' ? 1 : 0.001);
  const siteIndex = new Map<string, number>();
  const siteOf = topology.nodes.map((d) => {
    if (d.site === undefined) return -1;
    if (!siteIndex.has(d.site)) siteIndex.set(d.site, siteIndex.size);
    return siteIndex.get(d.site)!;
  });
  // Workers need each scenario's failed elements only: its class and label (1,340 strings on Sprint) are
  // not copied to every worker, and every scenario then has one shape, the baseline's — the sweep's
  // optimised code no longer meets a second kind of object at the end of the list and deoptimises.
  // Product-form traffic: each chain's single failures side by side, so one worker computes the chain's
  // terms (impact-order.ts); results are mapped back below. The last job entry is the no-failure baseline.
  const grouped = traffic.kind === 'uniform' || traffic.kind === 'gravity' ? chainGroupedOrder(g, scenarios) : null;
  const jobScenarios = grouped === null ? scenarios : Array.from(grouped.order, (i) => scenarios[i]!);
  const failing: FailureSpec[] = jobScenarios.map((s) => ({ nodes: s.nodes, links: s.links }));
  const job: SweepJob = {
    graph: toPayload(g),
    traffic,
    scenarios: [...failing, { nodes: [], links: [] }],
    mode: 'impact',
    impact: { siteOf, unitGbps },
    ...(grouped === null ? {} : { cuts: [...grouped.cuts, scenarios.length] }),
  };
  const pool = options.pool ?? sharedPool();
  const runHooks: RunHooks = {
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  };
  const onWorst = hooks.onWorstSoFar;
  if (onWorst !== undefined) {
    // In names, as the sweep rows print them ("device ash-core-2 at Ashburn DC", not "device 602").
    const namer = elementNamer(topology);
    const labels = jobScenarios.map((s) => namer.scenario({ cls: s.cls, label: s.label, failedNodes: s.nodes.map((v) => g.nodeIds[v]!), failedLinks: s.links.map((e) => g.linkIds[e]!) }));
    runHooks.onPartial = (partial) => onWorst(worstSoFar(partial, labels, unitGbps));
  }
  const run = await pool.run(job, runHooks);
  const threads = run.threads;
  const results = grouped === null ? run.results : inDesignOrder(run.results, grouped.order, IMPACT_FIELDS.length);
  // The report needs the matrix's kind and total only: an explicit one is not built again for that
  // (its dense table alone is 32 MB at 2,000 devices), its total added up as explicitTraffic does.
  const tm = traffic.kind === 'explicit' ? { kind: 'explicit' as const, totalVolume: (traffic.columns !== undefined ? explicitColumnsTotal(traffic.columns) : explicitTotal(traffic.demands)) } : buildTraffic(g, traffic);
  const F = IMPACT_FIELDS.length;
  const base = scenarios.length * F;
  const fieldAt = (k: (typeof IMPACT_FIELDS)[number]): number => results[base + IMPACT_FIELDS.indexOf(k)]!;
  const rows: ScenarioResult[] = scenarios.map((sc, i) => {
    const r = {} as Record<string, number>;
    IMPACT_FIELDS.forEach((k, j) => (r[k] = results[i * F + j]!));
    const worst = r['worstLink']!;
    return {
      cls: sc.cls,
      label: sc.label,
      failedNodes: sc.nodes.map((v) => g.nodeIds[v]!),
      failedLinks: sc.links.map((e) => g.linkIds[e]!),
      ...(r as Omit<ScenarioResultShape, 'cls' | 'label' | 'failedNodes' | 'failedLinks' | 'worstLink'>),
      worstLink: worst >= 0 ? g.linkIds[worst]! : null,
    };
  });
  return {
    design: topology.name,
    nodes: g.nodeIds.length,
    links: g.linkIds.length,
    traffic: options.traffic === 'intent' ? 'intent' : tm.kind,
    baseline: { maxLoad: fieldAt('maxLoad'), maxUtilisation: fieldAt('maxUtilisation'), totalVolume: tm.totalVolume, unitGbps },
    scenarios: rows,
    elapsedMs: performance.now() - started,
    threads,
  };
}

/** Rows of `fields` numbers at job positions put back at their scenario's index (order: position -> index); what follows them stays. */
function inDesignOrder(results: Float64Array, order: Int32Array, fields: number): Float64Array {
  const out = results.slice();
  for (let j = 0; j < order.length; j++) out.set(results.subarray(j * fields, (j + 1) * fields), order[j]! * fields);
  return out;
}

/**
 * Scenario × core-destination steps below which an N-1 sweep uses one worker.
 * Measured: the Kdl-like chain graph (1,654 scenarios × 647 core nodes ≈
 * 1.07 M steps) takes seconds of CPU, a worker's start and own baseline about
 * 0.5 s; below ~300 k steps the sweep itself is well under that.
 */
export const SMALL_SWEEP = 300_000;

/**
 * A worker's start (thread, module load, cold JIT) in skeleton routings:
 * ~0.15 s against ~3.4 ms per routing of the Kdl-shaped skeleton (profiles).
 */
const WORKER_START_ROUTINGS = 40;

/** Cores no other process is using now (measured over the last moments, idle-cores.ts), at least 1. */
export function spareCores(): number {
  return idleCoresNow();
}

/**
 * How many threads an N-1 uniform analyze sweep of `g` is worth, at most
 * `max` and at most the cores spare: 1 means inline on the calling thread.
 * Every worker repeats the sweep's setup and pays its own start, so k
 * workers take setup + start + sweep / k against setup + sweep inline; a
 * second thread is used only when that is shorter (skeletonWork predicts
 * both). Below SMALL_SWEEP steps one thread; on a core not routed on its
 * skeleton (per-destination repair, no shared setup to speak of) all of `max`.
 */
export function analyzeThreads(g: CompiledGraph, max: number, spare?: number): number {
  if (max <= 1) return 1;
  const forest = pendantForest(g);
  if ((g.linkIds.length + g.nodeIds.length + 1) * forest.coreNodes.length < SMALL_SWEEP) return 1;
  // The cores are read last, only for a sweep big enough to want a second thread: the reading may wait up to 50 ms.
  const limit = Math.min(max, spare ?? spareCores());
  if (limit <= 1) return 1;
  const w = skeletonWork(forest, findChains(forest.core));
  if (w === null) return limit;
  let best = 1;
  let bestCost = w.setup + w.sweep;
  for (let k = 2; k <= limit; k++) {
    const cost = WORKER_START_ROUTINGS + w.setup + w.sweep / k;
    if (cost < bestCost) {
      best = k;
      bestCost = cost;
    }
  }
  return best;
}

export interface AnalyzeRunOptions {
  traffic: 'uniform' | 'none';
  scenarios: 'n1' | 'n2';
  threads?: number;
  pool?: WorkerPool;
}

/**
 * The `nettwin analyze` computation: the N-1 traffic sweep on the worker
 * pool, and meanwhile the structure (linear time) and any N-2 pairs on this
 * thread. `threads` as given, else as many as the predicted work pays for.
 */
export async function runAnalyze(g: CompiledGraph, opts: AnalyzeRunOptions, hooks: SweepHooks = {}): Promise<AnalyzeReport> {
  let sweep: Promise<{ baseline: number; maxLoads: Float64Array }> | null = null;
  if (opts.traffic === 'uniform') {
    // Each chain's scenarios side by side (one worker computes its terms once);
    // the extra empty scenario at the end is the baseline.
    const forest = pendantForest(g);
    const { order, cuts } = chainScenarioOrder(g, forest.coreNodes, forest.coreLinks, findChains(forest.core).chains);
    const n1 = n1Scenarios(g);
    const scenarios = [...Array.from(order, (i) => n1[i]!), { nodes: [], links: [] }];
    const job: SweepJob = { graph: toPayload(g), traffic: { kind: 'uniform' }, scenarios, mode: 'max-load', cuts: [...cuts, order.length] };
    const pool = opts.pool ?? sharedPool();
    const threads = opts.threads ?? analyzeThreads(g, pool.size);
    sweep = pool
      .run(job, {
        ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        threads,
      })
      .then(({ results }) => {
        const maxLoads = new Float64Array(n1.length);
        order.forEach((i, j) => (maxLoads[i] = results[j]!));
        return { baseline: results[scenarios.length - 1]!, maxLoads };
      });
    sweep.catch(() => undefined); // awaited below; a structure error thrown first must not leave it unhandled
    // Let the pool start its workers (its queue runs in a later tick) before this thread gets busy.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const s = analyzeStructure(g);
  const pairs = opts.scenarios === 'n2' ? linkPairReport(g) : null;
  return assembleAnalyzeReport(g, s, sweep === null ? null : await sweep, pairs);
}
