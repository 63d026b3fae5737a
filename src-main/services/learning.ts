import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accuracyKey, learningReport, type AccuracyPeriod, type LearningReport } from '../../src-shared/learn/report';
import { compactFit, expandFit, fitPredictorModel, predictorFromFit, type Predictor, type PredictorFit } from '../../src-shared/learn/predictor';
import { FIT_META_KEY, fitDigest, readStoredFit, shippedFitFile, storedFitText } from './predictor-fit-store';
import { rehearseFirstPaint } from '../../src-shared/learn/first-paint-warm';
import { planInWorker } from '../workers/clients/planning-worker';
import { parseOutcomes, predictedOutcomes, OUTCOME_UNITS, OutcomeFormatError, type OutcomeMetric } from '../../src-shared/learn/outcomes';
import { sampleFromDesign, currentSample, type LearningSample } from '../../src-shared/learn/sample';
import { costDesign } from '../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK } from '../../src-shared/cost/pricebook';
import { APP_VERSION } from '../../src-shared/lib/version';
import { restoreIntent } from '../../src-shared/model/intent';
import { validateDesign } from '../../src-shared/validate/validate';
import { AppError } from '../../src-shared/contract/result';
import { KnowledgeBase } from '../store/knowledge';
import { costForProject } from './project-pricing';
import type { ProjectFile } from '../store/projectFile';

export interface LearningOptions {
  /** The knowledge base file (created, and seeded from `bootstrapFile`, when missing). */
  knowledgeFile: string;
  /** The shipped bootstrap knowledge base (resources/knowledge/bootstrap.nettwin), or null. */
  bootstrapFile: string | null;
  /** Open the knowledge base read-only (CLI with a shipped file). */
  readOnly?: boolean;
  now?: () => number;
}

export interface OutcomeImportRow {
  design: string;
  metric: OutcomeMetric;
  predicted: number | null;
  actual: number;
  errorPct: number | null;
}

export interface OutcomeImportResult {
  imported: number;
  rows: OutcomeImportRow[];
  /** MAPE per metric over this import. */
  mapePct: Partial<Record<OutcomeMetric, number>>;
}

/**
 * History and learning: the knowledge base, the predictor fitted on it
 * (refit whenever the number of samples changes), the learning report and
 * the feedback of measured outcomes. `project` resolves a project id to an
 * open, writable project file (ProjectService.writable in the app; a file
 * opened by the CLI).
 */
export class LearningService {
  private kb: KnowledgeBase | null = null;
  private fitted: { count: number; predictor: Predictor } | null = null;
  /** A fit running in a worker (predictorReady), for history of `count` samples. */
  private fitting: { count: number; done: Promise<Predictor> } | null = null;
  private readonly stopFitting = new AbortController();
  private cache: { count: number; samples: LearningSample[] } | null = null;
  private readonly now: () => number;

  constructor(
    private readonly opts: LearningOptions,
    private readonly project: (projectId: string) => ProjectFile,
    /** A project to read only (the learning report's outcomes): a read-only one will do. */
    private readonly readable: (projectId: string) => ProjectFile = project,
  ) {
    this.now = opts.now ?? Date.now;
  }

  knowledge(): KnowledgeBase {
    this.kb ??= KnowledgeBase.open(this.opts.knowledgeFile, {
      ...(this.opts.bootstrapFile ? { bootstrap: this.opts.bootstrapFile } : {}),
      ...(this.opts.readOnly ? { readOnly: true } : {}),
      now: this.now,
    });
    return this.kb;
  }

  /**
   * All samples, or those recorded before `before` (replay). Read once and
   * kept while the knowledge base's row count is unchanged (it only grows),
   * so an instant answer does not re-read thousands of rows.
   */
  history(before?: number): LearningSample[] {
    const repo = this.knowledge().samples;
    const n = repo.count();
    // Only the current model's samples, with the current feature set: older vectors recomputed, older measurements left out.
    if (this.cache?.count !== n) this.cache = { count: n, samples: repo.list().flatMap((s) => currentSample(s) ?? []) };
    return before === undefined ? this.cache.samples : this.cache.samples.filter((s) => s.createdAt < before);
  }

  /** The predictor on the current history; refit when history has grown (unless a stored fit of that history exists: fitStored). */
  predictor(history: readonly LearningSample[] = this.history()): Predictor {
    if (this.fitted?.count !== history.length) {
      const fit = this.fitStored(history) ?? this.keepFit(history, fitPredictorModel(history));
      this.fitted = { count: history.length, predictor: predictorFromFit(fit, history) };
    }
    return this.fitted.predictor;
  }

  /**
   * The same predictor, fitted in a worker thread when history has grown since the last fit (0.3–1 s
   * CPU on the shipped knowledge base) and no stored fit of it exists (fitStored): the host keeps
   * answering meanwhile, and callers that can wait (the instant recommendation's first paint) do not
   * fit it on the host's thread. Callers arriving while a fit of the same history runs share it; a
   * worker that cannot run is replaced by a fit here.
   */
  predictorReady(history: readonly LearningSample[] = this.history()): Promise<Predictor> {
    const count = history.length;
    if (this.fitted?.count === count) return Promise.resolve(this.fitted.predictor);
    if (this.fitting?.count === count) return this.fitting.done;
    const stored = this.fitStored(history);
    if (stored !== null) {
      this.fitted = { count, predictor: predictorFromFit(stored, history) };
      return Promise.resolve(this.fitted.predictor);
    }
    const done = planInWorker({ kind: 'fit-predictor', history: [...history] }, { signal: this.stopFitting.signal })
      .catch((err: unknown) => {
        if (this.stopFitting.signal.aborted) throw err;
        return fitPredictorModel(history);
      })
      .then((fit) => predictorFromFit(this.keepFit(history, fit), history))
      .then((predictor) => {
        if (this.fitted?.count !== count) this.fitted = { count, predictor };
        return predictor;
      })
      .finally(() => {
        if (this.fitting?.done === done) this.fitting = null;
      });
    this.fitting = { count, done };
    return done;
  }

  /**
   * The fit of `history` kept by an earlier run (predictor-fit-store.ts): the knowledge base's own,
   * else the one shipped beside the bootstrap (what a knowledge base seeded from it, or the CLI
   * reading it, starts with), expanded on history (O(n · d), milliseconds); null when neither
   * store holds this history's fit — whatever is wrong with a store only means fitting again.
   */
  private fitStored(history: readonly LearningSample[]): PredictorFit | null {
    try {
      const digest = fitDigest(history);
      const own = readStoredFit(this.knowledge().file.meta.get(FIT_META_KEY), digest);
      const fit = own === null ? null : expandFit(history, own);
      if (fit !== null) return fit;
      const shipped = readStoredFit(this.shippedFit(), digest);
      return shipped === null ? null : expandFit(history, shipped);
    } catch {
      return null;
    }
  }

  private shipped: string | null | undefined;
  private shippedFit(): string | null {
    if (this.shipped === undefined) {
      const file = this.opts.bootstrapFile === null ? null : shippedFitFile(this.opts.bootstrapFile);
      try {
        this.shipped = file !== null && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      } catch {
        this.shipped = null;
      }
    }
    return this.shipped;
  }

  /** Keeps a fresh fit of `history` in the knowledge base, when it is writable (a failure to keep it only costs a refit later). */
  private keepFit(history: readonly LearningSample[], fit: PredictorFit): PredictorFit {
    try {
      const kb = this.knowledge();
      if (!kb.file.readOnly) {
        kb.file.meta.set(FIT_META_KEY, storedFitText(fitDigest(history), compactFit(fit)));
      }
    } catch {
      // Not kept: the next run fits again.
    }
    return fit;
  }

  /** The predictor last fitted, whatever history it was fitted on (a first paint that a full answer replaces), or null. */
  lastPredictor(): Predictor | null {
    return this.fitted?.predictor ?? null;
  }

  /**
   * Reads history and fits the predictor before the first recommendation asks (the app and the
   * browser host call it once they serve their page), so the first paint is history's lookup alone.
   */
  warm(): void {
    this.predictorReady().then(
      (predictor) => this.rehearse(predictor, 0),
      () => undefined,
    );
  }

  /**
   * Then rehearses the first paint on this thread (learn/first-paint-warm.ts), one intent per turn of
   * the event loop so calls arriving meanwhile wait for one rehearsal at most: a process's first
   * history-only answer otherwise compiled its code and built the gazetteer's tables (~120 ms at
   * 500 sites instead of ~20). Stops when the service is disposed.
   */
  private rehearse(predictor: Predictor, step: number): void {
    setImmediate(() => {
      if (this.stopFitting.signal.aborted) return;
      try {
        if (rehearseFirstPaint(this.history(), predictor, step)) this.rehearse(predictor, step + 1);
      } catch {
        // A rehearsal only warms: a failure here is the real call's to report.
      }
    });
  }

  /** Records samples into the knowledge base and, when given, into the project (merged by id). */
  record(samples: readonly LearningSample[], projectId?: string, topologyId: string | null = null): number {
    if (projectId !== undefined) this.project(projectId).samples.add(samples, topologyId);
    if (this.knowledge().file.readOnly) return 0;
    const added = this.knowledge().samples.add(samples);
    // A verified recommendation changes the learning report's accuracy over time: begin it now, off the host.
    if (added > 0 && samples.some((s) => s.origin === 'verified')) this.accuracyReady(this.history()).catch(() => undefined);
    return added;
  }

  /**
   * Measures one of a project's designs (priced, validated against its
   * intent, swept) and records it as a sample in the project and the
   * knowledge base: how the project's own generated designs become history.
   * Null for a design without an intent or a family (imported, hand-drawn).
   */
  recordDesign(projectId: string, designId: string): LearningSample | null {
    const p = this.project(projectId);
    const rec = p.topologies.get(designId);
    if (rec.intentId === null || rec.family === null) return null;
    const parsed = restoreIntent(p.intents.get(rec.intentId)?.intent);
    if (!parsed.success) return null;
    const intent = parsed.data;
    const cost = costDesign(rec.topology, DEFAULT_PRICE_BOOK);
    const design = { family: rec.family, seed: rec.seed ?? 1, topology: rec.topology, cost, validation: validateDesign(rec.topology, intent, { cost }) };
    const sample = sampleFromDesign(design, intent, { id: `design-${rec.id}-r${rec.revision}`, origin: 'project', softwareVersion: APP_VERSION, createdAt: this.now() });
    this.record([sample], projectId, rec.id);
    return sample;
  }

  /** Merges a project's samples into the knowledge base (what opening a project does). */
  mergeProject(projectId: string): { added: number } {
    return { added: this.knowledge().mergeProject(this.project(projectId)) };
  }

  /** `learn:report`: success rates with Wilson intervals, trends, held-out error, outcomes vs predictions. */
  async report(input: { projectId?: string } = {}): Promise<LearningReport> {
    const history = this.history();
    const outcomes = (input.projectId !== undefined ? this.readable(input.projectId).outcomes.list() : []).map((o) => ({
      metric: o.metric, predicted: o.predicted, actual: o.actual,
    }));
    const [{ heldOut, trainedOn }, accuracy] = await Promise.all([this.predictorReady(history), this.accuracyReady(history)]);
    return learningReport(history, { heldOut, trainedOn }, outcomes, accuracy);
  }

  /** accuracyOverTime of this history: kept while what it reads is unchanged (accuracyKey), computed in a worker. */
  private accuracy: { key: string; done: Promise<AccuracyPeriod[]> } | null = null;

  /**
   * Accuracy over time answers every verified recommendation in history again with instant mode
   * fitted on what came before it (a fit and an estimate per period: seconds): in a worker, begun
   * as soon as a verified recommendation is recorded (record), so the Learn view finds it ready.
   */
  private accuracyReady(history: readonly LearningSample[]): Promise<AccuracyPeriod[]> {
    const key = accuracyKey(history);
    if (this.accuracy?.key === key) return this.accuracy.done;
    const done = key === '' ? Promise.resolve([]) : planInWorker({ kind: 'accuracy', history: [...history] }, { signal: this.stopFitting.signal });
    this.accuracy = { key, done };
    done.catch(() => {
      if (this.accuracy?.done === done) this.accuracy = null; // asked again next time
    });
    return done;
  }

  /**
   * `outcomes:import`: reads CSV or JSON measurements, matches each row to a
   * design of the project by id or name, stores it with the twin's
   * prediction for the same metric, and returns the comparison.
   */
  importOutcomes(input: { projectId: string; text: string; source: string }): OutcomeImportResult {
    let measured;
    try {
      measured = parseOutcomes(input.text);
    } catch (err) {
      if (err instanceof OutcomeFormatError) throw new AppError('INVALID_INPUT', `${input.source}: ${err.message}`);
      throw err;
    }
    const project = this.project(input.projectId);
    const designs = project.topologies.list();
    const repo = project.outcomes;
    const predictions = new Map<string, ReturnType<typeof predictedOutcomes>>();
    const rows: OutcomeImportRow[] = [];
    project.transaction(() => {
      for (const m of measured) {
        const named = designs.filter((x) => x.name === m.design);
        // Two designs of one name: guessing would file the measurement under the wrong one.
        if (named.length > 1 && !designs.some((x) => x.id === m.design)) {
          throw new AppError('INVALID_INPUT', `${named.length} designs are named "${m.design}": give the design's id instead`);
        }
        const d = designs.find((x) => x.id === m.design) ?? named[0];
        if (!d) throw new AppError('NOT_FOUND', `no design "${m.design}" in this project`);
        let p = predictions.get(d.id);
        if (!p) {
          const topology = project.topologies.get(d.id).topology;
          p = predictedOutcomes(topology, costForProject(project, topology));
          predictions.set(d.id, p);
        }
        const predicted = p[m.metric];
        repo.insert({ topologyId: d.id, metric: m.metric, predicted, actual: m.value, unit: OUTCOME_UNITS[m.metric], source: input.source, measuredAt: m.measuredAt });
        rows.push({
          design: d.id,
          metric: m.metric,
          predicted,
          actual: m.value,
          errorPct: predicted !== null && m.value !== 0 ? (100 * Math.abs(predicted - m.value)) / Math.abs(m.value) : null,
        });
      }
      project.audit.append('user', 'outcomes.import', null, { source: input.source, rows: rows.length });
    });
    const mapePct: Partial<Record<OutcomeMetric, number>> = {};
    for (const metric of new Set(rows.map((r) => r.metric))) {
      const errs = rows.filter((r) => r.metric === metric && r.errorPct !== null).map((r) => r.errorPct!);
      if (errs.length) mapePct[metric] = errs.reduce((a, b) => a + b, 0) / errs.length;
    }
    return { imported: rows.length, rows, mapePct };
  }

  dispose(): void {
    this.stopFitting.abort();
    this.kb?.close();
    this.kb = null;
    this.cache = null;
  }
}

/** Where the shipped bootstrap knowledge base lives, relative to the resources folder. */
export const BOOTSTRAP_KNOWLEDGE = path.join('knowledge', 'bootstrap.nettwin');

/**
 * The shipped bootstrap knowledge base: next to the packaged app
 * (`process.resourcesPath/resources/knowledge`, electron-builder copies
 * `resources/` there), or in the source tree when run from it (dev, CLI,
 * tests). Null when neither exists.
 */
export function findBootstrapKnowledge(explicit?: string): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    explicit,
    resourcesPath ? path.join(resourcesPath, 'resources', BOOTSTRAP_KNOWLEDGE) : undefined,
    path.resolve(here, '..', '..', 'resources', BOOTSTRAP_KNOWLEDGE),
    path.resolve(here, '..', '..', '..', 'resources', BOOTSTRAP_KNOWLEDGE),
  ];
  return candidates.find((c): c is string => c !== undefined && fs.existsSync(c)) ?? null;
}
