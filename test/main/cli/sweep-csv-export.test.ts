import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src-shared/io/csv';
import type { Topology } from '../../../src-shared/model/topology';
import { main } from '../../../src-main/cli/main';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { runSweep } from '../../../src-main/workers/sweep';

// Issue 14: "Sweep CSV cannot export any recorded sweep" — a recorded sweep's
// rows carry `label` and `cls`, the exporter looked for `scenario` and said
// "has no sweep results to export".

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-sweep-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ring: Topology = {
  formatVersion: 1, name: 'ring', sites: [],
  nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase(), role: 'router' as const, ports: 8 })),
  links: [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'a']].map(([s, t], i) => ({
    id: `l${i}`, source: s!, target: t!, capacityGbps: 10, igpWeight: 1, latencyMs: 1, srlgs: [],
  })),
};

describe('nettwin export --format csv of a recorded sweep', () => {
  it('writes one row per recorded scenario, named as the sweep named it', async () => {
    const file = path.join(dir, 'p.nettwin');
    const p = openProjectFile(file, { create: { name: 'p' } });
    const rec = p.topologies.insert({ name: 'ring', topology: ring, source: 'imported' });
    // Recorded exactly as SimulationService.run records it: the sweep report as the result.
    const report = await runSweep(ring, { scenarios: ['n1-links', 'n1-nodes'], traffic: 'uniform', threads: 1 });
    p.simulations.insert({ topologyId: rec.id, topologyRevision: rec.revision, scenarios: 'n1-links,n1-nodes', traffic: 'uniform', summary: {}, result: report, metrics: [] });
    p.close();
    const out = path.join(dir, 'sweep.csv');
    const err: string[] = [];
    const stdout: string[] = [];
    const code = await main(['export', file, '--format', 'csv', '--design', 'ring', '--out', out], { out: (t) => stdout.push(t), err: (t) => err.push(t) });
    // Nothing but the confirmation, and that on stderr: stdout is for results.
    expect([code, stdout, err]).toEqual([0, [], [`exported design "ring" (${rec.id}) as csv → ${out}`]]);
    const rows = parseCsv(fs.readFileSync(out, 'utf8'), 'sweep.csv');
    expect(rows[0]!.cells.slice(0, 2)).toEqual(['scenario', 'kind']);
    const body = rows.slice(1).map((r) => r.cells.slice(0, 2));
    expect(body).toHaveLength(report.scenarios.length);
    expect(body).toEqual(expect.arrayContaining([['link l0', 'n1-links'], ['device a', 'n1-nodes']]));
  });
});
