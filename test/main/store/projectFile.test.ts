import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../../src-shared/model/topology';
import type { SweepReportShape } from '../../../src-shared/contract/sim-types';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(tmp.cleanup);

const topo: Topology = {
  formatVersion: 1, name: 'Tiny', sites: [],
  nodes: [
    { id: 'a', name: "O'Brien; DROP TABLE x; -- 東京", role: 'hub', ports: 48 },
    { id: 'b', name: 'Branch "1"', role: 'spoke', ports: 24 },
  ],
  links: [{ id: 'l0', source: 'a', target: 'b', capacityGbps: 10, igpWeight: 1, latencyMs: 2, srlgs: [] }],
};

const SWEEP: SweepReportShape = {
  design: 'Tiny', nodes: 2, links: 1, traffic: 'uniform', baseline: { maxLoad: 1, maxUtilisation: 0.1, totalVolume: 2 },
  scenarios: [{
    cls: 'n1-links', label: 'link l0', failedNodes: [], failedLinks: ['l0'], disconnectedPairs: 1, isolatedSites: 2, strandedDemand: 2,
    stretchP50: 1, stretchP95: 1, stretchMax: 1, maxLoad: 0, maxUtilisation: 0, overloadedLinks: 0, worstLink: null,
  }],
  elapsedMs: 3, threads: 1,
};

describe('project file store (real SQLite files)', () => {
  it('creates a project, records designs and reads them back exactly after reopening', () => {
    const file = path.join(tmp.dir, 'p1.nettwin');
    let t = 1000;
    const p = openProjectFile(file, { create: { name: 'Campus 2027' }, now: () => t++ });
    const intent = p.intents.insert('intent', { siteGroups: [] });
    const rec = p.topologies.insert({ name: 'first', topology: topo, source: 'generated', family: 'hub-spoke', seed: 4, intentId: intent.id, cost: { totalUsd: 1234 } });
    p.validations.insert({ topologyId: rec.id, topologyRevision: 1, score: 80, passed: true, result: { checks: [] } });
    p.simulations.insert({ topologyId: rec.id, topologyRevision: 1, scenarios: 'n1', traffic: 'uniform', summary: { worst: 0 }, result: SWEEP,
      metrics: [{ metric: 'maxUtilisation', value: 0.5, unit: 'ratio' }] });
    p.close();
    expect(fs.readdirSync(tmp.dir).filter((f) => f.startsWith('p1'))).toEqual(['p1.nettwin']); // one file, no -wal/-journal left

    const q = openProjectFile(file);
    expect(q.name).toBe('Campus 2027');
    const back = q.topologies.get(rec.id);
    expect(back.topology).toEqual(topo);
    expect(back.costUsd).toBe(1234);
    expect(back.intentId).toBe(intent.id);
    expect(q.validations.latestFor(rec.id)?.score).toBe(80);
    const sims = q.simulations.listFor(rec.id);
    expect(sims).toHaveLength(1);
    // A sweep alone is what older versions stored: it reads back with the impact report's other parts null.
    expect(q.simulations.result(sims[0]!.id)).toEqual({ ...SWEEP, isolation: null, availability: null, convergence: null });
    expect(q.simulations.metricsFor(rec.id).map((m) => m.metric)).toEqual(['maxUtilisation']);
    q.close();
  });

  it('updates bump the revision and refuse a stale expected revision', () => {
    const p = openProjectFile(path.join(tmp.dir, 'p2.nettwin'), { create: { name: 'p2' } });
    const rec = p.topologies.insert({ name: 'x', topology: topo, source: 'imported' });
    const moved = { ...topo, nodes: topo.nodes.map((n) => ({ ...n, x: 5, y: 6 })) };
    expect(p.topologies.update(rec.id, moved, 1)).toBe(2);
    expect(() => p.topologies.update(rec.id, moved, 1)).toThrow(/changed elsewhere/);
    expect(p.topologies.get(rec.id).topology.nodes[0]).toMatchObject({ x: 5, y: 6 });
    expect(() => p.topologies.get('missing')).toThrow(/not found/);
    p.close();
  });

  it('saveCopy writes a complete copy atomically and leaves no temp file; it replaces a file only when told to', async () => {
    const p = openProjectFile(path.join(tmp.dir, 'p3.nettwin'), { create: { name: 'p3' } });
    p.topologies.insert({ name: 'x', topology: topo, source: 'imported' });
    const dest = path.join(tmp.dir, 'p3-copy.nettwin');
    fs.writeFileSync(dest, 'old');
    await expect(p.saveCopy(dest)).rejects.toThrow(/p3-copy.nettwin already exists/);
    expect(fs.readFileSync(dest, 'utf8')).toBe('old');
    await p.saveCopy(dest, { replace: true });
    p.close();
    expect(fs.readdirSync(tmp.dir).some((f) => f.includes('.tmp-'))).toBe(false);
    const copy = openProjectFile(dest);
    expect(copy.topologies.list()).toHaveLength(1);
    copy.close();
  });

  it('a read-only project refuses writes', () => {
    const file = path.join(tmp.dir, 'p4.nettwin');
    openProjectFile(file, { create: { name: 'p4' } }).close();
    const ro = openProjectFile(file, { readOnly: true });
    expect(ro.readOnly).toBe(true);
    expect(() => ro.topologies.insert({ name: 'x', topology: topo, source: 'imported' })).toThrow(/readonly/i);
    ro.close();
  });
});

describe('sharing a project as one file', () => {
  it('with history keeps every record; without history keeps designs and intents only', async () => {
    const p = openProjectFile(path.join(tmp.dir, 'share.nettwin'), { create: { name: 'share' } });
    const intent = p.intents.insert('i', { siteGroups: [] });
    const rec = p.topologies.insert({ name: 'd', topology: topo, source: 'generated', intentId: intent.id });
    p.validations.insert({ topologyId: rec.id, topologyRevision: 1, score: 50, passed: false, result: {} });
    p.audit.append('user', 'test', null);
    await p.exportCopy(path.join(tmp.dir, 'full.nettwin'), { includeHistory: true });
    await p.exportCopy(path.join(tmp.dir, 'lean.nettwin'), { includeHistory: false, name: 'Lean copy' });
    p.close();
    const full = openProjectFile(path.join(tmp.dir, 'full.nettwin'), { readOnly: true });
    expect(full.validations.listFor(rec.id)).toHaveLength(1);
    expect(full.audit.list()).not.toHaveLength(0);
    full.close();
    const lean = openProjectFile(path.join(tmp.dir, 'lean.nettwin'), { readOnly: true });
    expect(lean.name).toBe('Lean copy');
    expect(lean.topologies.get(rec.id).topology).toEqual(topo);
    expect(lean.intents.get(intent.id)).toBeDefined();
    expect(lean.validations.listFor(rec.id)).toEqual([]);
    expect(lean.audit.list()).toEqual([]);
    lean.close();
  });
});
