/**
 * bench:sim's impact-sweep rows at scale (issue 18 items 2–3):
 *   - generated hybrid designs of ~5,000 and ~20,000 devices, the N-1 impact
 *     sweep `sim:run` and `simulate` run (runSweep: links + devices, uniform
 *     traffic, every impact field), each in a child process of its own
 *     (sim-scale.ts), whole process including building the design: wall, CPU,
 *     peak RSS; a run that passes its time-out or the 2 GB memory target is
 *     stopped and reported with how far it got and the rate it had reached;
 *   - what-if click latency (WhatIfModel, the canvas's engine) at ~5,000 and ~20,000 devices.
 * IMPACT_SCALE_SIZES=5000,20000 and IMPACT_SCALE_TIMEOUT=600 (s) change the rows;
 * IMPACT_SCALE_RSS_CAP=3000 (MB) lets a run pass the 2 GB target to finish (its
 * peak is still printed against the target).
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildTopology } from '../../src-shared/generate/generate';
import type { Topology } from '../../src-shared/model/topology';
import { noFailures, WhatIfModel } from '../../src-shared/sim/whatif';
import { benchIntent } from './intents';
import { runChild } from './sim-scale';

/** The memory target of the issue: a sweep of 20,000 devices within 2 GB (where a run is stopped unless IMPACT_SCALE_RSS_CAP says otherwise). */
const RSS_CAP_MB = Number(process.env['IMPACT_SCALE_RSS_CAP'] ?? '2048');

/**
 * Click-to-fail latency on the canvas's own engine (WhatIfModel), warm: one
 * scenario at a time (a device, a link, or a whole site), both phases — the
 * connectivity answer and the rerouted loads (above ROUTING_MAX_NODES the
 * canvas shows connectivity only, so that is what is timed there).
 */
export function whatIfTiming([name, t]: [string, Topology]): void {
  const t0 = performance.now();
  const w = new WhatIfModel(t);
  w.warm();
  const setup = performance.now() - t0;
  let seed = 11;
  const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 48271) % 2147483647) % xs.length]!;
  const sites = [...new Set(t.nodes.map((d) => d.site).filter((s): s is string => s !== undefined))];
  const single: number[] = [];
  const site: number[] = [];
  for (let i = 0; i < 100; i++) {
    const kind = i % 3;
    const sel = noFailures();
    const failed =
      kind === 0 ? { ...sel, nodes: new Set([pick(t.nodes).id]) } : kind === 1 ? { ...sel, links: new Set([pick(t.links).id]) } : { ...sel, sites: new Set([pick(sites)]) };
    const o = w.evaluate(failed);
    const ms = o.ms + (o.routingMs ?? 0);
    if (i < 10) continue; // JIT warm-up
    (kind === 2 ? site : single).push(ms);
  }
  const stats = (xs: number[]): string => {
    xs.sort((a, b) => a - b);
    return `median ${xs[Math.floor(xs.length / 2)]!.toFixed(1)} ms, p95 ${xs[Math.floor(xs.length * 0.95)]!.toFixed(1)} ms, max ${xs[xs.length - 1]!.toFixed(1)} ms`;
  };
  console.log(`\nwhat-if on ${name} (${t.nodes.length} devices, ${t.links.length} links), warm, setup ${setup.toFixed(0)} ms once:`);
  console.log(`  one device or link: ${stats(single)} (${single.length} scenarios)`);
  console.log(`  a whole site: ${stats(site)} (${site.length} scenarios)`);
}

/** The generated-design rows: N-1 impact sweep, whole child process. */
async function generatedRows(): Promise<void> {
  const sizes = (process.env['IMPACT_SCALE_SIZES'] ?? '5000,20000').split(',').map(Number);
  const timeoutS = Number(process.env['IMPACT_SCALE_TIMEOUT'] ?? '600');
  console.log(`\nN-1 impact sweep of generated hybrid designs (runSweep: links + devices, uniform traffic, every impact field), 2 threads, whole process; stopped at ${timeoutS} s or ${RSS_CAP_MB} MB`);
  console.log(['devices', 'links', 'scenarios', 'baseline s', 'wall s', 'CPU s', 'peak RSS MB', 'outcome'].join(' | '));
  for (const size of sizes) {
    const o = await runChild(size, 'sweep', 'hybrid', 2, timeoutS, RSS_CAP_MB, true);
    const l = o.last;
    if (l === null) {
      console.log(`${size} | — | — | — | — | — | — | ${o.stopped ?? 'no report'}`);
      continue;
    }
    const s = (ms: number | null): string => (ms === null ? '—' : (ms / 1000).toFixed(1));
    // A stopped run: the rate it had reached says how far from the target it is.
    const sweepMs = l.baselineMs === null ? 0 : l.ms - l.baselineMs;
    const rate = l.phase === 'scenarios' && l.done > 0 && sweepMs > 0 ? l.done / (sweepMs / 1000) : null;
    const outcome =
      o.stopped === null
        ? 'finished'
        : `${o.stopped} at ${l.phase} ${l.done} of ${l.total}${rate !== null ? ` (${rate.toFixed(0)} scenarios/s: the rest would take ~${((l.total - l.done) / rate).toFixed(0)} s more)` : ''}`;
    console.log([l.nodes, l.links, l.phase === 'scenarios' ? l.total : '—', s(l.baselineMs), s(l.processMs), l.cpuS.toFixed(1), l.peakMb, outcome].join(' | '));
  }
}

export async function impactScale(): Promise<void> {
  await generatedRows();
  // Above ROUTING_MAX_NODES (2,500) the canvas's engine answers connectivity only: both sizes time that click.
  for (const size of [5_000, 20_000]) whatIfTiming([`hybrid ~${size} (generated)`, buildTopology(benchIntent(Math.round(size / 1.057)), 'hybrid', 1)]);
  console.log(`(load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; CPU s is the comparable figure on a shared machine)`);
}

// `npm run bench:impact-scale`: these rows alone (bench:sim runs them after its own).
if (process.argv[1] !== undefined && fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))) void impactScale();
