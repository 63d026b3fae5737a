import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../../..');
const fixtures = path.join(repo, 'test/fixtures/sim');
const cli = path.join(repo, 'bin/nettwin.mjs');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('nettwin simulate (real process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-simulate-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('SNDlib network with its own demand file: explicit traffic, read as it is', () => {
    const f = path.join(fixtures, 'westeurope.sndlib.txt');
    const r = run('simulate', f, '--traffic', f, '--scenarios', 'n1', '--json', '--threads', '1');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.traffic).toBe('explicit');
    // In Gbit/s (issue 15): the file's Mbit/s demands; both directions are listed, so the matrix is read as directed.
    expect(doc.baseline.unitGbps).toBe(1);
    expect(doc.baseline.totalVolume).toBeCloseTo(15, 6);
    expect(doc.scenarios).toHaveLength(9 + 7);
    // Dublin hangs off London alone: losing London cuts it off from the five other survivors
    // and strands Dublin's own demands (800 + 400 Mbit/s out, 1,200 in) besides London's.
    const lon = doc.scenarios.find((s: { label: string }) => s.label === 'device LON');
    expect(lon.disconnectedPairs).toBe(5);
    expect(lon.strandedDemand).toBeGreaterThan(0);
    const dubLink = doc.scenarios.find((s: { label: string }) => s.label === 'link LON_DUB');
    expect(dubLink.disconnectedPairs).toBe(6);
    // Sixteen elements: few enough for the exact availability computation.
    expect(doc.availability.method).toBe('exact');
    expect(doc.isolation.length).toBeGreaterThan(0);
  });

  it('reads the designs of a .nettwin project (read-only) and prints tables', () => {
    const project = path.join(dir, 'p.nettwin');
    expect(run('import', path.join(fixtures, 'Abilene.graphml'), '--out', project).code).toBe(0);
    const before = fs.statSync(project).mtimeMs;
    const r = run('simulate', project, '--scenarios', 'n1,n2', '--traffic', 'gravity', '--threads', '2');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Abilene: 11 devices, 14 links; traffic gravity');
    expect(r.out).toMatch(/116 scenarios \(n1-links 14, n1-nodes 11, n2-links 91\)/);
    expect(r.out).toContain('worst by stranded demand');
    expect(fs.statSync(project).mtimeMs).toBe(before);
  });

  it('bad input: exit 2 with one line', () => {
    const r = run('simulate', path.join(fixtures, 'Abilene.graphml'), '--scenarios', 'n7');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const bad = path.join(dir, 'demands.json');
    fs.writeFileSync(bad, '[{"source": "0", "target": "nowhere", "volume": 1}]');
    const r2 = run('simulate', path.join(fixtures, 'Abilene.graphml'), '--traffic', bad);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/Abilene\.graphml: demand names unknown device "nowhere"/);
  });
});
