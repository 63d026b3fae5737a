/**
 * `npm run bench:model`: the planning figures a governance board reads, per
 * example, scenario and family, as the product computes them:
 *   total demand, worst utilisation over N-1 and shared-risk failures (with
 *   the failure named), redundancy class achieved, availability, worst-pair
 *   latency.
 * Inputs: the three examples (resources/examples), the vision's three
 * scenarios (scripts/bench/scenarios) and SNDlib GÉANT with its own demands
 * (read from ../shared/data/sndlib when present; said when absent — SNDlib is
 * ZIB academic licence and is never copied into the repository).
 * BENCH_ONLY=<regex> limits the inputs; BENCH_JSON=1 prints JSON lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from '../../src-shared/generate/generate';
import { parseSndlib, sndlibTopology } from '../../src-shared/io/sndlib';
import { IntentSchema, type Intent } from '../../src-shared/model/intent';
import type { Topology } from '../../src-shared/model/topology';
import { WorkerPool } from '../../src-main/workers/pool';
import { planningFigures, type PlanningFigures } from './planning-figures';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const only = process.env['BENCH_ONLY'] ? new RegExp(process.env['BENCH_ONLY']) : null;

function intentFile(file: string): Intent {
  return IntentSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '—');
const gbps = (x: number): string => `${x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3)} Gbit/s`;

function row(input: string, family: string, f: PlanningFigures): string {
  return [
    input,
    family,
    gbps(f.totalDemandGbps),
    `${pct(f.worstUtilisation)} ${f.worstWhere}`,
    f.classAchieved,
    f.availability,
    f.worstLatency,
    f.convergence,
  ].join(' | ');
}

async function main(): Promise<void> {
  const pool = new WorkerPool({ size: 1 });
  const out: string[] = ['input | family | total demand | worst N-1/SRLG utilisation (failure) | class achieved | availability | worst-pair latency | convergence', '--- | --- | --- | --- | --- | --- | --- | ---'];
  const print = (line: string): void => {
    out.push(line);
    console.log(line);
  };
  console.log(out.join('\n'));
  try {
    const intents = [
      ...fs.readdirSync(path.join(repo, 'resources/examples')).map((f) => path.join(repo, 'resources/examples', f)),
      ...fs.readdirSync(path.join(here, 'scenarios')).map((f) => path.join(here, 'scenarios', f)),
    ].filter((f) => f.endsWith('.intent.json'));
    for (const file of intents) {
      const name = path.basename(file, '.intent.json');
      if (only && !only.test(name)) continue;
      const intent = intentFile(file);
      const { designs, skipped } = generateAll(intent, 1);
      for (const d of designs) {
        const started = performance.now();
        const f = await planningFigures(d.topology, intent, pool);
        print(row(name, d.family, f));
        if (process.env['BENCH_JSON']) console.log(JSON.stringify({ input: name, family: d.family, ...f, ms: performance.now() - started }));
      }
      for (const s of skipped) print(`${name} | ${s.family} | not built: ${s.reason} | | | | |`);
    }
    const sndlib = path.resolve(repo, '../shared/data/sndlib/native');
    for (const inst of ['geant', 'nobel-eu']) {
      if (only && !only.test(inst)) continue;
      const file = path.join(sndlib, `${inst}.txt`);
      if (!fs.existsSync(file)) {
        print(`${inst} | — | SNDlib data not present at ${file} (skipped, not counted) | | | | |`);
        continue;
      }
      const net = parseSndlib(fs.readFileSync(file, 'utf8'), `${inst}.txt`);
      const t: Topology = sndlibTopology(net, inst);
      const f = await planningFigures(t, undefined, pool, net);
      print(row(`SNDlib ${inst}`, 'as published', f));
    }
  } finally {
    await pool.close();
  }
}

await main();
