/**
 * What a 50,000-device design costs after it is imported (docs/limits.md,
 * "After a huge import"): storing it, listing designs, reading it back, and
 * the containerlab and Ansible exports, through the same services the host
 * runs. `tsx scripts/bench/huge.ts [nodes]` (default 50,000), Zoo-style
 * design from test/shared/io/huge-graphml.ts. Prints ms per step (best of
 * three) and the peak RSS (getrusage maxRSS).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importTopology } from '../../src-shared/io/formats';
import { zooGraphml } from '../../test/shared/io/huge-graphml';

const nodes = Number(process.argv[2] ?? 50_000);
const best = (f: () => unknown, runs = 3): number => {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return Math.round(min);
};

async function main(): Promise<void> {
  const { createServices } = await import('../../src-main/services/container');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-bench-huge-'));
  const s = createServices({ mode: 'browser', projectsDir: path.join(dir, 'projects'), dataDir: path.join(dir, 'data') });
  try {
    const { topology } = importTopology('graphml', { text: zooGraphml(nodes), fileName: `zoo${nodes}.graphml` });
    const project = s.projects.create('Huge bench');
    const p = s.projects.writable(project.id);
    let id = '';
    const insertMs = best(() => (id = p.transaction(() => p.topologies.insert({ name: 'zoo', topology, source: 'imported' })).id), 1);
    const figures = {
      nodes: topology.nodes.length,
      links: topology.links.length,
      insertMs,
      listMs: best(() => s.designs.list(project.id)),
      getMs: best(() => s.designs.get(project.id, id)),
      clabMs: best(() => s.exchange.exportDesign(project.id, id, 'containerlab')),
      ansibleMs: best(() => s.exchange.exportDesign(project.id, id, 'ansible')),
      peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    console.log(JSON.stringify(figures));
  } finally {
    s.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
