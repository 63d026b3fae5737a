import { AppError } from '../../src-shared/contract/result';
import type { SimulationRecord } from '../../src-shared/model/records';
import type { ScenarioClass } from '../../src-shared/sim/scenarios';
import type { SweepReportShape, SweepSummaryShape } from '../../src-shared/contract/sim-types';
import { bySeverity } from '../../src-shared/report/sweep';
import { sweepRefusal } from '../../src-shared/sim/limits';
import { runSweep, type SweepReport, type TrafficOption } from '../workers/sweep';
import type { WorkerPool } from '../workers/pool';
import type { EventBus } from './events';
import type { JobContext } from './jobs';
import type { ProjectService } from './projects';

export type SweepSummary = SweepSummaryShape;

const WORST_KEPT = 25;

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
   * limit (INVALID_INPUT, naming its size and the limit). Reads the stored
   * counts only, not the design.
   */
  checkSweepable(projectId: string, designId: string): void {
    const summary = this.projects.writable(projectId).topologies.list().find((d) => d.id === designId);
    if (summary === undefined) throw new AppError('NOT_FOUND', `design ${designId} not found in this project`);
    const refusal = sweepRefusal({ name: summary.name, devices: summary.nodeCount, links: summary.linkCount });
    if (refusal !== null) throw new AppError('INVALID_INPUT', refusal);
  }

  async run(
    input: { projectId: string; designId: string; scenarios: ScenarioClass[]; traffic: TrafficOption; custom?: { nodes: string[]; links: string[] }[] },
    ctx: JobContext,
  ): Promise<{ simulationId: string; summary: SweepSummary }> {
    this.checkSweepable(input.projectId, input.designId);
    const project = this.projects.writable(input.projectId);
    const rec = project.topologies.get(input.designId);
    let report: SweepReport;
    try {
      report = await runSweep(
        rec.topology,
        { scenarios: input.scenarios, traffic: input.traffic, pool: this.pool(), ...(input.custom ? { custom: input.custom } : {}) },
        { signal: ctx.signal, onProgress: (p) => ctx.progress(p.done, p.total, p.phase === 'baseline' ? 'routing baseline traffic' : 'failure scenarios') },
      );
    } catch (err) {
      if (err instanceof RangeError) throw new AppError('INVALID_INPUT', err.message);
      throw err;
    }
    const shaped: SweepReportShape = report; // compile-time check that the pool's report matches the contract
    const summary = summariseSweep(shaped);
    const sim = project.simulations.insert({
      topologyId: rec.id,
      topologyRevision: rec.revision,
      scenarios: input.scenarios.join(','),
      traffic: typeof input.traffic === 'string' ? input.traffic : 'explicit',
      summary,
      result: report,
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

  list(projectId: string, designId: string): SimulationRecord[] {
    return this.projects.get(projectId).simulations.listFor(designId);
  }

  result(projectId: string, simulationId: string): SweepReportShape {
    const r = this.projects.get(projectId).simulations.result(simulationId);
    if (r === undefined) throw new AppError('NOT_FOUND', `simulation ${simulationId} not found in this project`);
    return r as SweepReport;
  }
}
