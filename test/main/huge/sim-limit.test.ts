import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/contract/result';
import type { TopologySummary } from '../../../src-shared/model/records';
import { SWEEP_MAX_DEVICES, SWEEP_MAX_LINKS, sweepRefusal } from '../../../src-shared/sim/limits';
import { electronTransport, type Transport } from '../../helpers/transports';
import { tempDir } from '../../helpers/tmp';
import { zooGraphml } from '../../shared/io/huge-graphml';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'bin/nettwin.mjs');
const OVER = SWEEP_MAX_DEVICES + 1;
const count = (n: number): string => n.toLocaleString('en-US');

/** A hub with `n - 1` spokes: N-1 on it is cheap at any size (each failure touches one spoke's routes), so "at the limit" can run in full. */
function starGraphml(n: number): string {
  const nodes = Array.from({ length: n }, (_, i) => `<node id="s${i}"/>`).join('');
  const edges = Array.from({ length: n - 1 }, (_, i) => `<edge source="s0" target="s${i + 1}"/>`).join('');
  return `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">${nodes}${edges}</graph></graphml>`;
}

describe('the sweep limit (src-shared/sim/limits.ts)', () => {
  it('accepts a design at both limits and refuses one device or one link more, naming design, size and limit', () => {
    expect(sweepRefusal({ name: 'at', devices: SWEEP_MAX_DEVICES, links: SWEEP_MAX_LINKS })).toBeNull();
    const devices = sweepRefusal({ name: 'big', devices: OVER, links: 10 });
    expect(devices).toContain(`design "big" has ${count(OVER)} devices and 10 links`);
    expect(devices).toContain(`more than the ${count(SWEEP_MAX_DEVICES)} devices a failure sweep runs on`);
    expect(devices).toContain('validation, exports');
    const links = sweepRefusal({ name: 'dense', devices: 10, links: SWEEP_MAX_LINKS + 1 });
    expect(links).toContain(`more than the ${count(SWEEP_MAX_LINKS)} links`);
    expect(links).not.toContain('\n');
  });
});

describe(`sim:run over the IPC dispatch: ${count(OVER)} devices refused before a job starts, ${count(SWEEP_MAX_DEVICES)} accepted`, () => {
  let t: Transport;
  let projectId: string;
  const events: string[] = [];
  const value = <T>(r: Result<unknown>): T => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  const importDesign = async (fileName: string, text: string): Promise<TopologySummary> =>
    value<{ summary: TopologySummary }>(await t.call('design:import', { projectId, fileName, text })).summary;

  beforeAll(async () => {
    t = electronTransport();
    t.services.bus.subscribe((name, p) => {
      if ((name === 'job:progressed' || name === 'job:finished') && (p as { kind: string }).kind === 'sim:run') events.push(name);
    });
    projectId = value<{ id: string }>(await t.call('project:create', { name: 'Sweep limit' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the design just over the limit with TOO_LARGE, starts no job and records nothing', async () => {
    const big = await importDesign('zoo-over.graphml', zooGraphml(OVER));
    expect(big.nodeCount).toBe(OVER);
    const r = await t.call('sim:run', { projectId, designId: big.id, scenarios: ['n1-links', 'n1-nodes'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('TOO_LARGE');
    expect(r.error.message).toBe(sweepRefusal({ name: big.name, devices: OVER, links: big.linkCount }));
    expect(r.error.message).toContain(big.name);
    await new Promise((res) => setTimeout(res, 50));
    expect(events).toEqual([]);
    expect(t.services.projects.get(projectId).simulations.listFor(big.id)).toEqual([]);
  });

  it('runs the N-1 sweep of a design at the limit to the end', async () => {
    const star = await importDesign('star-at.graphml', starGraphml(SWEEP_MAX_DEVICES));
    expect(star.nodeCount).toBe(SWEEP_MAX_DEVICES);
    const jobId = value<{ jobId: string }>(await t.call('sim:run', { projectId, designId: star.id, scenarios: ['n1-links', 'n1-nodes'] })).jobId;
    const end = await new Promise<{ ok: boolean; value?: { summary: { scenarioCount: number; disconnecting: number } } }>((res) =>
      t.services.bus.subscribe((name, p) => {
        if (name === 'job:finished' && (p as { jobId: string }).jobId === jobId) res(p as never);
      }),
    );
    expect(end.ok).toBe(true);
    // Every spoke link and every device. A failed spoke link cuts its device off and the hub cuts
    // them all apart; a failed spoke device leaves the others connected.
    expect(end.value!.summary.scenarioCount).toBe(2 * SWEEP_MAX_DEVICES - 1);
    expect(end.value!.summary.disconnecting).toBe(SWEEP_MAX_DEVICES);
  }, 420_000); // 6.6 s at load 10 (sim:run's default intent traffic: the imported star states no bandwidth, so no demand is routed; the time is connectivity per scenario and the availability estimate, now run beside the sweep); the margin is for a loaded machine
});

describe(`nettwin simulate / analyze (real process) on ${count(OVER)} devices`, () => {
  const tmp = tempDir();
  const file = path.join(tmp.dir, 'zoo-over.graphml');
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  beforeAll(() => fs.writeFileSync(file, zooGraphml(OVER)));
  afterAll(() => tmp.cleanup());

  it('simulate exits 2 with one line naming the file, the design, its size and the limit', () => {
    const r = run('simulate', file, '--threads', '1');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`zoo-over.graphml: design "Synthetic${OVER}" has ${count(OVER)} devices`);
    expect(lines[0]).toContain(`more than the ${count(SWEEP_MAX_DEVICES)} devices`);
  });

  it('analyze --traffic uniform exits 2 the same way; analyze without traffic (structure) still answers', () => {
    const refused = run('analyze', file, '--traffic', 'uniform', '--threads', '1');
    expect(refused.code).toBe(2);
    expect(refused.err.trimEnd().split('\n')).toHaveLength(1);
    expect(refused.err).toContain(`has ${count(OVER)} devices`);
    const structure = run('analyze', file, '--json');
    expect(structure.err).toBe('');
    expect(structure.code).toBe(0);
    expect(JSON.parse(structure.out).graph.nodes).toBe(OVER);
  });
});
