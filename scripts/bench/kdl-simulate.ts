/**
 * bench:sim's Kdl rows of the impact sweep (issue 18: `simulate --scenarios
 * n1` under 2 s, whole process, 2 cores; the worst scenarios within a second):
 * `nettwin simulate FILE --scenarios n1 --traffic uniform --threads 2 --json`
 * through the built CLI under /usr/bin/time — wall, CPU of every thread
 * (user + system), peak RSS — on the Kdl-shaped stand-in (stress-graphs.ts)
 * and on the real Topology Zoo Kdl ($NETTWIN_EXTRA_ZOO/Kdl.graphml, said
 * "absent" otherwise). BENCH_BASE=<checkout with a built CLI> adds "before"
 * rows, run alternately with this tree's (the same minute), and says whether
 * the two JSON reports agree on every scenario field; BENCH_REPS=<k> repeats.
 * Then the streaming figure (impact-stream.ts, this tree's built worker):
 * from the sweep's start to the first report naming a worst scenario.
 * Run alone: `npx tsx scripts/bench/kdl-simulate.ts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { kdlLike } from './stress-graphs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Run {
  wall: number;
  cpu: number | null;
  rssMb: number | null;
  report: { scenarios: Record<string, unknown>[]; elapsedMs: number };
}

function simulate(bin: string, file: string): Run | string {
  const args = [bin, 'simulate', file, '--scenarios', 'n1', '--traffic', 'uniform', '--threads', '2', '--json'];
  const t0 = performance.now();
  const r = fs.existsSync('/usr/bin/time')
    ? spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) return `failed: ${(r.stderr ?? '').split('\n').find((l) => l.trim() !== '') ?? `exit ${r.status}`}`;
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  return { wall, cpu: m ? Number(m[2]) + Number(m[3]) : null, rssMb: m ? Number(m[4]) / 1024 : null, report: JSON.parse(r.stdout) as Run['report'] };
}

/** Scenarios whose fields differ between two reports (every field but none other: elapsedMs and threads are not per scenario). */
function differing(a: Run['report'], b: Run['report']): number {
  if (a.scenarios.length !== b.scenarios.length) return Math.max(a.scenarios.length, b.scenarios.length);
  let n = 0;
  a.scenarios.forEach((s, i) => {
    if (JSON.stringify(s) !== JSON.stringify(b.scenarios[i])) n++;
  });
  return n;
}

export function kdlSimulate(): void {
  const cli = path.join(repo, 'bin', 'nettwin.mjs');
  if (!fs.existsSync(path.join(repo, 'out', 'cli'))) {
    console.log('\nKdl simulate: the CLI is not built (npm run build:cli) — skipped.');
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-kdl-'));
  const standIn = path.join(tmp, 'kdl-like.json');
  fs.writeFileSync(standIn, JSON.stringify(kdlLike()));
  const files: [string, string][] = [['Kdl-shaped stand-in 754/899', standIn]];
  const extra = process.env['NETTWIN_EXTRA_ZOO'];
  const real = extra !== undefined ? path.join(extra, 'Kdl.graphml') : null;
  if (real !== null && fs.existsSync(real)) files.push(['Kdl 754/899 (real, Topology Zoo)', real]);
  else console.log(`\nReal Topology Zoo Kdl: ${real ?? 'NETTWIN_EXTRA_ZOO/Kdl.graphml'} absent (set NETTWIN_EXTRA_ZOO to the folder holding it) — its rows skipped.`);
  const baseDir = process.env['BENCH_BASE'];
  const trees: [string, string][] = [['now', cli]];
  if (baseDir !== undefined) {
    if (fs.existsSync(path.join(baseDir, 'out', 'cli'))) trees.unshift(['before', path.join(baseDir, 'bin', 'nettwin.mjs')]);
    else console.log(`BENCH_BASE=${baseDir}: no built CLI there — "before" rows skipped.`);
  }
  const reps = Math.max(1, Number(process.env['BENCH_REPS'] ?? 1));
  console.log('\nKdl — `nettwin simulate FILE --scenarios n1 --traffic uniform --threads 2 --json`, whole process');
  console.log(['network', 'code', 'scenarios', 'sweep s (its own figure)', 'wall s', 'CPU s', 'peak RSS MB', 'scenarios differing from before', 'load (1 min)'].join(' | '));
  for (const [name, file] of files) {
    for (let k = 0; k < reps; k++) {
      let before: Run['report'] | null = null;
      for (const [code, bin] of trees) {
        const r = simulate(bin, file);
        if (typeof r === 'string') {
          console.log(`${name} | ${code} | ${r}`);
          continue;
        }
        if (code === 'before') before = r.report;
        const diff = code === 'now' && before !== null ? String(differing(before, r.report)) : '-';
        console.log([
          name, code, r.report.scenarios.length, (r.report.elapsedMs / 1000).toFixed(2), r.wall.toFixed(2), r.cpu?.toFixed(2) ?? '-', r.rssMb?.toFixed(0) ?? '-', diff,
          os.loadavg()[0]!.toFixed(1),
        ].join(' | '));
      }
    }
    // Streaming: a child of its own on this tree's built worker (fresh workers, as the command line starts them).
    const s = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'scripts', 'bench', 'impact-stream.ts'), file], { encoding: 'utf8', cwd: repo, maxBuffer: 1 << 24 });
    const line = s.stdout.trim().split('\n').at(-1) ?? '';
    if (s.status !== 0 || !line.startsWith('{')) {
      console.log(`${name}: streaming figure failed: ${(s.stderr ?? '').split('\n').find((l) => l.trim() !== '') ?? `exit ${s.status}`}`);
      continue;
    }
    const st = JSON.parse(line) as { firstWorstMs: number | null; doneAtFirst: number | null; firstWorstUtil: number | null; totalMs: number; finalWorstUtil: number };
    console.log(
      `${name}: streamed worst so far first after ${st.firstWorstMs === null ? 'never' : `${(st.firstWorstMs / 1000).toFixed(2)} s`} of the sweep ` +
        `(${st.doneAtFirst ?? 0} scenarios done, worst ${((st.firstWorstUtil ?? 0) * 100).toFixed(0)} % utilisation; final worst ${(st.finalWorstUtil * 100).toFixed(0)} %), ` +
        `whole sweep ${(st.totalMs / 1000).toFixed(2)} s; load ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) kdlSimulate();
