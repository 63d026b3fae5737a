/**
 * Issue 18: `nettwin simulate` on the six Rocketfuel networks REPETITA
 * packages (../shared/data/repetita; NETTWIN_REPETITA=<folder> elsewhere),
 * `--scenarios n1,srlg --threads 2 --json`, with each network's own demand
 * matrix (.0000.demands), gravity and uniform traffic. Whole process under
 * /usr/bin/time: wall, CPU (user + system, every thread), peak RSS, and the
 * 1-minute load average. BENCH_BASE=<checkout with a built CLI> runs the
 * same command there alternately (same minute) and says whether the two
 * JSON reports agree on every field but elapsedMs and threads; any
 * disagreement makes the exit code 1. BENCH_REPS=<k> (default 1),
 * BENCH_TRAFFIC=own,gravity,uniform (default all three), BENCH_ONLY=rf1239
 * (a substring of the network's file name). Says "absent" when the folder is
 * not there. Run: `npx tsx scripts/bench/repetita-simulate.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repetitaDir, timedSimulate as simulate, type Run } from './timed-simulate';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = repetitaDir(repo);
const NETS = ['rf1221', 'rf1239', 'rf1755', 'rf3257', 'rf3967', 'rf6461'];

const fmt = (r: Run): string => `${r.wall.toFixed(2)} s / ${r.cpu.toFixed(2)} s CPU / ${r.rssMb.toFixed(0)} MB (load ${r.load.toFixed(1)})`;

function main(): number {
  if (!fs.existsSync(dataDir)) {
    console.log(`REPETITA simulate: ${dataDir} absent — skipped.`);
    return 0;
  }
  const base = process.env['BENCH_BASE'];
  const reps = Math.max(1, Number(process.env['BENCH_REPS'] ?? 1));
  const traffics = (process.env['BENCH_TRAFFIC'] ?? 'own,gravity,uniform').split(',');
  const only = process.env['BENCH_ONLY'];
  let differ = 0;
  console.log(`REPETITA simulate --scenarios n1,srlg --threads 2, whole process; ${os.availableParallelism()} cores${base ? `; before = ${base}` : ''}`);
  for (const name of NETS) {
    if (only !== undefined && !name.includes(only)) continue;
    const net = path.join(dataDir, `${name}_real_hard.graph`);
    if (!fs.existsSync(net)) {
      console.log(`${name}: absent`);
      continue;
    }
    for (const tr of traffics) {
      const traffic = tr === 'own' ? path.join(dataDir, `${name}_real_hard.0000.demands`) : tr;
      for (let k = 0; k < reps; k++) {
        const b = base !== undefined ? simulate(base, net, traffic) : null;
        const now = simulate(repo, net, traffic);
        const same = b === null ? '' : b.json === now.json ? '  reports EQUAL' : '  reports DIFFER';
        if (b !== null && b.json !== now.json) differ++;
        console.log(`${name} ${tr.padEnd(7)} ${b ? `before ${fmt(b)}  ` : ''}now ${fmt(now)}${same}`);
      }
    }
  }
  if (base !== undefined) console.log(differ === 0 ? 'every report EQUAL (every field but elapsedMs and threads)' : `${differ} reports DIFFER`);
  return differ === 0 ? 0 : 1;
}

process.exitCode = main();
