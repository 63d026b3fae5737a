import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { toIpcError } from '../../../src-shared/contract/result';
import type { SweepReportShape } from '../../../src-shared/contract/sim-types';
import { generateDesign } from '../../../src-shared/generate/generate';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { sampleFromDesign } from '../../../src-shared/learn/sample';
import { restoreRecommendationRequest } from '../../../src-shared/learn/stored';
import { DEFAULT_POLICY } from '../../../src-shared/optimise/governance';
import { restoreStepAfter, restoreStepBefore } from '../../../src-shared/optimise/stored';
import { impactReport } from '../../../src-shared/sim/impact-report';
import { OptimiseService } from '../../../src-main/services/optimise';
import { openProjectFile, type ProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

// Stored JSON is read through versioned restore*() functions: an older shape
// migrates, a newer version is refused by name, and a corrupt row's error
// names the table, the column and the row.

const tmp = tempDir();
afterAll(tmp.cleanup);

const intent = intentOfShape({ sites: 6, regions: 1, redundancy: 'NONE', goal: 'resilience', mix: 0 });
const design = generateDesign(intent, 'hub-spoke', 1);

const sweep: SweepReportShape = {
  design: 'star', nodes: design.topology.nodes.length, links: design.topology.links.length, traffic: 'uniform',
  baseline: { maxLoad: 2, maxUtilisation: 0.2, totalVolume: 30 },
  scenarios: [{
    cls: 'n1-links', label: `link ${design.topology.links[0]!.id}`, failedNodes: [], failedLinks: [design.topology.links[0]!.id],
    disconnectedPairs: 5, isolatedSites: 1, strandedDemand: 10, stretchP50: 1, stretchP95: 1, stretchMax: 1,
    maxLoad: 2, maxUtilisation: 0.2, overloadedLinks: 0, worstLink: null,
  }],
  elapsedMs: 1, threads: 1,
};

let n = 0;
function fresh(): { file: string; project: ProjectFile; designId: string } {
  const file = path.join(tmp.dir, `p${++n}.nettwin`);
  const project = openProjectFile(file, { create: { name: `p${n}` } });
  const designId = project.topologies.insert({ name: 'star', topology: design.topology, source: 'generated', family: 'hub-spoke', seed: 1, cost: design.cost }).id;
  return { file, project, designId };
}

/** Writes a column of a closed project file directly, as damage or a newer NetTwin would leave it. */
function poke(file: string, sql: string, ...args: unknown[]): void {
  const db = new Database(file);
  try {
    expect(db.prepare(sql).run(...args).changes).toBe(1);
  } finally {
    db.close();
  }
}

describe('stored JSON read through versioned restore functions', () => {
  it('an older shape migrates: a partial governance policy, a sweep-only simulation result', () => {
    const { project, designId } = fresh();
    try {
      const svc = new OptimiseService(() => project);
      // Version 1 (no formatVersion) could be partial: the missing field takes the default.
      project.meta.set('governance.policy', JSON.stringify({ autoApproveMaxCostUsd: 5 }));
      expect(svc.policy('p')).toEqual({ ...DEFAULT_POLICY, autoApproveMaxCostUsd: 5 });
      // What is written now states its version and reads back whole.
      svc.setPolicy('p', { autoApproveMaxCostUsd: 7, autoStrategies: ['cost'], autoApproveMaxElements: 3 }, 'board');
      expect(JSON.parse(project.meta.get('governance.policy')!)).toMatchObject({ formatVersion: 2 });
      expect(svc.policy('p')).toEqual({ autoApproveMaxCostUsd: 7, autoStrategies: ['cost'], autoApproveMaxElements: 3 });

      // A sweep alone (what sim:run stored before it kept the impact report) reads back with the other parts null.
      const old = project.simulations.insert({ topologyId: designId, topologyRevision: 1, scenarios: 'n1-links', traffic: 'uniform', summary: {}, result: sweep, metrics: [] });
      expect(project.simulations.result(old.id)).toEqual({ ...sweep, isolation: null, availability: null, convergence: null });
      const full = impactReport(design.topology, sweep);
      const now = project.simulations.insert({ topologyId: designId, topologyRevision: 1, scenarios: 'n1-links', traffic: 'uniform', summary: {}, result: full, metrics: [] });
      const back = project.simulations.result(now.id)!;
      expect(back.isolation).toEqual(full.isolation);
      expect(back.availability).toEqual(full.availability);
      expect(back.convergence).toEqual(full.convergence);
      expect(back).not.toHaveProperty('formatVersion');
    } finally {
      project.close();
    }
  });

  it('a newer version is refused by name, saying where it was read', () => {
    const { file, project, designId } = fresh();
    const sim = project.simulations.insert({ topologyId: designId, topologyRevision: 1, scenarios: 'n1-links', traffic: 'uniform', summary: {}, result: sweep, metrics: [] });
    project.meta.set('governance.policy', JSON.stringify({ formatVersion: 3, autoApproveMaxCostUsd: 1, autoStrategies: [] }));
    const svc = new OptimiseService(() => project);
    expect(() => svc.policy('p')).toThrow('project_meta "governance.policy": governance policy format version 3 was written by a newer NetTwin; this one reads up to version 2');
    project.close();

    poke(file, 'UPDATE simulation_records SET result_json = ? WHERE id = ?', JSON.stringify({ ...sweep, formatVersion: 9 }), sim.id);
    const again = openProjectFile(file);
    try {
      expect(() => again.simulations.result(sim.id)).toThrow(`simulation_records.result_json of ${sim.id}: simulation result format version 9 was written by a newer NetTwin`);
    } finally {
      again.close();
    }
    expect(() => restoreStepBefore({ formatVersion: 2 }, 'optimization_log.before_json of step s')).toThrow('optimisation step format version 2 was written by a newer NetTwin');
    expect(() => restoreRecommendationRequest({ formatVersion: 5 }, 'recommendation_history.request_json of r')).toThrow('recommendation request format version 5 was written by a newer NetTwin');
  });

  it('measured traffic loads are checked when read: a damaged row names itself', () => {
    const { file, project, designId } = fresh();
    const rec = project.traffic.upsert({ topologyId: designId, label: '2026-W49', statistic: 'p95', start: 1, end: 2, samples: 3, source: 'poll.csv', loads: { l1: { fwd: 1.5, rev: null } } });
    expect(project.traffic.list(designId)[0]!.loads).toEqual({ l1: { fwd: 1.5, rev: null } });
    project.close();
    poke(file, 'UPDATE traffic_periods SET loads_json = ? WHERE id = ?', JSON.stringify({ l1: { fwd: 'lots', rev: null } }), rec.id);
    const again = openProjectFile(file);
    try {
      expect(() => again.traffic.list(designId)).toThrow(new RegExp(`^traffic_periods\\.loads_json of ${rec.id}: l1\\.fwd: `));
    } finally {
      again.close();
    }
  });

  it('a corrupt row gives an error naming its table, column and row (DAMAGED across the boundary)', async () => {
    const { file, project, designId } = fresh();
    const sample = sampleFromDesign(design, intent, { id: 's1', origin: 'project', softwareVersion: 't', createdAt: 1 });
    expect(project.samples.add([sample])).toBe(1);
    expect(project.samples.list()).toEqual([sample]);
    const svc = new OptimiseService(() => project);
    svc.setPolicy('p', { autoApproveMaxCostUsd: 0, autoStrategies: [] }, 'board');
    const run = await svc.run({ projectId: 'p', designId, strategy: 'resilience', maxSteps: 1 });
    const step = run.steps[0]!;
    // What was written reads back through the restores as it was.
    expect(restoreStepAfter(step.after, 'x').patch.length).toBeGreaterThan(0);
    project.close();

    poke(file, 'UPDATE learning_samples SET metrics_json = ? WHERE id = ?', JSON.stringify({ ...sample.metrics, costUsd: 'cheap' }), 's1');
    poke(file, 'UPDATE optimization_log SET after_json = ? WHERE id = ?', '{"metrics": {', step.id);
    const again = openProjectFile(file);
    try {
      let err: unknown;
      try {
        again.samples.list();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(/^learning_samples\.metrics_json of sample s1: invalid sample metrics: costUsd: /);
      expect(toIpcError(err)).toMatchObject({ code: 'DAMAGED' });

      const opt = new OptimiseService(() => again);
      expect(() => opt.replay({ projectId: 'p', stepId: step.id })).toThrow(new RegExp(`^optimization_log\\.after_json of step ${step.id}: not valid JSON`));
    } finally {
      again.close();
    }
  });
});
