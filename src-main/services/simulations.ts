import { AppError } from '../../src-shared/contract/result';
import type { SimulationRecord } from '../../src-shared/model/records';
import type { Topology } from '../../src-shared/model/topology';
import type { ScenarioClass } from '../../src-shared/sim/scenarios';
import type { SweepReportShape, SweepSummaryShape, TrafficOption } from '../../src-shared/contract/sim-types';
import { sweepRowsFrom, sweepToCsv } from '../../src-shared/io/sweep-csv';
import { analyzeGraph, type AnalyzeReport } from '../../src-shared/sim/analyze';
import { compileTopology } from '../../src-shared/sim/csr';
import { bySeverity, worstScenarios, type ImpactExtras, type ImpactReportShape } from '../../src-shared/sim/impact-report';
import { sweepRefusal } from '../../src-shared/sim/limits';
import { worstSoFarInWords } from '../../src-shared/sim/worst-so-far';
import type { StoredSimulationResult } from '../../src-shared/sim/stored-result';
import { analyzeThreads, runAnalyze, runSweep, type SweepReport } from '../workers/sweep';
import { WorkerPool } from '../workers/pool';
import type { EventBus } from './events';
import type { JobContext } from './jobs';
import { planInWorker } from '../workers/clients/planning-worker';
import type { ProjectService } from './projects';
import { rangeAsInput } from './impact-run';

export type SweepSummary = SweepSummaryShape;

const WORST_KEPT = 25;

/**
 * Starts the impact report's parts that do not need the sweep (isolating sets,
 * availability) in a worker of their own, so they run while the sweep does
 * rather than after it (availability: 0.4 s on Sprint, 35 s at 3,000 devices).
 * `stop` ends it when the sweep fails; `signal` (the job's Cancel) too.
 */
function extrasAlongside(topology: Topology, seed: number, signal?: AbortSignal): { result: Promise<ImpactExtras>; stop: () => void } {
  const ac = new AbortController();
  const onAbort = (): void => ac.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const result = planInWorker({ kind: 'impact-extras', topology, seed }, { signal: ac.signal }).finally(() => signal?.removeEventListener('abort', onAbort));
  result.catch(() => undefined); // awaited after the sweep; a sweep that fails first stops it and never reads it
  return { result, stop: () => ac.abort() };
}

export interface AnalyzeOptions {
  traffic: 'uniform' | 'none';
  scenarios: 'n1' | 'n2';
  /** At most this many threads (analyzeThreads picks how many pay). */
  threads: number;
}

/** A pool of its own for one call, always closed. */
async function withPool<T>(threads: number, fn: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool({ size: threads });
  try {
    return await fn(pool);
  } finally {
    await pool.close();
  }
}

export function summariseSweep(r: SweepReportShape): SweepSummary {
  const classes: Record<string, number> = {};
  let worstUtilisation = r.baseline.maxUtilisation;
  let worstStrandedDemand = 0;
  let worstStretchP95 = 1;
  for (const s of r.scenarios) {
    classes[s.cls] = (classes[s.cls] ?? 0) + 1;
    worstUtilisation = Math.max(worstUtilisation, s.maxUtilisation);
    worstStrandedDemand = Math.max(worstStrandedDemand, s.strandedDemand);
    if (Number.isFinite(s.stretchP95)) worstStretchP95 = Math.max(worstStretchP95, s.stretchP95);
  }
  return {
    scenarioCount: r.scenarios.length,
    classes,
    baseline: r.baseline,
    disconnecting: r.scenarios.filter((s) => s.disconnectedPairs > 0).length,
    overloading: r.scenarios.filter((s) => s.overloadedLinks > 0).length,
    worstUtilisation,
    worstStrandedDemand,
    worstStretchP95,
    worst: [...r.scenarios].sort(bySeverity).slice(0, WORST_KEPT),
    elapsedMs: r.elapsedMs,
    threads: r.threads,
  };
}

/** Failure sweeps of stored designs on the worker pool, recorded as SimulationRecord + PerformanceMetrics. */
export class SimulationService {
  constructor(
    private readonly projects: ProjectService,
    private readonly bus: EventBus,
    private readonly pool: () => WorkerPool,
  ) {}

  /**
   * Throws now, before any job starts, what `run` would fail with at once: a
   * project that cannot be written, a missing design, or one over the sweep
   * limit (TOO_LARGE, naming its size and the limit). Reads the stored
   * counts only, not the design.
   */
  checkSweepable(projectId: string, designId: string): void {
    const summary = this.projects.writable(projectId).topologies.list().find((d) => d.id === designId);
    if (summary === undefined) throw new AppError('NOT_FOUND', `design ${designId} not found in this project`);
    const refusal = sweepRefusal({ name: summary.name, devices: summary.nodeCount, links: summary.linkCount });
    if (refusal !== null) throw new AppError('TOO_LARGE', refusal);
  }

  async run(
    input: { projectId: string; designId: string; scenarios: ScenarioClass[]; traffic: TrafficOption; custom?: { nodes: string[]; links: string[] }[] },
    ctx: JobContext,
  ): Promise<{ simulationId: string; summary: SweepSummary }> {
    this.checkSweepable(input.projectId, input.designId);
    const project = this.projects.writable(input.projectId);
    const rec = project.topologies.get(input.designId);
    let report: SweepReport;
    let worstWords: string | null = null;
    const extras = extrasAlongside(rec.topology, 1, ctx.signal);
    try {
      report = await runSweep(
        rec.topology,
        { scenarios: input.scenarios, traffic: input.traffic, pool: this.pool(), ...(input.custom ? { custom: input.custom } : {}) },
        {
          signal: ctx.signal,
          onProgress: (p) => ctx.progress(p.done, p.total, p.phase === 'baseline' ? 'routing baseline traffic' : worstWords === null ? 'failure scenarios' : `failure scenarios — ${worstWords}`),
          // Streamed: the worst finished scenarios travel in the progress message while the sweep runs.
          onWorstSoFar: (w) => (worstWords = worstSoFarInWords(w)),
        },
      );
    } catch (err) {
      extras.stop();
      return rangeAsInput(err);
    }
    ctx.progress(1, 1, 'isolating failure sets, availability and convergence');
    const full: ImpactReportShape = {
      ...report,
      ...(await planInWorker({ kind: 'impact', topology: rec.topology, worst: worstScenarios(report), seed: 1, extras: await extras.result }, { signal: ctx.signal })),
    };
    // The convergence headline travels in the stored summary, so the sweep panel and the pack print simulate's figure.
    const summary: SweepSummary = { ...summariseSweep(report), convergence: full.convergenceHeadline };
    const sim = project.simulations.insert({
      topologyId: rec.id,
      topologyRevision: rec.revision,
      scenarios: input.scenarios.join(','),
      traffic: typeof input.traffic === 'string' ? input.traffic : 'explicit',
      summary,
      result: full,
      metrics: [
        { metric: 'baseline.maxUtilisation', value: report.baseline.maxUtilisation, unit: 'ratio' },
        { metric: 'worst.maxUtilisation', value: summary.worstUtilisation, unit: 'ratio' },
        { metric: 'worst.strandedDemand', value: summary.worstStrandedDemand, unit: 'demand' },
        { metric: 'worst.stretchP95', value: summary.worstStretchP95, unit: 'ratio' },
        { metric: 'scenarios.disconnecting', value: summary.disconnecting, unit: 'count' },
        { metric: 'scenarios.total', value: summary.scenarioCount, unit: 'count' },
        { metric: 'sweep.elapsed', value: report.elapsedMs, unit: 'ms' },
      ],
    });
    project.audit.append('user', 'sim.run', rec.id, { simulationId: sim.id, scenarios: input.scenarios, traffic: sim.traffic });
    this.bus.emit('project:changed', { projectId: input.projectId, what: 'simulations' });
    return { simulationId: sim.id, summary };
  }

  /** Structure (bridges, cut nodes) and N-1 (or N-2) impact of a design given whole; small graphs inline. */
  async analyze(topology: Topology, opts: AnalyzeOptions): Promise<AnalyzeReport> {
    const g = compileTopology(topology);
    // `threads` is the most to use: the predicted work (and the cores spare) decides, 1 = inline.
    const threads = opts.traffic === 'none' ? 1 : analyzeThreads(g, opts.threads);
    if (threads === 1) return analyzeGraph(g, { traffic: opts.traffic, scenarios: opts.scenarios });
    return withPool(threads, (pool) => runAnalyze(g, { traffic: opts.traffic, scenarios: opts.scenarios, pool, threads }));
  }

  /** The latest sweep of a design as CSV rows (one per scenario). */
  latestSweepCsv(projectId: string, designId: string): string {
    const project = this.projects.get(projectId);
    const last = project.simulations.listFor(designId).at(-1);
    const rows = last === undefined ? [] : sweepRowsFrom(project.simulations.result(last.id));
    if (rows.length === 0) throw new AppError('NOT_FOUND', 'it has no sweep results to export; run a failure sweep first');
    return sweepToCsv(rows);
  }

  list(projectId: string, designId: string): SimulationRecord[] {
    return this.projects.get(projectId).simulations.listFor(designId);
  }

  result(projectId: string, simulationId: string): StoredSimulationResult {
    const r = this.projects.get(projectId).simulations.result(simulationId);
    if (r === undefined) throw new AppError('NOT_FOUND', `simulation ${simulationId} not found in this project`);
    return r;
  }
}
