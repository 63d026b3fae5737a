/**
 * `npx tsx scripts/bench/ui-profile.ts [devices]`: where the time of the
 * switch from the site view to the device view goes, measured in Chromium
 * with the DevTools protocol (Performance metrics: script, style, layout;
 * Profiler: JS self time by function). Writes the .cpuprofile to
 * test-results/ (open it in Chrome DevTools) and prints the top functions.
 * Same host and fixture as `npm run bench:ui`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchTopology } from './ui-fixtures';
import { api, chromiumCpuMs, dragSmoothly, launchBench, measureFps, READY, settleValidation, switchView } from './ui-host';

const N = Number(process.argv[2] ?? 1000);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function topSelf(p: Profile, k = 25): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${path.basename(f.url.split('?')[0] ?? '')}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${f}`);
}

function report(name: string, profile: Profile): void {
  fs.mkdirSync('test-results', { recursive: true });
  const out = path.join('test-results', `${name}-${N}.cpuprofile`);
  fs.writeFileSync(out, JSON.stringify(profile));
  console.log(`  profile: ${out}\n  JS self time:`);
  for (const line of topSelf(profile, 15)) console.log(`  ${line}`);
}

async function main(): Promise<void> {
  console.log(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const bench = await launchBench();
  try {
    const project = await api<{ id: string }>('project:create', { name: 'UI profile' });
    const seedIntent = { name: 'seed', siteGroups: [{ role: 'hq', count: 1, region: 'emea' }, { role: 'branch', count: 1, region: 'emea' }] };
    const d = await api<{ id: string; revision: number }>('design:generate', { projectId: project.id, intent: seedIntent, family: 'hub-spoke' });
    await api('design:update', { projectId: project.id, designId: d.id, revision: d.revision, topology: benchTopology(N) });
    const page = await bench.newPage();
    await page.getByRole('button', { name: 'Open project UI profile' }).click();
    await page.waitForFunction(READY, undefined, { timeout: 180_000, polling: 'raf' });
    await settleValidation(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const metrics = async (): Promise<Map<string, number>> => new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const m0 = await metrics();
    await cdp.send('Profiler.start');
    const { ms, cpuMs: cpu } = await switchView(page, 'Devices');
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const m1 = await metrics();
    const d1 = (k: string): string => `${(((m1.get(k) ?? 0) - (m0.get(k) ?? 0)) * 1000).toFixed(0)} ms`;
    console.log(`${N} devices: site view → device view painted ${(ms / 1000).toFixed(2)} s, Chromium CPU ${cpu.toFixed(0)} ms`);
    console.log(`  script ${d1('ScriptDuration')}, style ${d1('RecalcStyleDuration')}, layout ${d1('LayoutDuration')}, task ${d1('TaskDuration')}; DOM nodes ${m1.get('Nodes')}`);
    console.log(`  rendered: ${await page.locator('.react-flow__node').count()} nodes, ${await page.locator('.react-flow__edge').count()} edges`);
    report('switch', profile);

    // Panning over every device (the fitted view), as the bench pans.
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(600);
    const pane = (await page.locator('.react-flow').boundingBox())!;
    const lod = await page.evaluate<string>(`(() => { const f = document.querySelector('.react-flow'); const v = document.querySelector('.react-flow__viewport'); return f.className + ' | ' + v.style.transform; })()`);
    console.log(`  fitted: ${lod}`);
    const p0 = await metrics();
    await cdp.send('Profiler.start');
    const pc0 = chromiumCpuMs();
    const pan = await measureFps(page, () => dragSmoothly(page, { x: pane.x + 8, y: pane.y + 8 }, 300, 200));
    const { profile: panProfile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const p1 = await metrics();
    const panCpu = (chromiumCpuMs() ?? NaN) - (pc0 ?? NaN);
    const d2 = (k: string): string => `${(((p1.get(k) ?? 0) - (p0.get(k) ?? 0)) * 1000).toFixed(0)} ms`;
    console.log(`\npanning at ${N} devices: ${pan.fps.toFixed(1)} fps (p95 frame ${pan.p95FrameMs.toFixed(1)} ms), Chromium CPU ${(panCpu / pan.frames).toFixed(1)} ms per frame; script ${d2('ScriptDuration')}, style ${d2('RecalcStyleDuration')}, layout ${d2('LayoutDuration')}, task ${d2('TaskDuration')}`);
    console.log(`  rendered: ${await page.locator('.react-flow__node').count()} nodes, ${await page.locator('.react-flow__edge').count()} edges`);
    report('pan', panProfile);

    // Dragging a device, zoomed in as bench:ui does (four wheel steps from the fitted view).
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await page.waitForTimeout(600);
    const visible = await page.locator('.react-flow__node').count();
    const box = (await page.locator('.react-flow__node').nth(Math.floor(visible / 2)).boundingBox())!;
    const dc0 = chromiumCpuMs();
    await cdp.send('Profiler.start');
    const drag = await measureFps(page, () => dragSmoothly(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 160, 120));
    const { profile: dragProfile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const dragCpu = (chromiumCpuMs() ?? NaN) - (dc0 ?? NaN);
    console.log(`\ndragging at ${N} devices (${visible} rendered): ${drag.fps.toFixed(1)} fps (p95 frame ${drag.p95FrameMs.toFixed(1)} ms), Chromium CPU ${(dragCpu / drag.frames).toFixed(1)} ms per frame`);
    report('drag', dragProfile);
  } finally {
    await bench.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
