import { afterAll, describe, expect, it } from 'vitest';
import { generateDesign } from '../../../src-shared/generate/generate';
import { worstN1Utilisation } from '../../../src-shared/optimise/load';
import { measureTopology } from '../../../src-shared/learn/sample';
import { capacityUnderFailure, CLASS_FAILURES, worstFor } from '../../../src-shared/model/capacity';
import { IntentSchema } from '../../../src-shared/model/intent';
import { designDemands } from '../../../src-shared/model/traffic';
import { resilienceOf } from '../../../src-shared/report/resilience';
import { availability } from '../../../src-shared/sim/availability';
import { compileTopology } from '../../../src-shared/sim/csr';
import { validateDesign } from '../../../src-shared/validate/validate';
import { WorkerPool } from '../../../src-main/workers/pool';
import { runSweep } from '../../../src-main/workers/sweep';
import { summariseSweep } from '../../../src-main/services/simulations';
import { impactExtras, impactParts, impactReport, worstScenarios } from '../../../src-shared/sim/impact-report';
import { convergenceWords } from '../../../src-shared/sim/convergence';
import { elementNamer, labelNamer } from '../../../src-shared/model/names';
import { gatherReport } from '../../../src-shared/report/gather';
import { renderReportHtml } from '../../../src-shared/report/html';
import { esc } from '../../../src-shared/report/escape';
import { baseInput, record, T0 } from '../../shared/report/inputs';

/**
 * One design through every path (generate, validate, simulate, optimise,
 * learner sample, decision pack): the same total demand, the same worst
 * utilisation over the same failures, the same availability.
 */
const intent = IntentSchema.parse({
  name: 'cross-path',
  redundancy: 'HIGH',
  growthHeadroomPct: 25,
  siteGroups: [
    { role: 'hq', region: 'eu-west', sites: [{ name: 'London HQ', lat: 51.5, lon: -0.12, bandwidthMbps: 4000 }] },
    { role: 'datacenter', region: 'eu-central', sites: [{ name: 'Frankfurt DC', lat: 50.11, lon: 8.68, bandwidthMbps: 20000 }] },
    { role: 'datacenter', region: 'us-east', sites: [{ name: 'Ashburn DC', lat: 39.04, lon: -77.49, bandwidthMbps: 20000 }] },
    { role: 'branch', region: 'eu-west', count: 6, bandwidthMbpsPerSite: 300 },
  ],
});

const pool = new WorkerPool({ size: 1 });
afterAll(() => pool.close());

describe('one design through every path', () => {
  it('gives the same demand, worst case and availability on every surface', async () => {
    const d = generateDesign(intent, 'partial-mesh', 3);
    const t = d.topology;
    const g = compileTopology(t);
    // The design carries the intent's planning assumptions.
    expect(t.planning?.growthHeadroomPct).toBe(25);
    const demand = designDemands(t, g, intent);
    expect(designDemands(t, g).totalGbps).toBeCloseTo(demand.totalGbps, 9);
    // Role-aware shares of the stated bandwidth, × 1.25 growth, both directions, plus DC–DC replication.
    expect(demand.totalGbps).toBeGreaterThan((4 + 6 * 0.3) * 1.25 * 2 * 0.99);

    // Validate (generate's own verdict and a fresh one agree).
    const v = validateDesign(t, intent);
    expect(d.validation.metrics.totalDemandGbps).toBeCloseTo(demand.totalGbps, 9);
    expect(v.metrics.worstUtilisation).toBeCloseTo(d.validation.metrics.worstUtilisation!, 12);

    // The capacity model over the HIGH failure set.
    const cap = capacityUnderFailure(t, g, demand, 0.8, CLASS_FAILURES.HIGH);
    const worst = worstFor(cap, 'HIGH')!;
    expect(v.metrics.worstUtilisation).toBeCloseTo(worst.utilisation, 12);

    // Simulate: the sweep of the same failures on the worker pool.
    const sweep = await runSweep(t, { scenarios: ['n1-links', 'n1-nodes', 'srlg'], traffic: 'intent', pool, threads: 1 });
    expect(sweep.baseline.unitGbps).toBe(1);
    expect(sweep.baseline.totalVolume).toBeCloseTo(demand.totalGbps, 6);
    const sweepWorst = Math.max(sweep.baseline.maxUtilisation, ...sweep.scenarios.map((s) => s.maxUtilisation));
    expect(sweepWorst).toBeCloseTo(worst.utilisation, 9);

    // Optimise: the load strategy's figure.
    expect(worstN1Utilisation(t, g).value).toBeCloseTo(worst.utilisation, 9);

    // Availability: simulate, learner sample and decision pack print the same number.
    const one = availability(t, { seed: 1 }).headline.availability;
    expect(resilienceOf(t, g).availability.availability).toBe(one);
    expect(measureTopology(t, d.cost.totalUsd).metrics.availability).toBe(one);
    expect(one).toBeGreaterThan(0.99);
    expect(one).toBeLessThan(1);

    // Convergence: simulate's impact report, the stored summary the sweep panel reads, and the pack print one figure.
    const impact = impactReport(t, sweep);
    // The services start isolation and availability beside the sweep (impactExtras in a worker of its
    // own) and hand them in: the report is the same as computed after the sweep, and its availability
    // is the one figure above.
    const extras = impactExtras(t, { seed: 1 });
    expect(extras.availability.headline.availability).toBe(one);
    expect(impactReport(t, sweep, { seed: 1, extras })).toEqual(impact);
    // The planning worker gets only the worst scenarios, and the services add the sweep back.
    expect({ ...sweep, ...impactParts(t, worstScenarios(sweep), { seed: 1, extras }) }).toEqual(impact);
    const h = impact.convergenceHeadline!;
    expect(h.convergenceMs).toBe(Math.round(Math.max(...impact.convergence.map((c) => c.estimate.maxMs)) * 10) / 10);
    expect(h.detection).toBe('BFD');
    const summary = { ...summariseSweep(sweep), convergence: h }; // as SimulationsService.run stores it
    const rec = record('d-x', t);
    const html = renderReportHtml(
      gatherReport(
        baseInput({
          designs: [rec],
          validations: [],
          simulations: [{ id: 's1', topologyId: rec.id, topologyRevision: rec.revision, scenarios: 'n1-links', traffic: 'intent', summary, softwareVersion: 't', createdAt: T0 }],
        }),
      ),
    );
    // In names on every surface (names.ts): the pack, the sweep panel and `nettwin simulate` alike.
    const named = convergenceWords(h, labelNamer(elementNamer(t), summary.worst));
    expect(html).toContain(esc(named));
    expect(convergenceWords(h, labelNamer(elementNamer(t), impact.scenarios))).toBe(named);
  }, 60_000);
});
