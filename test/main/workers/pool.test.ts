import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { elementNamer } from '../../../src-shared/model/names';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';
import { compileTopology, toPayload } from '../../../src-shared/sim/csr';
import { buildTraffic, runJobInline, type SweepJob } from '../../../src-shared/sim/job';
import { n1Scenarios } from '../../../src-shared/sim/sweep';
import { WorkerPool } from '../../../src-main/workers/pool';
import { packDemands, unpackDemands } from '../../../src-main/workers/protocol';
import { runAnalyze, runSweep, SMALL_SWEEP, trafficSpec } from '../../../src-main/workers/sweep';
import { analyzeGraph } from '../../../src-shared/sim/analyze';
import { pendantForest } from '../../../src-shared/sim/pendant';
import { IMPACT_FIELDS } from '../../../src-shared/sim/impact';
import { newSharedBaseline } from '../../../src-shared/sim/shared-baseline';
import { chainImpactPays } from '../../../src-shared/sim/impact-chains';

/**
 * A ring of `k` rings of `r` routers joined by chords: enough work for progress and cancel to matter.
 * `meshed` adds a chord across every third router of each ring, so no router is on a chain of
 * degree-2 routers and the sweep cannot take the closed forms that made the plain rings cheap.
 */
function ringOfRings(k: number, r: number, meshed = false): Topology {
  const nodes = [];
  const links = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < r; j++) nodes.push({ id: `r${i}-${j}`, name: `r${i}-${j}`, role: 'router', site: `s${i}` });
    for (let j = 0; j < r; j++) links.push({ id: `l${i}-${j}`, source: `r${i}-${j}`, target: `r${i}-${(j + 1) % r}`, igpWeight: 1 + ((i + j) % 3) });
    links.push({ id: `x${i}`, source: `r${i}-0`, target: `r${(i + 1) % k}-${r >> 1}`, igpWeight: 2 });
    if (meshed) for (let j = 0; j < r; j += 3) links.push({ id: `c${i}-${j}`, source: `r${i}-${j}`, target: `r${i}-${(j + Math.floor(r / 2)) % r}`, igpWeight: 2 });
  }
  return TopologySchema.parse({ name: 'rings', nodes, links, sites: Array.from({ length: k }, (_, i) => ({ id: `s${i}`, name: `S${i}`, role: 'branch', region: i % 2 ? 'east' : 'west' })) });
}

/**
 * Runs `heavy` on two warm workers, aborts it at 1.2 s and checks progress came at least every
 * 250 ms and both workers were back within 100 ms of the abort.
 */
async function checkProgressAndCancel(heavy: SweepJob, warm: SweepJob): Promise<void> {
  const pool = newPool(2);
  await pool.run({ ...warm }); // warm the workers up so startup is not measured
  // On a loaded machine (load 20 when this failed) the OS does not run this thread on time: a
  // heartbeat late by the event loop's own measured delay is the scheduler's, not the pool's.
  // Each bound below gets that measured lag added, no more, so a missed heartbeat still fails.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const lagMs = (): number => lag.max / 1e6;
  const ac = new AbortController();
  const stamps: number[] = [];
  const scenarioStamps: [number, number][] = [];
  const started = performance.now();
  const run = pool.run(heavy, {
    signal: ac.signal,
    onProgress: (p) => {
      stamps.push(performance.now());
      if (p.phase === 'scenarios') scenarioStamps.push([performance.now(), p.done]);
    },
  });
  setTimeout(() => ac.abort(), 1200);
  const err = await run.catch((e: unknown) => e);
  const rejectedAt = performance.now();
  expect((err as Error).name).toBe('AbortError');
  expect(rejectedAt - started).toBeLessThan(1200 + 100 + lagMs());
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]!);
  expect(stamps.length).toBeGreaterThanOrEqual(4);
  expect(Math.max(...gaps)).toBeLessThan(250 + lagMs());
  // Both workers stop and come back to the pool: each finishes the scenario it is in first, so
  // the bound is 100 ms plus the wall time a scenario took on each worker in this run (from the
  // progress counts: small on a quiet machine, several times more at load 20).
  const [t0, d0] = scenarioStamps[0] ?? [0, 0];
  const [t1, d1] = scenarioStamps.at(-1) ?? [0, 0];
  const scenarioMs = d1 > d0 ? (2 * (t1 - t0)) / (d1 - d0) : 0;
  while (pool.idleWorkers < 2 && performance.now() - rejectedAt < 1000 + lagMs() + scenarioMs) await new Promise((r) => setTimeout(r, 5));
  lag.disable();
  expect(performance.now() - rejectedAt, `event-loop lag ${lagMs().toFixed(0)} ms, a scenario ${scenarioMs.toFixed(1)} ms`).toBeLessThan(100 + lagMs() + scenarioMs);
  const again = await pool.run(warm);
  expect(again.results.every((x) => Number.isFinite(x))).toBe(true);
}

const pools: WorkerPool[] = [];
const newPool = (size: number, workerUrl?: URL): WorkerPool => {
  const p = new WorkerPool({ size, minScenariosPerThread: 1, ...(workerUrl ? { workerUrl } : {}) });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('WorkerPool', () => {
  const small = compileTopology(ringOfRings(6, 8));
  const job: SweepJob = { graph: toPayload(small), traffic: { kind: 'uniform' }, scenarios: n1Scenarios(small), mode: 'max-load' };

  it('gives the same results as the inline run, with 1 and 2 workers', async () => {
    const want = runJobInline(job);
    for (const size of [1, 2]) {
      const { results, threads } = await newPool(size).run(job);
      expect(threads).toBe(size);
      expect([...results]).toEqual([...want]);
    }
  });

  it('impact sweeps through the high-level runSweep match the inline evaluator', async () => {
    const t = ringOfRings(5, 6);
    const pool = newPool(2);
    const report = await runSweep(t, { scenarios: ['n1-links', 'sites', 'regions'], traffic: 'gravity', pool });
    const g = compileTopology(t);
    expect(report.scenarios).toHaveLength(g.linkIds.length + 5 + 2);
    expect(report.scenarios.find((s) => s.label === 'site S0')!.isolatedSites).toBe(1);
    // The same link failures evaluated inline (max load per scenario) agree with the pool's impact rows.
    const inline = runJobInline({ graph: toPayload(g), traffic: trafficSpec(t, g, 'gravity'), scenarios: n1Scenarios(g).slice(0, g.linkIds.length), mode: 'max-load' });
    report.scenarios.slice(0, g.linkIds.length).forEach((row, i) => expect(row.maxLoad).toBeCloseTo(inline[i]!, 9));
    expect(report.baseline.maxLoad).toBeGreaterThan(0);
  });

  it('impact sweeps with chain scenarios regrouped per worker come back in design order, every field equal to the inline run', async () => {
    const t = ringOfRings(8, 7);
    const g = compileTopology(t);
    const report = await runSweep(t, { scenarios: ['n1-links', 'n1-nodes'], traffic: 'uniform', pool: newPool(2), threads: 2 });
    const scenarios = n1Scenarios(g);
    // The design's own order, inline on this thread, no cuts: what the sweep gave before regrouping.
    const want = runJobInline({ graph: toPayload(g), traffic: { kind: 'uniform' }, scenarios, mode: 'impact', impact: { siteOf: g.nodeIds.map((_, v) => Math.floor(v / 7)), unitGbps: 0.001 } });
    expect(report.scenarios).toHaveLength(scenarios.length);
    report.scenarios.forEach((row, i) => {
      expect(row.failedLinks).toEqual(scenarios[i]!.links.map((e) => g.linkIds[e]!));
      expect(row.failedNodes).toEqual(scenarios[i]!.nodes.map((v) => g.nodeIds[v]!));
      const values = IMPACT_FIELDS.map((k) => (k === 'worstLink' ? (row.worstLink === null ? -1 : g.linkIds.indexOf(row.worstLink)) : row[k]));
      expect(values).toEqual(IMPACT_FIELDS.map((_, j) => want[i * IMPACT_FIELDS.length + j]!));
    });
  });

  it('streams the worst finished scenarios while an impact sweep runs, each as the final report has it', async () => {
    const t = ringOfRings(10, 8);
    const namer = elementNamer(t);
    const seen: { done: number; stranded: string | null; util: string | null; utilValue: number }[] = [];
    const report = await runSweep(t, { scenarios: ['n1-links', 'n1-nodes', 'sites'], traffic: 'gravity', pool: newPool(2) }, {
      onWorstSoFar: (w) => seen.push({ done: w.done, stranded: w.byStranded?.label ?? null, util: w.byUtilisation?.label ?? null, utilValue: w.byUtilisation?.maxUtilisation ?? 0 }),
    });
    // Every 200 ms heartbeat reads the results so far, and the last report reads them all (how many
    // heartbeats fall mid-sweep depends on the machine's speed, so each one seen is checked).
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)!.done).toBe(report.scenarios.length);
    for (const w of seen.filter((x) => x.util !== null)) {
      // What was named mid-sweep is a real scenario with the utilisation the final report gives it.
      // Named as the sweep rows are (names.ts), e.g. "site S3", "device r3-1 at S3".
      const row = report.scenarios.find((s) => namer.scenario(s) === w.util)!;
      expect(row.maxUtilisation).toBeCloseTo(w.utilValue, 12);
      if (w.stranded !== null) expect(report.scenarios.find((s) => namer.scenario(s) === w.stranded)!.strandedDemand).toBeGreaterThan(0);
    }
    // The worst by utilisation only ever gets worse as scenarios finish.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.utilValue).toBeGreaterThanOrEqual(seen[i - 1]!.utilValue);
  }, 120_000);

  it('reports progress at least every 250 ms and honours cancellation within 100 ms', async () => {
    const big = compileTopology(ringOfRings(30, 12, true));
    // Every pair one unit, as an explicit list: the routed path, which asks for cancel after every
    // destination. (As product-form traffic the graph's chains of degree-2 routers take the chain path,
    // whose first scenario of a chain computes the chain's shared terms cold without asking — 0.4–0.7 s
    // under load before and after the shared baseline; once that baseline got faster, the cancel at
    // 1.2 s started landing there.)
    const allPairs: { s: number; t: number; volume: number }[] = [];
    for (let s = 0; s < big.nodeIds.length; s++) for (let t = 0; t < big.nodeIds.length; t++) if (s !== t) allPairs.push({ s, t, volume: 1 });
    const heavy: SweepJob = { graph: toPayload(big), traffic: { kind: 'explicit', demands: allPairs }, scenarios: n1Scenarios(big), mode: 'impact', impact: { siteOf: [], unitGbps: 0.001 } };
    await checkProgressAndCancel(heavy, job);
  });

  it('reports progress at least every 250 ms and honours cancellation within 100 ms on the chain path', async () => {
    // The same graph with product-form traffic: its chains of degree-2 routers take the chain path
    // (impact-chains.ts), whose first scenario of each chain computes the chain's shared terms — a
    // repair toward every destination — which must ask for cancel as the routed path does.
    const big = compileTopology(ringOfRings(30, 12, true));
    const heavy: SweepJob = { graph: toPayload(big), traffic: { kind: 'uniform' }, scenarios: n1Scenarios(big), mode: 'impact', impact: { siteOf: [], unitGbps: 0.001 } };
    await checkProgressAndCancel(heavy, job);
  });

  it('a chain-path impact sweep on two workers, one routing the compressed core loads for both, equals the inline run bit for bit', async () => {
    const g = compileTopology(ringOfRings(10, 12, true));
    const chainJob: SweepJob = { graph: toPayload(g), traffic: { kind: 'uniform' }, scenarios: n1Scenarios(g), mode: 'impact', impact: { siteOf: [], unitGbps: 0.001 } };
    const want = runJobInline(chainJob);
    const { results, threads } = await newPool(2).run(chainJob);
    expect(threads).toBe(2);
    expect([...results].every((x, i) => Object.is(x, want[i]))).toBe(true);
  });

  it('stays at its size when a sweep starts while a cancelled one is still draining', async () => {
    const big = compileTopology(ringOfRings(30, 12, true));
    const heavy: SweepJob = { graph: toPayload(big), traffic: { kind: 'uniform' }, scenarios: n1Scenarios(big), mode: 'impact', impact: { siteOf: [], unitGbps: 0.001 } };
    const pool = newPool(2);
    await pool.run(job);
    for (let round = 0; round < 2; round++) {
      const ac = new AbortController();
      const cancelled = pool.run(heavy, { signal: ac.signal }).catch((e: unknown) => e);
      setTimeout(() => ac.abort(), 200);
      await pool.run(job); // queued behind the cancelled sweep: starts as soon as it rejects
      expect(((await cancelled) as Error).name).toBe('AbortError');
    }
    await new Promise((r) => setTimeout(r, 1200)); // past the drain deadline
    expect(pool.idleWorkers).toBe(2); // was 4: every overlap added workers that never stopped (found by the soak)
  });

  it('runs the built JavaScript worker too (workerUrl option)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-worker-'));
    const out = path.join(dir, 'simulator.worker.js');
    await build({
      entryPoints: [path.resolve(__dirname, '../../../src-main/workers/simulator.worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: out,
      logLevel: 'silent',
    });
    const { results } = await newPool(1, pathToFileURL(out)).run(job);
    expect([...results]).toEqual([...runJobInline(job)]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the worker built as one CommonJS file (the command line starts that one: no ES module loader in its thread)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-worker-'));
    const out = path.join(dir, 'simulator.worker.cjs');
    await build({
      entryPoints: [path.resolve(__dirname, '../../../src-main/workers/simulator.worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: out,
      logLevel: 'silent',
    });
    const g = compileTopology(ringOfRings(4, 6, true));
    const impactJob: SweepJob = { graph: toPayload(g), traffic: { kind: 'gravity', mass: g.nodeIds.map((_, v) => 1 + (v % 4)) }, scenarios: [...n1Scenarios(g), { nodes: [], links: [] }], mode: 'impact', impact: { siteOf: [], unitGbps: 0.001 } };
    const { results, threads } = await newPool(2, pathToFileURL(out)).run(impactJob, { threads: 2 });
    expect(threads).toBe(2);
    expect([...results]).toEqual([...runJobInline(impactJob)]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uses fewer workers for small sweeps unless told otherwise', async () => {
    const pool = new WorkerPool({ size: 2 });
    pools.push(pool);
    expect((await pool.run(job)).threads).toBe(1); // about 100 scenarios: one worker is faster
  });

  it('two workers building one shared routing baseline give every impact field the inline run gives, bit for bit (explicit matrix, N-1 and N-2)', async () => {
    const t = ringOfRings(9, 7, true);
    const g = compileTopology(t);
    const n = g.nodeIds.length;
    const demands: { s: number; t: number; volume: number }[] = [];
    for (let s = 0; s < n; s++) for (let d = 0; d < n; d += 1 + (s % 3)) if (s !== d) demands.push({ s, t: d, volume: 0.37 + ((s * 31 + d * 17) % 97) / 7 });
    const scenarios = [...n1Scenarios(g), ...Array.from({ length: 40 }, (_, k) => ({ nodes: [], links: [k, (k * 7 + 3) % g.linkIds.length] })), { nodes: [], links: [] }];
    const impactJob: SweepJob = { graph: toPayload(g), traffic: { kind: 'explicit', demands }, scenarios, mode: 'impact', impact: { siteOf: g.nodeIds.map((_, v) => Math.floor(v / 7)), unitGbps: 0.01 } };
    const want = runJobInline(impactJob);
    const { results, threads } = await newPool(2).run(impactJob, { threads: 2 });
    expect(threads).toBe(2);
    expect(results.length).toBe(want.length);
    const differ = Array.from(want).filter((x, i) => !Object.is(x, results[i])).length;
    expect(differ).toBe(0);
  });

  it('two workers sharing the baseline of a dual-homed access layer (the leaf closed form) give every impact field the inline run gives, bit for bit (uniform and gravity)', async () => {
    // 8 core routers in a ring, 2 distribution routers each, 40 edge routers per pair (enough one-router
    // chains that the chain path does not pay): dual-homed with unequal uplink weights, single-homed, parallel uplinks.
    const nodes: { id: string; name: string; role: string }[] = [];
    const links: { id: string; source: string; target: string; igpWeight: number; capacityGbps: number }[] = [];
    const node = (i: number): string => (nodes.push({ id: `n${i}`, name: `n${i}`, role: 'router' }), `n${i}`);
    const link = (a: number, b: number, w: number, cap: number): number => links.push({ id: `l${links.length}`, source: `n${a}`, target: `n${b}`, igpWeight: w, capacityGbps: cap });
    const core = 8;
    let total = 3 * core;
    for (let i = 0; i < total; i++) node(i);
    for (let c = 0; c < core; c++) {
      link(c, (c + 1) % core, 10, 100);
      link(c, core + 2 * c, 2, 40);
      link(c, core + 2 * c + 1, 2, 40);
      for (let k = 0; k < 40; k++) {
        node(total);
        const a = core + 2 * c;
        if (k === 0) link(total, a, 3, 1);
        else if (k === 1) {
          link(total, a, 4, 1);
          link(total, a, 4, 1);
        } else {
          link(a, total, 3 + (k % 2), 1);
          link(total, a + 1, 3 + (k % 3), 1);
        }
        total++;
      }
    }
    const g = compileTopology(TopologySchema.parse({ name: 'access', nodes, links }));
    expect(newSharedBaseline(g)).not.toBeNull();
    // The leaf path takes it, not the chain path.
    expect(chainImpactPays(g, n1Scenarios(g).length)).toBe(false);
    for (const traffic of [{ kind: 'uniform' as const }, { kind: 'gravity' as const, mass: Array.from({ length: total }, (_, i) => (i % 5 === 0 ? 0 : 1 + (i % 3))) }]) {
      const impactJob: SweepJob = { graph: toPayload(g), traffic, scenarios: [...n1Scenarios(g), { nodes: [], links: [] }], mode: 'impact', impact: { siteOf: g.nodeIds.map(() => -1), unitGbps: 0.01 } };
      const want = runJobInline(impactJob);
      const { results, threads } = await newPool(2).run(impactJob, { threads: 2 });
      expect(threads).toBe(2);
      expect(Array.from(want).filter((x, i) => !Object.is(x, results[i])).length).toBe(0);
    }
  });

  it('sends an explicit matrix to the workers as columns, which build the same matrix', () => {
    const demands = [
      { s: 0, t: 3, volume: 2.5 },
      { s: 3, t: 0, volume: 1e-9 },
      { s: 2, t: 2, volume: 7 }, // kept as given: explicitTraffic decides what counts
      { s: 1, t: 0, volume: 0 },
    ];
    const g = compileTopology(ringOfRings(2, 2));
    const explicit: SweepJob = { graph: toPayload(g), traffic: { kind: 'explicit', demands }, scenarios: [{ nodes: [], links: [] }], mode: 'impact' };
    const { job: lean, packed } = packDemands(explicit);
    expect(lean.traffic).toEqual({ kind: 'explicit', demands: [] }); // nothing cloned object by object
    expect(Array.from(packed!.volume)).toEqual([2.5, 1e-9, 7, 0]);
    // The worker keeps the columns (no object per demand) and builds the same matrix from them.
    const back = unpackDemands(lean, packed);
    expect(back.traffic).toEqual({ kind: 'explicit', demands: [], columns: packed });
    const [a, b] = [buildTraffic(g, explicit.traffic), buildTraffic(g, back.traffic)];
    expect(b.totalVolume).toBe(a.totalVolume);
    for (let s = 0; s < g.nodeIds.length; s++) for (let t = 0; t < g.nodeIds.length; t++) expect(b.demand(s, t)).toBe(a.demand(s, t));
    const uniform: SweepJob = { ...explicit, traffic: { kind: 'uniform' } };
    expect(packDemands(uniform)).toEqual({ job: uniform, packed: undefined });
  });

  it('the worker imports nothing from electron, store, ipc or services', () => {
    for (const f of ['simulator.worker.ts', 'protocol.ts']) {
      const text = fs.readFileSync(path.resolve(__dirname, '../../../src-main/workers', f), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      expect(imports.filter((i) => /electron|\/store\/|\/ipc\/|\/services\//.test(i))).toEqual([]);
    }
  });
});

describe('runAnalyze on two workers', () => {
  it('chain scenarios regrouped per worker come back in contract order, equal to the inline analysis', async () => {
    // Rings of degree-2 routers: every ring is two chains between its attachment points.
    const g = compileTopology(ringOfRings(34, 12));
    const steps = (g.linkIds.length + g.nodeIds.length + 1) * pendantForest(g).coreNodes.length;
    expect(steps).toBeGreaterThanOrEqual(SMALL_SWEEP); // so the sweep is split between the two workers
    const got = await runAnalyze(g, { traffic: 'uniform', scenarios: 'n1', pool: newPool(2), threads: 2 });
    const want = analyzeGraph(g, { traffic: 'uniform', scenarios: 'n1' });
    expect(got.baseline.maxLinkLoad).toBeCloseTo(want.baseline.maxLinkLoad!, 9);
    got.linkFailures.forEach((r, i) => expect([r.link, r.maxLinkLoad! - want.linkFailures[i]!.maxLinkLoad!]).toEqual([want.linkFailures[i]!.link, expect.closeTo(0, 9)]));
    got.nodeFailures.forEach((r, i) => expect([r.node, r.maxLinkLoad! - want.nodeFailures[i]!.maxLinkLoad!]).toEqual([want.nodeFailures[i]!.node, expect.closeTo(0, 9)]));
  });
});
