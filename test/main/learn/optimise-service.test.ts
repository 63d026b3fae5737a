import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDesign } from '../../../src-shared/generate/generate';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { openProjectFile, type ProjectFile } from '../../../src-main/store/projectFile';
import { OptimiseService } from '../../../src-main/services/optimise';
import { AuditService } from '../../../src-main/services/audit';
import { tempDir } from '../../helpers/tmp';
import { costDesign } from '../../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK } from '../../../src-shared/cost/pricebook';
import { gatherReport } from '../../../src-shared/report/gather';
import { storedCost } from '../../../src-shared/report/validation';
import { designMetrics } from '../../../src-renderer/features/compare/metrics';
import { PRICE_BOOK_KEY } from '../../../src-main/services/project-pricing';

let tmp: ReturnType<typeof tempDir>;
let project: ProjectFile;
let designId: string;
let clock = 1_000;
const now = () => ++clock;

beforeEach(() => {
  tmp = tempDir();
  project = openProjectFile(path.join(tmp.dir, 'p.nettwin'), { create: { name: 'p' }, now });
  const intent = intentOfShape({ sites: 10, regions: 2, redundancy: 'HIGH', goal: 'cost', mix: 0 });
  const d = generateDesign(intent, 'full-mesh', 1);
  const intentRec = project.intents.insert(intent.name, intent);
  designId = project.topologies.insert({ name: 'mesh', topology: d.topology, source: 'generated', family: 'full-mesh', seed: 1, intentId: intentRec.id, cost: d.cost }).id;
});
afterEach(() => {
  project.close();
  tmp.cleanup();
});

describe('OptimiseService with governance', () => {
  it('auto-approves small steps and applies them, logging expected and actual figures', async () => {
    const svc = new OptimiseService(() => project, now);
    svc.setPolicy('p', { autoApproveMaxCostUsd: 1e12, autoStrategies: ['cost', 'resilience', 'load'] }, 'lead');
    const r = await svc.run({ projectId: 'p', designId, strategy: 'cost', maxSteps: 2 });
    expect(r.steps.map((s) => s.status)).toEqual(['auto-approved', 'auto-approved']);
    expect(r.revision).toBe(3);
    expect(project.topologies.get(designId).revision).toBe(3);
    const first = r.steps[0]!;
    expect(first.decidedBy).toBe('policy');
    expect((first.expected as { metric: string; delta: number }).delta).toBeGreaterThan(0);
    const actual = svc.list({ projectId: 'p', designId })[0]!.actual as { revision: number; metrics: { costUsd: number } };
    expect(actual.metrics.costUsd).toBeLessThan((first.before as { metrics: { costUsd: number } }).metrics.costUsd);
    expect(new AuditService(() => project).list({ projectId: 'p' }).some((a) => a.action === 'optimize.auto-approved')).toBe(true);
  });

  it('a step over the threshold waits for a person; approval applies it, undo reverts it exactly', async () => {
    const svc = new OptimiseService(() => project, now);
    const original = project.topologies.get(designId).topology;
    const r = await svc.run({ projectId: 'p', designId, strategy: 'cost', maxSteps: 5 });
    expect(r.stoppedFor).toBe('approval');
    expect(r.steps).toHaveLength(1);
    const step = r.steps[0]!;
    expect(step.status).toBe('proposed');
    expect(project.topologies.get(designId).revision).toBe(1); // not applied yet
    expect(() => svc.decide({ projectId: 'p', stepId: step.id, decision: 'approve', actor: 'Ada', reason: ' ' })).toThrow(/reason/);
    const approved = svc.decide({ projectId: 'p', stepId: step.id, decision: 'approve', actor: 'Ada', reason: 'saves money, class kept' });
    expect(approved.status).toBe('approved');
    expect(approved.decidedBy).toBe('Ada');
    expect(project.topologies.get(designId).topology.links.length).toBe(original.links.length - 1);
    expect(() => svc.decide({ projectId: 'p', stepId: step.id, decision: 'reject', actor: 'Bob', reason: 'late' })).toThrow(/not waiting/);
    const undone = svc.undo({ projectId: 'p', stepId: step.id, actor: 'Ada', reason: 'board said no' });
    expect(undone.status).toBe('undone');
    const back = project.topologies.get(designId).topology;
    expect(back.links.map((l) => l.id).sort()).toEqual(original.links.map((l) => l.id).sort());
    expect(() => svc.undo({ projectId: 'p', stepId: step.id, actor: 'Ada', reason: 'again' })).toThrow(/only an applied step/);
    expect(project.decisions.list(step.id).map((d) => d.decision)).toEqual(['approved', 'undone']);
  });

  it('rejection leaves the design alone; a replayed step gives an identical result', async () => {
    const svc = new OptimiseService(() => project, now);
    const r = await svc.run({ projectId: 'p', designId, strategy: 'cost' });
    const step = r.steps[0]!;
    expect(svc.replay({ projectId: 'p', stepId: step.id }).identical).toBe(true);
    svc.decide({ projectId: 'p', stepId: step.id, decision: 'reject', actor: 'Bob', reason: 'keep the spare circuit' });
    expect(project.topologies.get(designId).revision).toBe(1);
    expect(svc.list({ projectId: 'p' })[0]!.status).toBe('rejected');
  });

  it('undo is refused when the design has moved on so the inverse no longer fits', async () => {
    const svc = new OptimiseService(() => project, now);
    svc.setPolicy('p', { autoApproveMaxCostUsd: 1e12, autoStrategies: ['cost'] }, 'lead');
    const r = await svc.run({ projectId: 'p', designId, strategy: 'cost', maxSteps: 1 });
    const removed = (r.steps[0]!.after as { patch: { op: string; link: { id: string; source: string } }[] }).patch[0]!;
    const rec = project.topologies.get(designId);
    // Someone deletes a device the removed link touched: the link cannot come back.
    const t = { ...rec.topology, nodes: rec.topology.nodes.filter((n) => n.id !== removed.link.source), links: rec.topology.links.filter((l) => l.source !== removed.link.source && l.target !== removed.link.source) };
    project.topologies.update(designId, t, rec.revision);
    expect(() => svc.undo({ projectId: 'p', stepId: r.steps[0]!.id, actor: 'Ada', reason: 'undo' })).toThrow(/cannot undo/);
  });

  it('an approved step refreshes the stored cost: the design list, the slides and the pack show the new figure, undo the old', async () => {
    // A project price book (named) shows the stored cost was priced with the project's book.
    const book = { ...DEFAULT_PRICE_BOOK, name: 'project book' };
    project.meta.set(PRICE_BOOK_KEY, JSON.stringify(book));
    const svc = new OptimiseService(() => project, now);
    const before = project.topologies.get(designId);
    const oldCost = before.costUsd!;
    const r = await svc.run({ projectId: 'p', designId, strategy: 'cost', maxSteps: 1 });
    svc.decide({ projectId: 'p', stepId: r.steps[0]!.id, decision: 'approve', actor: 'Ada', reason: 'saves money, class kept' });
    const after = project.topologies.get(designId);
    const expected = costDesign(after.topology, book).totalUsd;
    expect(expected).toBeLessThan(oldCost);
    // Design list (stored summary), the record, the slides' metrics and the decision pack.
    expect(project.topologies.list().find((d) => d.id === designId)!.costUsd).toBe(expected);
    expect(after.costUsd).toBe(expected);
    expect(storedCost(after.cost)?.priceBook).toBe('project book');
    expect(designMetrics(after.topology, null, storedCost(after.cost)).costUsd).toBe(expected);
    const pack = gatherReport({
      project: { name: 'p', fileName: 'p.nettwin', schemaVersion: 20, createdAt: 0, createdBy: 't' },
      priceBook: book, generatedAt: 1, softwareVersion: 't',
      designs: [after], intents: project.intents.list(), validations: [], simulations: [], audit: [], auditTotal: 0,
      recommendations: [], optimisations: [], decisions: [], outcomes: [],
    });
    expect(pack.chosen?.cost.totalUsd).toBe(expected);
    expect(pack.options.find((d) => d.id === designId)!.costUsd).toBe(expected);
    // Undo puts the old cost back everywhere.
    svc.undo({ projectId: 'p', stepId: r.steps[0]!.id, actor: 'Ada', reason: 'board said no' });
    expect(project.topologies.list().find((d) => d.id === designId)!.costUsd).toBe(costDesign(project.topologies.get(designId).topology, book).totalUsd);
  });
});
