/**
 * `npx tsx scripts/bench/impact-stream.ts FILE.graphml|design.json [REPO]`
 *
 * How soon an N-1 impact sweep (what `sim:run` and `nettwin simulate` run:
 * runSweep, links + devices, uniform traffic) names its worst scenarios: the
 * sweep streams the worst finished ones with each progress report
 * (onWorstSoFar, ~every 200 ms), which the app shows in its job strip. Runs on
 * two fresh workers of the built CLI (REPO/out/cli/simulator.worker.js; REPO
 * defaults to this checkout) so it measures what the command line starts, and
 * prints one JSON line: ms from the sweep's start to the first report naming a
 * worst scenario (and how many scenarios were done then), to the last
 * scenario, and the worst named then against the final worst by utilisation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importGraphml } from '../../src-shared/io/graphml';
import type { Topology } from '../../src-shared/model/topology';
import { WorkerPool } from '../../src-main/workers/pool';
import { runSweep } from '../../src-main/workers/sweep';

const file = process.argv[2]!;
const repo = process.argv[3] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const text = fs.readFileSync(file, 'utf8');
const topology: Topology = file.endsWith('.json') ? (JSON.parse(text) as Topology) : importGraphml(text, path.basename(file)).topology;
const pool = new WorkerPool({ size: 2, workerUrl: pathToFileURL(path.join(repo, 'out', 'cli', 'simulator.worker.js')) });
pool.warm();
const t0 = performance.now();
let first: { ms: number; done: number; util: string | null; utilValue: number } | null = null;
const report = await runSweep(topology, { scenarios: ['n1-links', 'n1-nodes'], traffic: 'uniform', threads: 2, pool }, {
  onWorstSoFar: (w) => {
    if (first === null && w.byUtilisation !== null) first = { ms: performance.now() - t0, done: w.done, util: w.byUtilisation.label, utilValue: w.byUtilisation.maxUtilisation };
  },
});
const totalMs = performance.now() - t0;
await pool.close();
let worst = report.scenarios[0]!;
for (const s of report.scenarios) if (s.maxUtilisation > worst.maxUtilisation) worst = s;
const f = first as { ms: number; done: number; util: string | null; utilValue: number } | null;
console.log(
  JSON.stringify({
    scenarios: report.scenarios.length,
    firstWorstMs: f?.ms ?? null,
    doneAtFirst: f?.done ?? null,
    firstWorstUtil: f?.utilValue ?? null,
    totalMs,
    finalWorstUtil: worst.maxUtilisation,
    processStartToSweepMs: t0,
  }),
);
