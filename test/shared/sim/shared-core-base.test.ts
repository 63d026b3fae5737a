import { describe, expect, it } from 'vitest';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';
import { compileTopology, toPayload, type CompiledGraph } from '../../../src-shared/sim/csr';
import { chainImpactPays } from '../../../src-shared/sim/impact-chains';
import { claimUnits, fieldsPerScenario, runJob, runJobInline, type SweepJob } from '../../../src-shared/sim/job';
import { newSharedCoreBase, SharedCoreBase } from '../../../src-shared/sim/shared-core-base';
import { n1Scenarios } from '../../../src-shared/sim/sweep';

/**
 * The chain path's compressed core loads routed by one runner and read by
 * the others (shared-core-base.ts): every impact field of every scenario, of
 * the runner that routed them and of one that read them, Object.is the run
 * that shares nothing; a wrong shared number shows in the reader's results.
 */

/** `k` rings of `r` routers with chords every third router (chains of 2), joined in a ring; unequal weights and latencies. */
function ringOfRings(k: number, r: number, seed: number): Topology {
  const nodes = [];
  const links = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < r; j++) nodes.push({ id: `r${i}-${j}`, name: `r${i}-${j}`, role: 'router' });
    for (let j = 0; j < r; j++) links.push({ id: `l${i}-${j}`, source: `r${i}-${j}`, target: `r${i}-${(j + 1) % r}`, igpWeight: 1 + ((i + j + seed) % 3), latencyMs: 1 + ((i * 7 + j + seed) % 5), capacityGbps: 10 * (1 + ((i + j) % 2)) });
    links.push({ id: `x${i}`, source: `r${i}-0`, target: `r${(i + 1) % k}-${r >> 1}`, igpWeight: 2 });
    for (let j = 0; j < r; j += 3) links.push({ id: `c${i}-${j}`, source: `r${i}-${j}`, target: `r${i}-${(j + Math.floor(r / 2)) % r}`, igpWeight: 2 + (seed % 2) });
  }
  // A pendant router on every other ring: its tree hangs off the core.
  for (let i = 0; i < k; i += 2) {
    nodes.push({ id: `p${i}`, name: `p${i}`, role: 'router' });
    links.push({ id: `pl${i}`, source: `p${i}`, target: `r${i}-1`, igpWeight: 1 });
  }
  return TopologySchema.parse({ name: 'rings', nodes, links });
}

function jobOf(g: CompiledGraph, traffic: SweepJob['traffic']): SweepJob {
  return { graph: toPayload(g), traffic, scenarios: n1Scenarios(g), mode: 'impact', impact: { siteOf: [], unitGbps: 0.01 } };
}

/** One runner's whole run of `job` with the given shared core loads. */
function runWith(job: SweepJob, shared: SharedArrayBuffer, stopped = (): boolean => false): { out: Float64Array; ran: number } {
  const out = new Float64Array(job.scenarios.length * fieldsPerScenario(job)).fill(NaN);
  let next = 0;
  const ran = runJob(job, { units: claimUnits(job.scenarios.length, 16), claim: () => next++, stopped, progress: () => {}, sharedCoreBase: shared }, out);
  return { out, ran };
}

const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

const cases: [string, CompiledGraph, SweepJob['traffic']][] = [];
for (const [k, r, seed] of [[8, 12, 0], [10, 12, 1], [7, 12, 2]] as const) {
  const g = compileTopology(ringOfRings(k, r, seed));
  cases.push([`${k}×${r} uniform`, g, { kind: 'uniform' }]);
  cases.push([`${k}×${r} gravity`, g, { kind: 'gravity', mass: Array.from({ length: g.nodeIds.length }, (_, i) => 1 + ((i * 37) % 11) / 4) }]);
}

describe('shared core loads of the chain impact path', () => {
  it.each(cases)('%s: the router and the reader of the shared loads equal the run that shares nothing', (_name, g, traffic) => {
    const job = jobOf(g, traffic);
    expect(chainImpactPays(g, job.scenarios.length)).toBe(true);
    const want = runJobInline(job);
    const buf = newSharedCoreBase(g);
    const first = runWith(job, buf);
    expect(new SharedCoreBase(buf).owns()).toBe(false); // the first run took it
    const second = runWith(job, buf);
    expect(first.ran).toBe(job.scenarios.length);
    expect(same(first.out, want)).toBe(true);
    expect(same(second.out, want)).toBe(true);
  });

  it('a wrong shared number shows in the reader’s results', () => {
    const [, g, traffic] = cases[0]!;
    const job = jobOf(g, traffic);
    const want = runJobInline(job);
    const buf = newSharedCoreBase(g);
    runWith(job, buf);
    // The loads follow the 16-byte header; the largest one raised by one ulp-scale step.
    const loads = new Float64Array(buf, 16, Math.floor((buf.byteLength - 16) / 8));
    let top = 0;
    for (let s = 1; s < loads.length; s++) if (loads[s]! > loads[top]!) top = s;
    loads[top] = loads[top]! * (1 + 1e-9);
    expect(same(runWith(job, buf).out, want)).toBe(false);
  });

  it('a reader waiting for loads nobody publishes stops when cancelled', () => {
    const [, g, traffic] = cases[0]!;
    const job = jobOf(g, traffic);
    const buf = newSharedCoreBase(g);
    expect(new SharedCoreBase(buf).owns()).toBe(true); // an owner that never publishes
    let asks = 0;
    const t0 = performance.now();
    // Set-up asks first (baseline ticks); cancel once it is waiting.
    const r = runWith(job, buf, () => ++asks > 2 * g.nodeIds.length + 5);
    expect(r.ran).toBe(0);
    expect(r.out.every((x) => Number.isNaN(x))).toBe(true);
    expect(performance.now() - t0).toBeLessThan(30_000);
  });
});
