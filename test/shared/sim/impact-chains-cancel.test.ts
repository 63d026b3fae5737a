import { describe, expect, it } from 'vitest';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';
import { findChains } from '../../../src-shared/sim/chains';
import { compileTopology, toPayload } from '../../../src-shared/sim/csr';
import { chainImpactPays } from '../../../src-shared/sim/impact-chains';
import { claimUnits, fieldsPerScenario, runJob, runJobInline, type SweepJob } from '../../../src-shared/sim/job';
import { n1Scenarios } from '../../../src-shared/sim/sweep';

/**
 * Cancel on the chain impact path (impact-chains.ts): a chain's first
 * scenario computes the chain's shared terms, a repair toward every
 * destination outside it (0.4–0.7 s under load on pool.test's 360-router
 * graph), and must ask for cancel between destinations as the routed path
 * does — and a sweep stopped there writes nothing half-made.
 */

/** `k` rings of 12 routers, a chord across every third router, rings joined in a ring: chains of 2 degree-2 routers. */
function ringOfRings(k: number): Topology {
  const r = 12;
  const nodes = [];
  const links = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < r; j++) nodes.push({ id: `r${i}-${j}`, name: `r${i}-${j}`, role: 'router' });
    for (let j = 0; j < r; j++) links.push({ id: `l${i}-${j}`, source: `r${i}-${j}`, target: `r${i}-${(j + 1) % r}`, igpWeight: 1 + ((i + j) % 3), latencyMs: 1 + ((i * 7 + j) % 5) });
    links.push({ id: `x${i}`, source: `r${i}-0`, target: `r${(i + 1) % k}-${r >> 1}`, igpWeight: 2 });
    for (let j = 0; j < r; j += 3) links.push({ id: `c${i}-${j}`, source: `r${i}-${j}`, target: `r${i}-${(j + r / 2) % r}`, igpWeight: 2 });
  }
  return TopologySchema.parse({ name: 'rings', nodes, links });
}

const g = compileTopology(ringOfRings(8));
const job: SweepJob = { graph: toPayload(g), traffic: { kind: 'uniform' }, scenarios: n1Scenarios(g), mode: 'impact', impact: { siteOf: [], unitGbps: 0.001 } };
const fields = fieldsPerScenario(job);
const n = g.nodeIds.length;
const runJobInlineOut = runJobInline(job);

/** Runs the job one scenario a unit; stopped() answers true from its `stopAt`-th ask on. Asks per scenario and the output. */
function run(stopAt = Infinity): { asks: number; perScenario: number[]; out: Float64Array; ran: number } {
  const out = new Float64Array(job.scenarios.length * fields).fill(NaN);
  let next = 0;
  let asks = 0;
  let sinceLast = 0;
  const perScenario: number[] = [];
  const ran = runJob(
    job,
    {
      units: claimUnits(job.scenarios.length, 1),
      claim: () => next++,
      stopped: () => (asks++, sinceLast++, asks >= stopAt),
      progress: () => {
        perScenario.push(sinceLast);
        sinceLast = 0;
      },
    },
    out,
  );
  return { asks, perScenario, out, ran };
}

describe('chain impact path: cancel', () => {
  const full = run();

  it('takes the chain path and equals the inline run', () => {
    expect(chainImpactPays(g, job.scenarios.length)).toBe(true);
    expect(full.ran).toBe(job.scenarios.length);
    expect([...full.out].map((x, i) => Object.is(x, runJobInlineOut[i]))).not.toContain(false);
  });

  it("asks for cancel after every destination of a chain's shared terms", () => {
    // Each chain's first scenario repairs toward every destination outside the chain (k routers), asking after each.
    const ci = findChains(g);
    expect(ci.chains.length).toBe(32);
    const most = new Int32Array(ci.chains.length);
    job.scenarios.forEach((s, i) => {
      const id = s.links.length === 1 ? ci.chainOfLink[s.links[0]!]! : ci.chainOfNode[s.nodes[0]!]!;
      if (id >= 0) most[id] = Math.max(most[id]!, full.perScenario[i]!);
    });
    ci.chains.forEach((c, id) => expect(most[id], `chain ${id}`).toBeGreaterThanOrEqual(n - c.nodes.length));
  });

  it('stops at whichever ask answers true, asks no more, and leaves unfinished scenarios unwritten', () => {
    // Asks across the set-up, the first chains' shared terms and later scenarios.
    const points = [1, 2, 3, 5, 10, 40, 90, 95, 150, 300, 700, 1000, Math.floor(full.asks / 2), full.asks - 1];
    for (const stopAt of points) {
      const r = run(stopAt);
      expect(r.asks, `stop at ask ${stopAt}`).toBe(stopAt);
      expect(r.ran).toBe(r.perScenario.length);
      for (let i = 0; i < job.scenarios.length; i++) {
        const got = r.out.subarray(i * fields, (i + 1) * fields);
        // Unit i is scenario i: the first `ran` scenarios are finished and exact, the others untouched.
        if (i < r.ran) expect([...got].every((x, k) => Object.is(x, full.out[i * fields + k])), `scenario ${i} after a stop at ${stopAt}`).toBe(true);
        else expect([...got].every((x) => Number.isNaN(x)), `scenario ${i} after a stop at ${stopAt}`).toBe(true);
      }
    }
  });
});
