import type { HandlerInput } from '../../src-shared/contract/contract';
import { AppError } from '../../src-shared/contract/result';
import type { TopologyRecord, TopologySummary } from '../../src-shared/model/records';
import { TOPOLOGY_FAMILIES, type Family } from '../../src-shared/model/topology';
import type { Intent } from '../../src-shared/model/intent';
import { generateDesign } from '../../src-shared/generate/generate';
import type { ProjectFile } from '../store/projectFile';
import type { EventBus } from './events';
import type { JobContext } from './jobs';
import type { ProjectService } from './projects';

const DEFAULT_SEED = 1;

/** Use cases on the designs (TopologyRecords) of one project. */
export class DesignService {
  constructor(
    private readonly projects: ProjectService,
    private readonly bus: EventBus,
  ) {}

  list(projectId: string): TopologySummary[] {
    return this.projects.get(projectId).topologies.list();
  }

  get(projectId: string, designId: string): TopologyRecord {
    return this.projects.get(projectId).topologies.get(designId);
  }

  /** Generates one family for the intent and records intent, design and its validation. */
  generate(projectId: string, intent: Intent, family: Family, seed = DEFAULT_SEED): TopologySummary {
    const project = this.projects.writable(projectId);
    const summary = project.transaction(() => {
      const intentRec = project.intents.insert(intent.name, intent);
      return this.record(project, intent, intentRec.id, family, seed);
    });
    this.bus.emit('project:changed', { projectId, what: 'designs' });
    return summary;
  }

  /** Every family for the intent, one after another, as a cancellable job. */
  async generateAll(projectId: string, intent: Intent, seed: number, ctx: JobContext): Promise<TopologySummary[]> {
    const project = this.projects.writable(projectId);
    const intentRec = project.intents.insert(intent.name, intent);
    const out: TopologySummary[] = [];
    ctx.progress(0, TOPOLOGY_FAMILIES.length, 'starting');
    for (const [i, family] of TOPOLOGY_FAMILIES.entries()) {
      if (ctx.signal.aborted) break;
      try {
        out.push(project.transaction(() => this.record(project, intent, intentRec.id, family, seed)));
      } catch (err) {
        // A family that cannot serve this intent (e.g. full mesh too large) is skipped, with the reason.
        project.audit.append('system', 'design.generate.skipped', family, { reason: (err as Error).message });
      }
      ctx.progress(i + 1, TOPOLOGY_FAMILIES.length, family);
      await new Promise((r) => setImmediate(r));
    }
    this.bus.emit('project:changed', { projectId, what: 'designs' });
    return out;
  }

  private record(project: ProjectFile, intent: Intent, intentId: string, family: Family, seed: number): TopologySummary {
    const design = generateDesign(intent, family, seed);
    const rec = project.topologies.insert({
      name: `${intent.name} — ${family}`,
      topology: design.topology,
      source: 'generated',
      family,
      seed,
      intentId,
      cost: design.cost,
    });
    project.validations.insert({
      topologyId: rec.id,
      topologyRevision: rec.revision,
      intentId,
      score: design.validation.score,
      passed: design.validation.passed,
      result: design.validation,
    });
    project.audit.append('user', 'design.generate', rec.id, { family, seed });
    const { topology: _t, cost: _c, softwareVersion: _v, ...summary } = rec;
    return summary;
  }

  /** Stores dragged positions (only x/y of known nodes) as a new revision. */
  savePositions(input: HandlerInput<'design:savePositions'>): { revision: number } {
    const project = this.projects.writable(input.projectId);
    const rec = project.topologies.get(input.designId);
    if (input.revision !== undefined && input.revision !== rec.revision) {
      throw new AppError('CONFLICT', `design changed since revision ${input.revision} (now ${rec.revision}); reload it`);
    }
    const byId = new Map(input.positions.map((p) => [p.id, p]));
    const unknown = input.positions.filter((p) => !rec.topology.nodes.some((n) => n.id === p.id));
    if (unknown.length > 0) throw new AppError('INVALID_INPUT', `positions: unknown node "${unknown[0]!.id}"`);
    const nodes = rec.topology.nodes.map((n) => {
      const p = byId.get(n.id);
      return p ? { ...n, x: p.x, y: p.y } : n;
    });
    const revision = project.topologies.update(rec.id, { ...rec.topology, nodes }, rec.revision);
    return { revision };
  }

  rename(projectId: string, designId: string, name: string): void {
    this.projects.writable(projectId).topologies.rename(designId, name);
    this.bus.emit('project:changed', { projectId, what: 'designs' });
  }

  remove(projectId: string, designId: string): void {
    const project = this.projects.writable(projectId);
    project.transaction(() => {
      project.topologies.remove(designId);
      project.audit.append('user', 'design.delete', designId);
    });
    this.bus.emit('project:changed', { projectId, what: 'designs' });
  }
}
