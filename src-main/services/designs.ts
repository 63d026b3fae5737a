import type { HandlerInput } from '../../src-shared/contract/contract';
import { AppError } from '../../src-shared/contract/result';
import type { TopologyRecord, TopologySummary } from '../../src-shared/model/records';
import { TOPOLOGY_FAMILIES, type Family } from '../../src-shared/model/topology';
import type { Intent } from '../../src-shared/model/intent';
import { generateAll, generateDesign, GenerateError, type Design, type SkippedFamily } from '../../src-shared/generate/generate';
import type { CostBreakdown } from '../../src-shared/cost/cost';
import { costDesign } from '../../src-shared/cost/cost';
import type { PriceBook } from '../../src-shared/cost/pricebook';
import { costForProject, PRICE_BOOK_KEY, projectPriceBook } from './project-pricing';
import { parseIntent, restoreIntent } from '../../src-shared/model/intent';
import { applyIntentEdit, editApplies, editWords, type IntentEdit } from '../../src-shared/learn/intent-edit';
import { restoreTopology, type Topology } from '../../src-shared/model/topology';
import type { IntentRecord } from '../../src-shared/model/records';
import type { ValidationResult } from '../../src-shared/validate/types';
import { validateDesign } from '../../src-shared/validate/validate';
import type { ProjectFile } from '../store/projectFile';
import type { EventBus } from './events';
import { abortError } from '../../src-shared/contract/result';
import type { JobContext } from './jobs';
import type { ProjectService } from './projects';
import { validateInWorker } from '../workers/clients/validate-worker';
import { VALIDATE_IN_HOST_MAX_DEVICES } from '../../src-shared/lib/limits';

const DEFAULT_SEED = 1;


const count = (n: number): string => n.toLocaleString('en-US');

/** Use cases on the designs (TopologyRecords) of one project. */
export class DesignService {
  /** Called after a design is generated and recorded (learning history); its failure never fails the generation. */
  onGenerated: ((projectId: string, designId: string) => unknown) | null = null;

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
    let summary: TopologySummary;
    try {
      summary = project.transaction(() => {
        const intentRec = project.intents.insert(intent.name, intent);
        return this.record(project, intent, intentRec.id, family, seed);
      });
    } catch (err) {
      // A family that cannot serve the intent ("not applicable, because …") is the caller's input, not a fault; nothing was stored.
      if (err instanceof GenerateError) throw new AppError('INVALID_INPUT', err.message);
      throw err;
    }
    this.learnFrom(projectId, summary.id);
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
        const summary = project.transaction(() => this.record(project, intent, intentRec.id, family, seed));
        out.push(summary);
        this.learnFrom(projectId, summary.id);
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

  private learnFrom(projectId: string, designId: string): void {
    try {
      this.onGenerated?.(projectId, designId);
    } catch (err) {
      this.projects.get(projectId).audit.append('system', 'learning.record.failed', designId, { reason: (err as Error).message });
    }
  }

  private record(project: ProjectFile, intent: Intent, intentId: string, family: Family, seed: number): TopologySummary {
    return this.store(project, intentId, generateDesign(intent, family, seed, { priceBook: this.priceBookOf(project) }));
  }

  /** Stores one generated design with its validation (inside the caller's transaction). */
  private store(project: ProjectFile, intentId: string, design: Design): TopologySummary {
    const rec = project.topologies.insert({
      name: design.topology.name,
      topology: design.topology,
      source: 'generated',
      family: design.family,
      seed: design.seed,
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
    project.audit.append('user', 'design.generate', rec.id, { family: design.family, seed: design.seed });
    const { topology: _t, cost: _c, softwareVersion: _v, ...summary } = rec;
    return summary;
  }

  /**
   * Candidates for an intent without storing them: one family, or every
   * family that can serve it (the others in `skipped`, with the reason).
   */
  candidates(intent: Intent, family: Family | undefined, seed: number, priceBook: PriceBook): { designs: Design[]; skipped: SkippedFamily[] } {
    if (family === undefined) return generateAll(intent, seed, { priceBook });
    try {
      return { designs: [generateDesign(intent, family, seed, { priceBook })], skipped: [] };
    } catch (err) {
      if (err instanceof GenerateError) throw new AppError('INVALID_INPUT', err.message);
      throw err;
    }
  }

  /** Records the intent and candidates made elsewhere (the command line), each with its validation and as learning history. */
  recordCandidates(projectId: string, intent: Intent, designs: readonly Design[]): TopologySummary[] {
    const project = this.projects.writable(projectId);
    const out = project.transaction(() => {
      const intentRec = project.intents.insert(intent.name, intent);
      return designs.map((d) => this.store(project, intentRec.id, d));
    });
    for (const s of out) this.learnFrom(projectId, s.id);
    this.bus.emit('project:changed', { projectId, what: 'designs' });
    return out;
  }

  /** Prices and validates a design that is not stored (a file), against an intent or the defaults. */
  check(topology: Topology, intent: Intent | undefined, priceBook: PriceBook): { cost: CostBreakdown; validation: ValidationResult } {
    // The intent's term and discount rate when one is given; else the design's own (cost.ts).
    const cost = costDesign(topology, priceBook, intent?.finance);
    return { cost, validation: validateDesign(topology, intent, { cost }) };
  }

  /** Every stored design with the intent it was generated for (parsed; undefined for imported ones). */
  withIntents(projectId: string): { name: string; topology: Topology; intent: Intent | undefined }[] {
    const project = this.projects.get(projectId);
    return project.topologies.list().map((summary) => {
      const rec = project.topologies.get(summary.id);
      return { name: rec.name, topology: rec.topology, intent: this.intentOf(project, rec.intentId) };
    });
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

  /** The project's own price book when it has one (edited by the user), else the default. */
  priceBookOf(project: ProjectFile): PriceBook {
    return projectPriceBook(project);
  }

  priceBook(projectId: string): { book: PriceBook; custom: boolean } {
    const project = this.projects.get(projectId);
    return { book: this.priceBookOf(project), custom: project.meta.get(PRICE_BOOK_KEY) !== undefined };
  }

  /** Stores an edited price book in the project (null restores the default); later pricing uses it. */
  setPriceBook(projectId: string, book: PriceBook | null): void {
    const project = this.projects.writable(projectId);
    project.transaction(() => {
      if (book === null) project.meta.remove(PRICE_BOOK_KEY);
      else project.meta.set(PRICE_BOOK_KEY, JSON.stringify(book));
      project.audit.append('user', 'pricebook.set', null, { custom: book !== null });
    });
    this.bus.emit('project:changed', { projectId, what: 'pricebook' });
  }

  /** The intent a design was made for, parsed; undefined for imported designs. */
  private intentOf(project: ProjectFile, intentId: string | null): Intent | undefined {
    if (intentId === null) return undefined;
    const rec = project.intents.get(intentId);
    const parsed = rec ? restoreIntent(rec.intent) : undefined;
    return parsed?.success ? parsed.data : undefined;
  }

  private validateAndRecord(project: ProjectFile, designId: string): ValidationResult {
    const rec = project.topologies.get(designId);
    const intent = this.intentOf(project, rec.intentId);
    const validation = validateDesign(rec.topology, intent, { cost: costDesign(rec.topology, this.priceBookOf(project)) });
    if (!project.readOnly) {
      project.validations.insert({
        topologyId: rec.id, topologyRevision: rec.revision, intentId: rec.intentId,
        score: validation.score, passed: validation.passed, result: validation,
      });
    }
    return validation;
  }

  /** Throws now, before a job starts, what validate would fail with at once: a missing project or design. */
  checkValidatable(projectId: string, designId: string): void {
    if (!this.projects.get(projectId).topologies.has(designId)) throw new AppError('NOT_FOUND', `design ${designId} not found in this project`);
  }

  /**
   * Validates the design's current revision and records a ValidationRecord
   * (unless the project is read-only). Small designs are validated here; a
   * design over VALIDATE_IN_HOST_MAX_DEVICES in a worker thread, reporting
   * the site pairs checked to `job` and stopping when its signal aborts.
   */
  async validate(projectId: string, designId: string, job?: Pick<JobContext, 'signal' | 'progress'>): Promise<ValidationResult> {
    const project = this.projects.get(projectId);
    const stored = project.topologies.stored(designId);
    if (stored.nodeCount !== null && stored.nodeCount <= VALIDATE_IN_HOST_MAX_DEVICES) return this.validateAndRecord(project, designId);
    const devices = stored.nodeCount === null ? 'the design' : `${count(stored.nodeCount)} devices`;
    job?.progress(0, 1, `reading ${devices}`);
    const validation = await validateInWorker(
      { topologyJson: stored.topologyJson, intent: this.intentOf(project, stored.intentId), priceBook: this.priceBookOf(project) },
      {
        ...(job ? { signal: job.signal } : {}),
        onProgress: (phase, done, total) => {
          if (phase === 'pairs') job?.progress(done, total, `validating ${devices}: ${count(done)} of ${count(total)} site pairs`);
        },
      },
    );
    if (job?.signal.aborted === true) throw abortError();
    // The project may have been closed, or the design edited, while the worker ran.
    const now = this.projects.get(projectId);
    if (!now.readOnly && now.topologies.stored(designId).revision === stored.revision) {
      now.validations.insert({
        topologyId: designId, topologyRevision: stored.revision, intentId: stored.intentId,
        score: validation.score, passed: validation.passed, result: validation,
      });
    }
    return validation;
  }

  /** Saves an edited design (whole document) as the next revision, validated and recorded. */
  async update(projectId: string, designId: string, revision: number, topology: Topology): Promise<{ revision: number; validation: ValidationResult }> {
    const project = this.projects.writable(projectId);
    let checked: Topology;
    try {
      checked = restoreTopology(topology);
    } catch (err) {
      throw new AppError('INVALID_INPUT', (err as Error).message);
    }
    const small = checked.nodes.length <= VALIDATE_IN_HOST_MAX_DEVICES;
    const out = project.transaction(() => {
      const next = project.topologies.update(designId, checked, revision, costForProject(project, checked));
      project.audit.append('user', 'design.edit', designId, { revision: next, nodes: checked.nodes.length, links: checked.links.length });
      // A small design's validation is recorded with the edit, in one transaction.
      return { revision: next, validation: small ? this.validateAndRecord(project, designId) : null };
    });
    this.bus.emit('project:changed', { projectId, what: 'designs' });
    return { revision: out.revision, validation: out.validation ?? (await this.validate(projectId, designId)) };
  }

  intent(projectId: string, intentId: string): IntentRecord {
    const rec = this.projects.get(projectId).intents.get(intentId);
    if (!rec) throw new AppError('NOT_FOUND', `intent ${intentId} not found in this project`);
    return rec;
  }

  /**
   * The intent with one constraint edited, stored as a new intent record (a
   * stored intent is never rewritten: designs and recommendations point at
   * the one they were made for). Refused when the intent no longer holds the
   * edit's `from` value, or the edited intent is not valid.
   */
  reviseIntent(projectId: string, intentId: string, edit: IntentEdit): IntentRecord {
    const project = this.projects.writable(projectId);
    const restored = restoreIntent(this.intent(projectId, intentId).intent);
    if (!restored.success) throw new AppError('INVALID_INPUT', `intent ${intentId} cannot be read: ${restored.problems.slice(0, 3).join('; ')}`);
    if (!editApplies(restored.data, edit)) {
      throw new AppError('CONFLICT', `intent ${intentId} no longer has ${edit.kind} = ${edit.from}: ${editWords(edit)} does not apply`);
    }
    const next = parseIntent(applyIntentEdit(restored.data, edit));
    if (!next.ok) throw new AppError('INVALID_INPUT', `the edited intent is not valid: ${next.problems.slice(0, 3).join('; ')}`);
    return project.transaction(() => {
      const rec = project.intents.insert(next.intent.name, next.intent);
      project.audit.append('user', 'intent.revise', rec.id, { from: intentId, edit, words: editWords(edit) });
      return rec;
    });
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
