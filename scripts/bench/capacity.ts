/**
 * npm run bench:capacity — the capacity plan at scale (issue 21): a 500-site
 * generated design (the bench intent, HIGH, hybrid family) fed synthetic
 * measured counters (test/helpers/counters.ts: four quarters, growth 8 % a
 * quarter in eu, 12 % in us-east, 15 % in apac, 3 % noise), imported through
 * the traffic service, then a 5-period plan on fitted per-site growth through
 * the capacity service's request (the same path as IPC and the CLI), timed
 * in this thread. Prints wall and CPU time (process.cpuUsage; comparable
 * under load) and the load average. Target: under 30 s.
 * `tsx scripts/bench/capacity.ts [sites] [periods]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTopology } from '../../src-shared/generate/generate';
import { planFromRequest } from '../../src-shared/capacity/prepare';
import { syntheticCounters } from '../../test/helpers/counters';
import { benchIntent } from './intents';

const sites = Number(process.argv[2] ?? 500);
const periods = Number(process.argv[3] ?? 5);

async function main(): Promise<void> {
  const { createServices } = await import('../../src-main/services/container');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-bench-capacity-'));
  const s = createServices({ mode: 'browser', projectsDir: path.join(dir, 'projects'), dataDir: path.join(dir, 'data') });
  try {
    const intent = benchIntent(sites, 'HIGH');
    const topology = buildTopology(intent, 'hybrid', 1);
    const rates: Record<string, number> = { eu: 8, 'us-east': 12, apac: 15 };
    const region = new Map(topology.sites.map((x) => [x.id, x.region]));
    const counters = syntheticCounters(topology, { periods: 4, firstQuarter: '2026-Q1', sitePct: (id) => rates[region.get(id) ?? ''] ?? 10, seed: 7, samplesPerPeriod: 4 });
    const project = s.projects.create('Capacity bench');
    const p = s.projects.writable(project.id);
    const rec = p.transaction(() => p.topologies.insert({ name: `hybrid ${sites}`, topology, source: 'generated' }));
    const imported = s.traffic.importCounters({ projectId: project.id, designId: rec.id, text: counters.csv, source: 'synthetic.csv', period: 'quarter' });
    console.log(`design: ${topology.sites.length} sites, ${topology.nodes.length} devices, ${topology.links.length} links; counters: ${imported.periods.map((x) => x.label).join(', ')} (${(counters.csv.length / 1e6).toFixed(1)} MB)`);
    const req = s.capacity.request({ projectId: project.id, designId: rec.id, periods });
    const load0 = os.loadavg();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let last = '';
    const plan = planFromRequest(req, (_d, _t, label) => (last = label));
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const load1 = os.loadavg();
    void last;
    console.log(`plan: ${plan.periods.length} periods (${plan.periods[0]!.label} … ${plan.periods.at(-1)!.label}), ${plan.steps.length} steps, ${plan.unresolved.length} unresolved, ${plan.work.checks} capacity checks`);
    console.log(`  capex $${plan.totals.capexUsd.toLocaleString('en-US')} + $${plan.totals.monthlyUsd.toLocaleString('en-US')}/month; IGP alternative: ${plan.igp.note}`);
    for (const st of plan.steps.slice(0, 5)) console.log(`  ${st.summary} — ${st.before[0]!.linkLabel} ${(st.before[0]!.utilisation * 100).toFixed(0)} % → ${(st.after[0]!.utilisation * 100).toFixed(0)} % (${st.before[0]!.failure})`);
    console.log(`time: ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; load average ${load0.map((x) => x.toFixed(1)).join(' ')} → ${load1.map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} cores); target < 30 s`);
  } finally {
    s.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
