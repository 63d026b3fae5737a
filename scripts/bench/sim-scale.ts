/**
 * `npx tsx scripts/bench/sim-scale.ts [--sizes 2000,5000,10000] [--modes sweep,analyze] [--design zoo|hybrid|leaf-spine|…] [--threads 2] [--timeout 900] [--rss-cap 6000]`
 *
 * How time and memory of a failure sweep grow with the design, on the
 * Topology Zoo–style designs of the huge-import tests
 * (test/shared/io/huge-graphml.ts, seeded) or generated hybrid WANs
 * (`--design hybrid`, the intent of bench:sim; other families by site
 * count), to choose and document the
 * sweep limit (SWEEP_MAX_DEVICES, docs/limits.md):
 * - sweep: what `sim:run` and `nettwin simulate` run — runSweep with the
 *   N-1 link and device scenarios, uniform traffic, impact metrics;
 * - analyze: what `nettwin analyze --traffic uniform` runs — runAnalyze.
 * Each (size, mode) runs in a child process of its own, so the peak
 * (VmHWM from /proc/self/status, worker threads included) is that run's
 * alone. A child prints a progress line every 5 s; one that passes
 * --timeout seconds or --rss-cap MB is stopped and reported as such with
 * the figures it had reached (the machine is shared: never let one run
 * take all of its memory).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTopology } from '../../src-shared/generate/generate';
import { importGraphml } from '../../src-shared/io/graphml';
import type { Family, Topology } from '../../src-shared/model/topology';
import { compileTopology } from '../../src-shared/sim/csr';
import { WorkerPool } from '../../src-main/workers/pool';
import { runAnalyze, runSweep } from '../../src-main/workers/sweep';
import { zooGraphml } from '../../test/shared/io/huge-graphml';
import { benchIntent } from './intents';

export type Mode = 'sweep' | 'analyze';
export type Shape = 'zoo' | Family;

/**
 * Zoo-style (sparse, long tree-like paths: what large imports look like), a
 * generated hybrid WAN of about `nodes` devices, or another generated family
 * of `nodes` sites (leaf-spine: the densest, about 3.8 links a device).
 */
function design(shape: Shape, nodes: number): Topology {
  if (shape === 'zoo') return importGraphml(zooGraphml(nodes), `zoo${nodes}.graphml`).topology;
  if (shape === 'hybrid') return buildTopology(benchIntent(Math.round(nodes / 1.057)), 'hybrid', 1); // 930 sites → 1,003 devices, 4,930 → 5,213
  return buildTopology(benchIntent(nodes), shape, 1);
}

export interface Line {
  kind: 'progress' | 'done';
  nodes: number;
  links: number;
  phase: string;
  done: number;
  total: number;
  /** ms from the start of the sweep (after the design is built). */
  ms: number;
  /** ms the baseline took (routing every destination), once known. */
  baselineMs: number | null;
  rssMb: number;
  peakMb: number;
  /** Whole process since its start (design built, worker start-up included): wall ms and CPU s of every thread. */
  processMs: number;
  cpuS: number;
}

function statusMb(key: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** User + system CPU of the whole process, every thread (worker threads included). */
function cpuSeconds(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
}

async function child(nodes: number, mode: Mode, threads: number, shape: Shape): Promise<void> {
  const topology = design(shape, nodes);
  const g = compileTopology(topology);
  const pool = new WorkerPool({ size: threads });
  const t0 = performance.now();
  let phase = 'baseline';
  let done = 0;
  let total = 0;
  let baselineMs: number | null = null;
  // Both runs add the no-failure baseline as one more scenario entry: count scenarios without it.
  const extra = (): number => (phase === 'scenarios' ? 1 : 0);
  const line = (kind: Line['kind']): Line => ({
    kind, nodes: g.nodeIds.length, links: g.linkIds.length, phase, done: Math.min(done, total - extra()), total: total - extra(),
    ms: Math.round(performance.now() - t0), baselineMs, rssMb: statusMb('VmRSS'), peakMb: statusMb('VmHWM'),
    processMs: Math.round(performance.now()), cpuS: cpuSeconds(),
  });
  const timer = setInterval(() => process.stdout.write(`${JSON.stringify(line('progress'))}\n`), 5000);
  const onProgress = (p: { phase: string; done: number; total: number }): void => {
    if (p.phase === 'scenarios' && baselineMs === null) baselineMs = Math.round(performance.now() - t0);
    ({ phase, done, total } = p);
  };
  try {
    if (mode === 'sweep') await runSweep(topology, { scenarios: ['n1-links', 'n1-nodes'], traffic: 'uniform', pool, threads }, { onProgress });
    else await runAnalyze(g, { traffic: 'uniform', scenarios: 'n1', pool, threads }, { onProgress });
  } finally {
    clearInterval(timer);
    await pool.close();
  }
  process.stdout.write(`${JSON.stringify(line('done'))}\n`);
}

export interface Outcome {
  size: number;
  mode: Mode;
  last: Line | null;
  stopped: string | null;
}

export function runChild(size: number, mode: Mode, shape: Shape, threads: number, timeoutS: number, rssCapMb: number, quiet = false): Promise<Outcome> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(size), mode, String(threads), shape], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let last: Line | null = null;
    let stopped: string | null = null;
    let buf = '';
    const stop = (why: string): void => {
      if (stopped !== null) return;
      stopped = why;
      p.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`stopped at the ${timeoutS} s time-out`), timeoutS * 1000);
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const text = buf.slice(0, i);
        buf = buf.slice(i + 1);
        try {
          last = JSON.parse(text) as Line;
        } catch {
          continue;
        }
        if (!quiet) process.stderr.write(`  ${size} ${mode}: ${last.phase} ${last.done}/${last.total} at ${(last.ms / 1000).toFixed(0)} s, RSS ${last.rssMb} MB (peak ${last.peakMb})\n`);
        if (last.rssMb > rssCapMb) stop(`stopped at ${last.rssMb} MB RSS (cap ${rssCapMb} MB)`);
      }
    });
    p.on('exit', (code) => {
      clearTimeout(timer);
      if (stopped === null && code !== 0) stopped = `exit ${code}`;
      resolve({ size, mode, last, stopped });
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(Number(args[1]), args[2] as Mode, Number(args[3]), args[4] as Shape);
  const opt = (name: string, dflt: string): string => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
  };
  const sizes = opt('sizes', '2000,5000,10000').split(',').map(Number);
  const modes = opt('modes', 'sweep,analyze').split(',') as Mode[];
  const threads = Number(opt('threads', '2'));
  const shape = opt('design', 'zoo') as Shape;
  const timeoutS = Number(opt('timeout', '900'));
  const rssCap = Number(opt('rss-cap', '6000'));
  const rows: string[] = ['| mode | devices | links | scenarios | baseline s | total s | peak RSS MB | outcome |', '|---|---:|---:|---:|---:|---:|---:|---|'];
  for (const mode of modes) {
    for (const size of sizes) {
      const o = await runChild(size, mode, shape, threads, timeoutS, rssCap);
      const l = o.last;
      const s = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '—' : (ms / 1000).toFixed(1));
      rows.push(
        `| ${mode} | ${l?.nodes ?? size} | ${l?.links ?? '—'} | ${l?.total ?? '—'} | ${s(l?.baselineMs)} | ${s(l?.ms)} | ${l?.peakMb ?? '—'} | ${
          o.stopped ?? 'finished'
        }${o.stopped && l ? ` (${l.phase} ${l.done} of ${l.total})` : ''} |`,
      );
    }
  }
  process.stdout.write(`${shape} designs, ${threads} thread(s), Node ${process.version}, load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}\n${rows.join('\n')}\n`);
}

// Run as a script (also as its own child); imported by bench:sim for the impact-scale rows.
if (process.argv[1] !== undefined && fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))) void main();
