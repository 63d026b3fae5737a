/**
 * The layout half of `npm run bench:ui`: the renderer's layout code run in
 * Node (the same modules the canvas imports), at 250, 1,000 and 5,000
 * devices, per view. Wall and CPU time (process.cpuUsage, the comparable
 * figure on a loaded machine) of one layout after a warm-up run.
 * Target (issue 19): 1,000 devices laid out in under 2 s in every view.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { shelfLayout, clusterPlan, placeMembers } from '../../src-renderer/canvas/layout/clusters';
import { ALGORITHM_OPTIONS, applyElkLayout, toElkGraph } from '../../src-renderer/canvas/layout/elkGraph';
import { layoutPlan } from '../../src-renderer/canvas/layout/plan';
import { hiddenDeviceLabels } from '../../src-renderer/canvas/views/deviceLabels';
import { basemapPaths } from '../../src-renderer/canvas/views/geo';
import { pickLabels } from '../../src-renderer/canvas/views/labels';
import { overviewFlow, overviewLabelBoxes, overviewLayout, type OverviewKind } from '../../src-renderer/canvas/views/overviewFlow';
import { siteGraph } from '../../src-renderer/canvas/views/siteGraph';
import { TopologySchema } from '../../src-shared/model/topology';
import { benchTopology, withCoordinates } from './ui-fixtures';

const SIZES = [250, 1000, 5000];

async function time(fn: () => unknown): Promise<{ wallMs: number; cpuMs: number }> {
  await fn(); // warm-up: module init, JIT
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

const fmt = (r: { wallMs: number; cpuMs: number }): string => `${r.wallMs.toFixed(0).padStart(6)} ms wall ${r.cpuMs.toFixed(0).padStart(6)} ms CPU`;

export async function layoutBench(): Promise<void> {
  const elk = new ELK();
  console.log('Layout in Node (the renderer\'s layout modules; one run after a warm-up)');
  const t0 = performance.now();
  basemapPaths();
  console.log(`  world basemap (Natural Earth 110m countries → SVG path, once per session): ${(performance.now() - t0).toFixed(0)} ms (cold)`);
  for (const n of SIZES) {
    const t = withCoordinates(TopologySchema.parse(benchTopology(n)));
    const g = siteGraph(t);
    console.log(`\n  ${n.toLocaleString('en')} devices, ${t.links.length.toLocaleString('en')} links, ${g.sites.length} sites, ${g.pairs.length} site pairs`);
    console.log(`    devices, first show (site packing):  ${fmt(await time(() => shelfLayout(t)))}`);
    const plan = layoutPlan(t, 'layered');
    const layered = await time(async () => {
      if (plan.level === 'devices') return applyElkLayout(await elk.layout(toElkGraph(t, 'layered')), t);
      if (plan.level === 'packing') return shelfLayout(t);
      const c = clusterPlan(t, { ...ALGORITHM_OPTIONS.layered, 'elk.separateConnectedComponents': 'true' }, false);
      return placeMembers(await elk.layout(c.graph), c, new Set());
    });
    console.log(`    devices, Auto-layout Layered (${plan.level}): ${fmt(layered)}`);
    for (const a of ['force', 'stress'] as const) console.log(`    devices, Auto-layout ${a}: plan ${layoutPlan(t, a).level}`);
    console.log(`    device label collision (all devices):  ${fmt(await time(() => hiddenDeviceLabels(t)))}`);
    for (const kind of ['sites', 'regions', 'geo'] as OverviewKind[]) {
      const r = await time(() => overviewFlow(kind, siteGraph(t), overviewLayout(kind, siteGraph(t))));
      const flow = overviewFlow(kind, g, overviewLayout(kind, g));
      const labels = await time(() => pickLabels(overviewLabelBoxes(flow, g, 0.25)));
      console.log(`    ${kind.padEnd(7)} view (aggregate + layout + flow): ${fmt(r)}   labels at zoom 0.25: ${fmt(labels)}`);
    }
  }
}
