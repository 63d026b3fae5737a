/**
 * Issue 18's Sprint target: `nettwin simulate rf1239_real_hard.graph --traffic
 * rf1239_real_hard.0000.demands --scenarios n1,srlg --threads 2 --json` (the
 * Rocketfuel Sprint network with its own 99k-demand matrix, N-1 and the duct
 * SRLGs) under 1 s, whole process, 2 cores. Runs the built CLI under
 * /usr/bin/time: wall, CPU of every thread (user + system), peak RSS, and the
 * 1-minute load average beside each row. BENCH_BASE=<checkout with a built
 * CLI> adds "before" rows run alternately with this tree's (the same minute)
 * and says whether the two JSON reports agree on every field but elapsedMs
 * and threads. BENCH_REPS=<k> runs each k times (default 5). Reads
 * ../shared/data/repetita (NETTWIN_REPETITA=<folder> elsewhere); says
 * "absent" when it is not there.
 * Run: `npx tsx scripts/bench/sprint-simulate.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repetitaDir, timedSimulate, type Run } from './timed-simulate';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = repetitaDir(repo);
const net = path.join(dataDir, 'rf1239_real_hard.graph');
const demands = path.join(dataDir, 'rf1239_real_hard.0000.demands');

const simulate = (checkout: string): Run => timedSimulate(checkout, net, demands);

const row = (label: string, r: Run): string =>
  `${label.padEnd(7)} ${r.wall.toFixed(2).padStart(6)} s wall  ${r.cpu.toFixed(2).padStart(6)} s CPU  ${r.rssMb.toFixed(0).padStart(4)} MB peak RSS  (load ${r.load.toFixed(2)})`;

function main(): void {
  if (!fs.existsSync(net) || !fs.existsSync(demands)) {
    console.log(`Sprint simulate: ${dataDir} absent (rf1239_real_hard.graph / .0000.demands) — skipped.`);
    return;
  }
  if (!fs.existsSync('/usr/bin/time')) {
    console.log('Sprint simulate: /usr/bin/time absent (needed for CPU and peak RSS) — skipped.');
    return;
  }
  const base = process.env['BENCH_BASE'];
  const reps = Math.max(1, Number(process.env['BENCH_REPS'] ?? 5));
  console.log(`Sprint (rf1239, 315 routers, 99k demands) simulate --scenarios n1,srlg --threads 2, whole process; ${os.availableParallelism()} cores`);
  const mine: Run[] = [];
  const before: Run[] = [];
  for (let k = 0; k < reps; k++) {
    if (base !== undefined) before.push(simulate(base));
    mine.push(simulate(repo));
    if (base !== undefined) console.log(row('before', before.at(-1)!));
    console.log(row('now', mine.at(-1)!));
  }
  const range = (rs: Run[], f: (r: Run) => number, d: number): string => `${Math.min(...rs.map(f)).toFixed(d)}–${Math.max(...rs.map(f)).toFixed(d)}`;
  const sum = (label: string, rs: Run[]): void => console.log(`${label}: ${range(rs, (r) => r.wall, 2)} s wall / ${range(rs, (r) => r.cpu, 2)} s CPU / ${range(rs, (r) => r.rssMb, 0)} MB`);
  if (base !== undefined) sum('before', before);
  sum('now', mine);
  if (base !== undefined) console.log(`reports ${mine.every((r) => r.json === before[0]!.json) && before.every((r) => r.json === before[0]!.json) ? 'EQUAL' : 'DIFFER'} (every field but elapsedMs and threads)`);
}

main();
