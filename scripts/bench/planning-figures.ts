import { sndlibDemands, type SndlibNetwork } from '../../src-shared/io/sndlib';
import { capacityUnderFailure, describeWorst, worstFor } from '../../src-shared/model/capacity';
import type { Intent } from '../../src-shared/model/intent';
import type { Topology } from '../../src-shared/model/topology';
import { designDemands, planningOf } from '../../src-shared/model/traffic';
import { availability } from '../../src-shared/sim/availability';
import { availabilityOf } from '../../src-shared/learn/availability';
import { compileTopology } from '../../src-shared/sim/csr';
import { convergenceWords } from '../../src-shared/sim/convergence';
import { worstConvergence } from '../../src-shared/sim/impact-report';
import { validateDesign } from '../../src-shared/validate/validate';
import type { WorkerPool } from '../../src-main/workers/pool';
import { runSweep, type TrafficOption } from '../../src-main/workers/sweep';

/**
 * The figures of one design through the product's own paths, after issue 15:
 * total demand from the one traffic model (checked against the simulate
 * sweep's total), the worst case over N-1 links, devices and shared-risk
 * groups from model/capacity.ts (checked against the sweep's worst
 * utilisation), the class validation gives, the one availability (simulate
 * and decision pack must print the same), and the worst latency pair.
 */
export interface PlanningFigures {
  totalDemandGbps: number;
  worstUtilisation: number;
  worstWhere: string;
  classAchieved: string;
  availability: string;
  worstLatency: string;
  /** Simulate's convergence headline (the design's control plane; same figure in the sweep panel and the pack). */
  convergence: string;
}

export async function planningFigures(t: Topology, intent: Intent | undefined, pool: WorkerPool, net?: SndlibNetwork): Promise<PlanningFigures> {
  const g = compileTopology(t);
  const demands = net
    ? { demands: sndlibDemands(net).map((d) => ({ s: g.nodeIndex.get(d.source)!, t: g.nodeIndex.get(d.target)!, volume: d.volume })), totalGbps: sndlibDemands(net).reduce((a, d) => a + d.volume, 0), basis: 'SNDlib demands', unplacedGbps: 0 }
    : designDemands(t, g, intent);
  const limit = planningOf(t, intent).utilisationLimitPct / 100;
  const cap = capacityUnderFailure(t, g, demands, limit, ['link', 'srlg', 'device']);
  const worst = worstFor(cap, 'HIGH');
  const traffic: TrafficOption = net ? { demands: sndlibDemands(net) } : 'intent';
  const sweep = await runSweep(t, { scenarios: ['n1-links', 'n1-nodes', 'srlg'], traffic, unitGbps: 1, pool, threads: 1 });
  let sweepWorst = sweep.baseline.maxUtilisation;
  for (const s of sweep.scenarios) sweepWorst = Math.max(sweepWorst, s.maxUtilisation);
  const agree = Math.abs(sweepWorst - (worst?.utilisation ?? 0)) < 1e-6 && Math.abs(sweep.baseline.totalVolume - demands.totalGbps) < 1e-6 * Math.max(1, demands.totalGbps);
  const v = validateDesign(t, intent);
  const sim = availability(t, { seed: 1 }).headline;
  const pack = availabilityOf(t, g);
  const latency =
    v.checks
      .find((c) => c.id === 'latency')
      ?.message.replace(/\. Worst path: .*$/, '')
      .replace(/^.*worst( site pair:)? /, '')
      .replace(/ \(no limit set\)$/, '')
      .replace(/\)$/, '') ?? '';
  const conv = worstConvergence(t, g, sweep).convergenceHeadline;
  return {
    totalDemandGbps: demands.totalGbps,
    worstUtilisation: worst?.utilisation ?? 0,
    worstWhere: `(${describeWorst(worst).replace(/^worst case: /, '')})${agree ? '' : ` [simulate disagrees: ${(100 * sweepWorst).toFixed(1)} %]`}`,
    classAchieved: `${v.redundancyAchieved ?? 'not connected'}${intent ? ` (validation ${v.passed ? 'passes' : 'fails'}, asks ${intent.redundancy})` : ''}`,
    availability: sim.availability === pack.availability ? `${(100 * sim.availability).toFixed(4)} % (${sim.downtimeMinutesPerYear.toFixed(0)} min/yr)` : `simulate ${(100 * sim.availability).toFixed(4)} % ≠ pack ${(100 * pack.availability).toFixed(4)} %`,
    worstLatency: latency,
    convergence: conv ? convergenceWords(conv).replace(/; slowest of the worst scenarios: .*\)$/, ')') : '—',
  };
}
