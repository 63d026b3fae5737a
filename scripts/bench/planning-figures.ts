import type { SndlibNetwork } from '../../src-shared/io/sndlib';
import type { Intent } from '../../src-shared/model/intent';
import type { Topology } from '../../src-shared/model/topology';
import { availability } from '../../src-shared/sim/availability';
import { availabilityOf } from '../../src-shared/learn/availability';
import { compileTopology } from '../../src-shared/sim/csr';
import { validateDesign } from '../../src-shared/validate/validate';
import type { WorkerPool } from '../../src-main/workers/pool';
import { runSweep, type TrafficOption } from '../../src-main/workers/sweep';

/** The figures of one design as the product's own paths compute them (the "before" model). */
export interface PlanningFigures {
  totalDemandGbps: number;
  worstUtilisation: number;
  worstWhere: string;
  classAchieved: string;
  availability: string;
  worstLatency: string;
}

export async function planningFigures(t: Topology, intent: Intent | undefined, pool: WorkerPool, net?: SndlibNetwork): Promise<PlanningFigures> {
  const traffic: TrafficOption = net ? { demands: net.demands.map((d) => ({ source: d.source, target: d.target, volume: d.value })) } : 'uniform';
  const unitGbps = net ? (net.unitGbps ?? 0.001) : 0.001;
  const sweep = await runSweep(t, { scenarios: ['n1-links', 'n1-nodes', 'srlg'], traffic, unitGbps, pool, threads: 1 });
  let worst = sweep.baseline.maxUtilisation;
  let where = 'baseline';
  for (const s of sweep.scenarios) {
    if (s.maxUtilisation > worst) {
      worst = s.maxUtilisation;
      where = `${s.worstLink ?? '?'} when ${s.label}`;
    }
  }
  const v = validateDesign(t, intent);
  const sim = availability(t, { seed: 1 });
  const pack = availabilityOf(t, compileTopology(t));
  return {
    totalDemandGbps: sweep.baseline.totalVolume * unitGbps,
    worstUtilisation: worst,
    worstWhere: `(${where})`,
    classAchieved: `${v.redundancyAchieved ?? 'not connected'}${intent ? ` (validation ${v.passed ? 'passes' : 'fails'}, asks ${intent.redundancy})` : ''}`,
    availability: `simulate ${(100 * sim.network.availability).toFixed(4)} %, pack ${(100 * pack.availability).toFixed(4)} %`,
    worstLatency: `${v.metrics.maxLatencyMs.toFixed(2)} ms (pair not reported)`,
  };
}
