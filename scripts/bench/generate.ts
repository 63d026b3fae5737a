/**
 * `npm run bench`: time to generate, price and validate every topology
 * family for intents of 50, 500 and 2,000 sites (three regions, HQ,
 * datacenters, region hubs and branches), at the redundancy class given by
 * BENCH_REDUNDANCY (default HIGH). Each cell is the median of BENCH_RUNS
 * runs (default 3) after one warm-up. Target: the 2,000-site hybrid under
 * 1 s. A family not applicable at a size (generate/applicability.ts: a full
 * mesh above 16 sites, a ring above 32) shows "not applicable".
 */
import { buildTopology, familyNotApplicable, generateDesign } from '../../src-shared/generate/generate';
import { RedundancySchema, type Intent } from '../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES } from '../../src-shared/model/topology';
import { costDesign } from '../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK } from '../../src-shared/cost/pricebook';
import { validateDesign } from '../../src-shared/validate/validate';

import { benchIntent as sharedBenchIntent } from './intents';

const SIZES = [50, 500, 2000];
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const REDUNDANCY = RedundancySchema.parse(process.env['BENCH_REDUNDANCY'] ?? 'HIGH');

const benchIntent = (sites: number): Intent => sharedBenchIntent(sites, REDUNDANCY);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const COL = 30;
console.log(`NetTwin generate + validate bench — redundancy ${REDUNDANCY}, median of ${RUNS} runs`);
console.log('cell: generate+price ms / validate ms (links)\n');
console.log('family'.padEnd(13) + SIZES.map((n) => `${n.toLocaleString('en-US')} sites`.padStart(COL)).join(''));
let hybrid2000 = NaN;
for (const family of TOPOLOGY_FAMILIES) {
  const cells: string[] = [];
  for (const n of SIZES) {
    const intent = benchIntent(n);
    if (familyNotApplicable(intent, family, 1) !== null) {
      cells.push('not applicable'.padStart(COL));
      continue;
    }
    generateDesign(intent, family, 1); // warm-up (JIT)
    const gen: number[] = [];
    const val: number[] = [];
    let links = 0;
    for (let r = 0; r < RUNS; r++) {
      let topo = buildTopology(intent, family, 1);
      gen.push(time(() => {
        topo = buildTopology(intent, family, 1);
        costDesign(topo, DEFAULT_PRICE_BOOK);
      }));
      links = topo.links.length;
      val.push(time(() => validateDesign(topo, intent, { cost: costDesign(topo, DEFAULT_PRICE_BOOK) })));
    }
    const g = median(gen);
    const v = median(val);
    if (family === 'hybrid' && n === 2000) hybrid2000 = g + v;
    cells.push(`${g.toFixed(1)} / ${v.toFixed(1)} (${links.toLocaleString('en-US')})`.padStart(COL));
  }
  console.log(family.padEnd(13) + cells.join(''));
}
const verdict = hybrid2000 < 1000 ? 'meets' : 'MISSES';
console.log(`\n2,000-site hybrid generated + validated: ${hybrid2000.toFixed(1)} ms (${verdict} the 1 s target)`);
