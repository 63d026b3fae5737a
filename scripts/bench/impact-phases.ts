/**
 * Where the impact sweep's time goes on one REPETITA network with its own
 * matrix, in process and on one thread (no workers, no process start):
 * reading, compiling, the traffic matrix, the routing baseline, the
 * evaluator's set-up, then the scenarios by class. Also counts the work
 * (destinations touched, nodes re-flowed, stretch ratios) per class.
 * `tsx scripts/bench/impact-phases.ts [rf1239]` — needs ../shared/data/repetita.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRepetitaDemands, parseRepetitaGraph, repetitaDemands, repetitaTopology } from '../../src-shared/io/repetita';
import { compileTopology } from '../../src-shared/sim/csr';
import { buildScenarios } from '../../src-shared/sim/scenarios';
import { buildTraffic } from '../../src-shared/sim/job';
import { RoutingEngine } from '../../src-shared/sim/routing';
import { ImpactEvaluator, IMPACT_FIELDS } from '../../src-shared/sim/impact';
import { trafficSpec } from '../../src-main/workers/sweep';

const repo = process.env['NETTWIN_REPO'] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(repo, '../shared/data/repetita');
const net = process.argv[2] ?? 'rf1239';
if (!fs.existsSync(dir)) {
  console.log(`${dir} absent — nothing to measure.`);
  process.exit(0);
}
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t = (label: string, fn: () => unknown): unknown => {
  const c0 = cpu();
  const w0 = performance.now();
  const r = fn();
  console.log(`${label.padEnd(28)} ${(performance.now() - w0).toFixed(0).padStart(6)} ms wall ${(cpu() - c0).toFixed(0).padStart(6)} ms CPU`);
  return r;
};
const base = path.join(dir, `${net}_real_hard`);
const topo = t('read + parse graph', () => repetitaTopology(parseRepetitaGraph(fs.readFileSync(`${base}.graph`, 'utf8')), net)) as ReturnType<typeof repetitaTopology>;
const demands = t('read + parse demands', () => repetitaDemands(parseRepetitaDemands(fs.readFileSync(`${base}.0000.demands`, 'utf8'), Number.MAX_SAFE_INTEGER))) as ReturnType<typeof repetitaDemands>;
const g = t('compile', () => compileTopology(topo)) as ReturnType<typeof compileTopology>;
const scenarios = t('scenarios', () => buildScenarios(topo, g, { classes: ['n1-links', 'n1-nodes', 'srlg'] })) as ReturnType<typeof buildScenarios>;
const spec = trafficSpec(topo, g, { demands });
const tm = t('traffic matrix', () => buildTraffic(g, spec)) as ReturnType<typeof buildTraffic>;
const engine = t('routing baseline', () => new RoutingEngine(g, tm)) as RoutingEngine;
const siteIndex = new Map<string, number>();
const siteOf = topo.nodes.map((d) => (d.site === undefined ? -1 : (siteIndex.has(d.site) ? siteIndex.get(d.site)! : (siteIndex.set(d.site, siteIndex.size), siteIndex.size - 1))));
const ev = t('evaluator set-up', () => new ImpactEvaluator(engine, { siteOf, unitGbps: 1 })) as ImpactEvaluator;
const out = new Float64Array(scenarios.length * IMPACT_FIELDS.length);
for (const rep of [1, 2]) {
  for (const cls of ['n1-links', 'n1-nodes', 'srlg']) {
    const idx = scenarios.flatMap((s, i) => (s.cls === cls ? [i] : []));
    t(`${cls} (pass ${rep}, one by one)`, () => idx.forEach((i) => ev.evaluateInto(scenarios[i]!, out, i * IMPACT_FIELDS.length)));
    t(`${cls} (pass ${rep}, blocks of 32)`, () => {
      for (let k = 0; k < idx.length; k += 32) {
        const b = idx.slice(k, k + 32);
        ev.evaluateBlock(b.map((i) => scenarios[i]!), out, b.map((i) => i * IMPACT_FIELDS.length));
      }
    });
  }
}
console.log(`${g.nodeIds.length} nodes, ${g.linkIds.length} links, ${scenarios.length} scenarios, ${engine.destinationNodes.length} destinations; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
