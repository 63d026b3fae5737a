import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDesign } from '../../../src-shared/generate/generate';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin', 'nettwin.mjs');
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });

describe('nettwin recommend / learn / optimise / outcomes', () => {
  it('recommend --json has exactly the documented shape, best first, every family', () => {
    const file = path.join(tmp.dir, 'intent.json');
    fs.writeFileSync(file, JSON.stringify({ siteGroups: [{ role: 'datacenter', count: 2, region: 'eu' }, { role: 'branch', count: 30, region: 'eu' }], redundancy: 'CRITICAL', goal: 'cost' }));
    const r = run('recommend', '--intent', file, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { mode: string; options: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['mode', 'goal', 'novelty', 'options', 'relaxations']);
    expect(doc.mode).toBe('instant');
    expect(doc.options).toHaveLength(9);
    for (const o of doc.options) {
      expect(Object.keys(o)).toEqual(['family', 'successProbability', 'predicted', 'confidence', 'pros', 'cons', 'rationale']);
      expect(o.successProbability).toBeGreaterThanOrEqual(0);
      expect(o.successProbability).toBeLessThanOrEqual(1);
      expect(Object.keys(o.predicted as object)).toEqual(['costUsd', 'p95LatencyMs', 'availability']);
    }
    // CRITICAL: a hub-and-spoke, a tree or a single ring cannot survive two failures; history knows it.
    expect(['hub-spoke', 'tree', 'ring']).not.toContain(doc.options[0]!.family);
    // Families the generators will not build for 32 WAN sites (leaf-spine, a full mesh above 16 sites) come last, at P(success) 0.
    expect(doc.options.slice(-2).map((o) => o.family).sort()).toEqual(['full-mesh', 'leaf-spine']);
    expect(doc.options.slice(-5, -2).map((o) => o.family)).toEqual(expect.arrayContaining(['hub-spoke']));
    const bad = run('recommend', '--intent', file, '--mode', 'psychic');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('recommend --mode verified --json gives, best first, options with success, measured figures and the goal measure', () => {
    const file = path.join(tmp.dir, 'intent-verified.json');
    fs.writeFileSync(file, JSON.stringify({ siteGroups: [{ role: 'datacenter', count: 1, region: 'eu' }, { role: 'branch', count: 5, region: 'eu' }], redundancy: 'STANDARD', goal: 'latency' }));
    const r = run('recommend', '--intent', file, '--mode', 'verified', '--families', 'top:3', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { mode: string; options: { success: boolean; goalMeasure: number; measured: Record<string, number> }[]; notApplicable: unknown[] };
    expect(Object.keys(doc)).toEqual(['mode', 'goal', 'novelty', 'options', 'notApplicable', 'notBuilt', 'relaxations']);
    expect(doc.mode).toBe('verified');
    expect(doc.options).toHaveLength(3);
    for (const o of doc.options) {
      expect(Object.keys(o)).toEqual(['family', 'seed', 'success', 'measured', 'goalMeasure', 'failed', 'onFront']);
      expect(Object.keys(o.measured)).toEqual(['costUsd', 'p95LatencyMs', 'availability', 'downtimeMinPerYear']);
      expect(o.goalMeasure).toBe(o.measured['p95LatencyMs']);
    }
    // Best first: successes before failures, successes by the goal's measure.
    const ok = doc.options.filter((o) => o.success);
    expect(doc.options.slice(0, ok.length).every((o) => o.success)).toBe(true);
    for (let i = 1; i < ok.length; i++) expect(ok[i]!.goalMeasure).toBeGreaterThanOrEqual(ok[i - 1]!.goalMeasure);
    // 6 sites, not all datacenters: leaf-spine is not applicable, with the reason.
    expect(doc.notApplicable).toEqual(expect.arrayContaining([expect.objectContaining({ family: 'leaf-spine' })]));
    const bad = run('recommend', '--intent', file, '--mode', 'verified', '--families', 'best');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--families must be all or top:N');
  }, 300_000);

  it('learn report --json reports rates with Wilson intervals and held-out error', () => {
    const r = run('learn', 'report', '--json');
    expect(r.status).toBe(0);
    const rep = JSON.parse(r.stdout) as { samples: number; perFamily: { interval: { low: number; high: number } }[]; realNetworks: { count: number }; predictor: { costMapePct: number } };
    expect(rep.samples).toBeGreaterThan(1000);
    expect(rep.realNetworks.count).toBeGreaterThan(200);
    // Every family: leaf-spine (a datacenter fabric, not applicable to the grid's WAN intents, issue 16) comes from the
    // realistic-shaped cloud backbones, whose sites are all datacenters (issue 17).
    expect(rep.perFamily).toHaveLength(9);
    // Held-out cost error over history: about 32 % since history holds the realistic-shaped intents (their explicit
    // high-bandwidth sites cost far more per site than the grid's); 6–7 % on the grid alone (docs/bench/learning-issue17.md).
    expect(rep.predictor.costMapePct).toBeLessThan(40);
  });

  it('optimise logs steps in the project and outcomes import compares with predictions', () => {
    const file = path.join(tmp.dir, 'p.nettwin');
    const p = openProjectFile(file, { create: { name: 'p' } });
    const intent = intentOfShape({ sites: 8, regions: 1, redundancy: 'NONE', goal: 'resilience', mix: 0 });
    const d = generateDesign(intent, 'hub-spoke', 1);
    p.topologies.insert({ name: 'star', topology: d.topology, source: 'generated', family: 'hub-spoke', seed: 1, cost: d.cost });
    p.close();
    const r = run('optimise', file, '--strategy', 'resilience', '--json');
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { designs: { steps: { status: string; rule: string }[] }[] };
    expect(doc.designs[0]!.steps.length).toBeGreaterThan(0);
    expect(doc.designs[0]!.steps[0]!.rule).toMatch(/resilience/);
    const data = path.join(tmp.dir, 'm.json');
    fs.writeFileSync(data, JSON.stringify([{ design: 'star', metric: 'latencyMs', value: 4 }]));
    const o = run('outcomes', 'import', file, '--file', data, '--json');
    expect(o.status).toBe(0);
    expect((JSON.parse(o.stdout) as { imported: number }).imported).toBe(1);
    expect(run('optimise', file, '--strategy', 'magic').status).toBe(2);
  });

  it('optimize (the other spelling) is the same command as optimise', () => {
    const file = path.join(tmp.dir, 'alias.nettwin');
    const p = openProjectFile(file, { create: { name: 'alias' } });
    const d = generateDesign(intentOfShape({ sites: 8, regions: 1, redundancy: 'NONE', goal: 'resilience', mix: 0 }), 'hub-spoke', 1);
    p.topologies.insert({ name: 'star', topology: d.topology, source: 'generated', family: 'hub-spoke', seed: 1, cost: d.cost });
    p.close();
    const r = run('optimize', file, '--strategy', 'resilience', '--max-steps', '1', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const steps = (JSON.parse(r.stdout) as { designs: { steps: { id: string }[] }[] }).designs[0]!.steps;
    expect(steps).toHaveLength(1);
    // The step the alias ran is in the log the canonical command reads.
    const log = run('optimise', file, '--log', '--json');
    expect(log.status).toBe(0);
    expect((JSON.parse(log.stdout) as { id: string }[]).map((e) => e.id)).toEqual([steps[0]!.id]);
    expect(run('optimize', file, '--help').stdout).toContain('nettwin optimise FILE.nettwin');
    expect(run('optimize', file, '--strategy', 'magic').status).toBe(2);
  });
});
