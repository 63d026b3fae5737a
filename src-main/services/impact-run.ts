import { AppError } from '../../src-shared/contract/errors';
import type { Topology } from '../../src-shared/model/topology';
import { impactExtras, impactParts, worstScenarios, type ImpactReportShape } from '../../src-shared/sim/impact-report';
import type { ScenarioClass } from '../../src-shared/sim/scenarios';
import type { WorstSoFar } from '../../src-shared/sim/worst-so-far';
import { runSweep, type SweepTraffic } from '../workers/sweep';
import { WorkerPool } from '../workers/pool';

/**
 * The full impact report of designs that are not stored (files on the
 * command line). Kept apart from the services container on purpose: the
 * command line's `simulate FILE` loads only this, the readers and the sweep,
 * not the store, the generators and their 760 KB gazetteer (~0.1 s of
 * module loading before the first worker could start).
 */

export type { SweepTraffic };

/** A sweep of designs that are not stored, on `threads` workers of their own. */
export interface TopologySweepOptions {
  scenarios: ScenarioClass[];
  traffic: SweepTraffic;
  threads: number;
  n2Sample?: number;
  seed?: number;
  unitGbps?: number | undefined;
  /** The worst scenarios finished so far, with each progress report of the sweep (the command line prints them). */
  onWorstSoFar?: (w: WorstSoFar) => void;
}

/** A sweep's RangeError (a demand naming an unknown device, …) is the input's fault. */
export const rangeAsInput = (err: unknown): never => {
  if (err instanceof RangeError) throw new AppError('INVALID_INPUT', err.message);
  throw err;
};

/**
 * The full impact report (sweep, isolating sets, availability, convergence)
 * of designs given whole; nothing is stored. One pool serves them all. Its
 * workers start now and load while the caller reads its files (the command
 * line: ~0.2 s for Sprint's network and 99k demands); `run` sweeps on them
 * and computes the report's last part on the calling thread; `close` always.
 */
export function impactRun(threads: number): { run: (designs: readonly Topology[], opts: TopologySweepOptions) => Promise<ImpactReportShape[]>; close: () => Promise<void> } {
  const pool = new WorkerPool({ size: threads });
  pool.warm();
  return { run: (designs, opts) => impactOn(pool, designs, opts), close: () => pool.close() };
}

async function impactOn(pool: WorkerPool, designs: readonly Topology[], opts: TopologySweepOptions): Promise<ImpactReportShape[]> {
  const out: ImpactReportShape[] = [];
  for (const t of designs) {
    const sweep = runSweep(t, {
      scenarios: opts.scenarios,
      traffic: opts.traffic,
      threads: opts.threads,
      pool,
      ...(opts.n2Sample !== undefined ? { n2Sample: opts.n2Sample } : {}),
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.unitGbps !== undefined ? { unitGbps: opts.unitGbps } : {}),
    }, opts.onWorstSoFar !== undefined ? { onWorstSoFar: opts.onWorstSoFar } : {});
    sweep.catch(() => undefined); // awaited below, after the extras
    // The pool hands the job to its workers in a later tick: let it, then compute isolating sets and
    // availability on this thread while they sweep. This thread has nothing else to answer (the app's
    // sim:run uses a worker for them instead); a planning worker of its own spent ~0.3 s of CPU just
    // loading its modules, on cores the sweep needs.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const extras = impactExtras(t, { seed: opts.seed ?? 1 });
    const report = await sweep.catch(rangeAsInput);
    // What is left (the worst scenarios' convergence) takes milliseconds.
    out.push({ ...report, ...impactParts(t, worstScenarios(report), { seed: opts.seed ?? 1, extras }) });
  }
  return out;
}
