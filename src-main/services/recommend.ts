import { availableParallelism } from 'node:os';
import type { RecommendPartialShape, RecommendResultShape } from '../../src-shared/contract/learn-types';
import { AppError } from '../../src-shared/contract/result';
import { instantEstimateShares, recommendInstant, type Recommendation } from '../../src-shared/learn/recommend';
import { mergeEstimates } from '../../src-shared/learn/estimate-shares';
import { PreparedDesigns } from '../../src-shared/learn/prepared-designs';
import type { FamilyEstimates } from '../../src-shared/learn/estimate';
import { estimateRecordPending, rememberEstimateRecord } from '../../src-shared/learn/estimate-record';
import type { LearningSample } from '../../src-shared/learn/sample';
import type { Predictor } from '../../src-shared/learn/predictor';
import type { SkippedFamilyShape } from '../../src-shared/learn/options';
import type { FamilyPreference } from '../../src-shared/learn/preferences';
import type { SearchCandidate } from '../../src-shared/learn/search-order';
import type { WhatItWouldTake } from '../../src-shared/learn/relaxation';
import {
  assembleVerified, longestFirst, verificationPlan, verifyTasks, type FamilySelection, type VerifiedCandidate, type VerifiedResult,
} from '../../src-shared/learn/verify';
import { APP_VERSION } from '../../src-shared/lib/version';
import { verifyUpFront, type VerifyUpFront } from '../../src-shared/learn/verify-up-front';
import { parseIntent, type Intent } from '../../src-shared/model/intent';
import type { ProjectFile } from '../store/projectFile';
import { abortError } from '../../src-shared/contract/result';
import type { JobContext } from './jobs';
import { planInWorker } from '../workers/clients/planning-worker';
import type { LearningService } from './learning';
import { restoreRecommendationRequest, type RecordedRequest } from '../../src-shared/learn/stored';
import { replayDifferences, type ReplayDifferences } from './recommend-replay';

/** Intents this large have history order their candidates (a 200-site family takes seconds to generate and sweep). */
const SEARCH_ORDER_MIN_SITES = 200;
const siteTotal = (intent: Intent): number => intent.siteGroups.reduce((n, g) => n + Math.max(g.count ?? 0, g.sites?.length ?? 0), 0);

/** How many worker threads evaluate candidates at once: every core, at most one per candidate. */
const VERIFY_THREADS = Math.max(1, availableParallelism());

export interface RecommendRequest {
  intent: unknown;
  /** Verified: seeds per family (variants). Instant: most options returned. */
  options?: number;
  /** Verified: every applicable family (default), or the instant ranking's top N. */
  families?: FamilySelection;
  /** Record the answer (and verified designs) in this project too. */
  projectId?: string;
  /** Instant: history alone, without the analytic estimate (the first paint; not recorded). */
  historyOnly?: boolean;
}

/** Declared once, in the contract: what recommend:instant answers and recommend:verified's job carries. */
export type RecommendResult = RecommendResultShape;

/** `recommend:instant`, `recommend:verified` and replay of a recorded recommendation. */
export class RecommendService {
  constructor(
    private readonly learning: LearningService,
    private readonly project: (projectId: string) => ProjectFile,
    private readonly now: () => number = Date.now,
    /** The project's learnt, switched-on family preferences (LearntEffectsService): they order equally good options. */
    private readonly preferencesFor: (projectId: string) => FamilyPreference[] = () => [],
    /** History's order for trying candidates (search-order.ts), or the given order when the project switched it off. */
    private readonly searchOrderFor: (intent: Intent, candidates: readonly SearchCandidate[], projectId?: string) => SearchCandidate[] = (_i, c) => [...c],
  ) {}

  /**
   * The analytic estimate of every family with history's share (learn/estimate.ts; about 2 s CPU at 500
   * sites), or with `historyOnly` history + predictor alone (< 50 ms at 500 sites once the predictor is
   * fitted): the first paint, not recorded, which the full answer replaces.
   */
  async instant(req: RecommendRequest): Promise<RecommendResult> {
    const intent = this.parse(req.intent);
    const at = this.now();
    const history = this.learning.history(at);
    const request: RecordedRequest = { intent, mode: 'instant', options: req.options ?? null, historyBefore: at, historyCount: history.length };
    // The predictor is fitted in a worker when history has grown (at start, LearningService.warm): not on the host's thread.
    const predictorReady = this.learning.predictorReady(history);
    if (req.historyOnly === true) {
      // The first paint, not recorded and replaced by the full answer: the last fitted predictor will do while a
      // refit for samples recorded since (each generated design adds one) runs in its worker.
      const predictor = this.learning.lastPredictor() ?? (await predictorReady);
      return { ...this.answer({ ...request, historyOnly: true }, undefined, predictor), recordId: null };
    }
    // The estimate generates every family, and history's record of it regenerates up to 60 designs
    // the first time: both in worker threads, side by side, so the host keeps answering.
    const key = JSON.stringify(intent);
    const estimating = this.estimatesInWorkers(intent);
    // A verification of this intent asked meanwhile waits for these sized designs rather than sizing them again beside them.
    this.estimating = { key, estimates: estimating };
    let estimates: FamilyEstimates | null;
    try {
      [estimates] = await Promise.all([estimating, this.estimateRecordReady(history), predictorReady]);
    } finally {
      if (this.estimating?.estimates === estimating) this.estimating = null;
    }
    this.lastEstimates = { key, estimates };
    const rec = this.answer(request, estimates);
    return { ...rec, recordId: this.store(req.projectId, intent, rec, request) };
  }

  /** Whether the Options view verifies every family at once or estimates first (learn/verify-up-front.ts), decided once per intent. */
  upFront(raw: unknown): VerifyUpFront {
    const intent = this.parse(raw);
    const key = JSON.stringify(intent);
    if (this.lastUpFront?.key !== key) this.lastUpFront = { key, answer: verifyUpFront(intent, VERIFY_THREADS) };
    return this.lastUpFront.answer;
  }

  private lastUpFront: { key: string; answer: VerifyUpFront } | null = null;

  /**
   * Generates and simulates every applicable family (× `options` variants)
   * in worker threads, one per core, the instant ranking's likely best
   * first; each candidate is streamed through the job's progress as it
   * lands (`partial`: RecommendPartialShape), and the exact ranking is the
   * job's value. Records the measured designs into history. A job.
   */
  async verified(req: RecommendRequest, ctx?: JobContext): Promise<RecommendResult> {
    const intent = this.parse(req.intent);
    const at = this.now();
    const history = this.learning.history(at);
    // Kept without their evidence: the ordering needs the counts and words, the record stays small.
    const preferences = (req.projectId !== undefined ? this.preferencesFor(req.projectId) : []).map((p) => ({ ...p, evidence: [] }));
    const request: RecordedRequest = {
      intent, mode: 'verified', options: req.options ?? null, historyBefore: at, historyCount: history.length, families: req.families ?? 'all',
      ...(preferences.length > 0 ? { preferences } : {}),
    };
    // The predictor of exactly this history (the answer's instant part, recorded and replayed) is often being refitted
    // in a worker when Options is opened (each generated design adds a sample: 1-2 s of CPU on the shipped history).
    // With every family verified it is awaited beside the candidates, not before them: until then the last fitted
    // predictor orders them, and the order decides only which result streams in first (the ranking is exact whatever
    // the order, verify.ts). With `top:N` the instant ranking picks the families, so it waits for the exact predictor.
    const exact = this.learning.predictorReady(history);
    exact.catch(() => undefined); // awaited below; a failure while the candidates run is not "unhandled"
    const estimates = await this.estimatesForVerified(intent, request);
    const ordering = (request.families === 'all' ? this.learning.lastPredictor() : null) ?? (await exact);
    const plan = this.planFor(request, this.instantFor(request, estimates, ordering));
    // Large intents take seconds per candidate: history picks which to try first, so the likely
    // answers stream in early (the final ranking is exact whatever the order).
    if (siteTotal(intent) >= SEARCH_ORDER_MIN_SITES) {
      const order = this.searchOrderFor(intent, plan.tasks.map((t) => ({ family: t.family, variant: t.seed })), req.projectId);
      plan.tasks = order.map((c) => ({ family: c.family, seed: c.variant }));
    }
    const total = plan.tasks.length;
    const landed: VerifiedCandidate[] = [];
    const skipped: SkippedFamilyShape[] = [...plan.skipped];
    const partial = (): RecommendPartialShape => ({ verified: landed.map((c) => c.option), skipped: [...skipped] });
    ctx?.progress(0, total, `evaluating ${total} candidate(s); ${skipped.length} famil${skipped.length === 1 ? 'y' : 'ies'} not applicable`, partial());
    // Generating and simulating takes seconds on large intents: in worker threads, so the host keeps answering and Cancel is at once.
    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    ctx?.signal.addEventListener('abort', onAbort, { once: true });
    const threads = Math.min(VERIFY_THREADS, total);
    // The candidate predicted to take longest starts first, beside the others (verify.ts longestFirst).
    const tasks = longestFirst(plan.tasks, threads);
    // Every thread takes the next candidate in the instant order as it finishes one (a shared counter):
    // the likely best start first, and a long candidate (a 500-site partial mesh) never holds others
    // queued behind it on its thread while the other thread idles, as fixed round-robin shares did.
    const claim = new SharedArrayBuffer(4);
    // Designs the instant estimate of this intent already generated and sized: identical to generating them again.
    const prepared = tasks.map((t) => this.prepared.get(intent, t.family, t.seed)).filter((p) => p !== undefined);
    let done = 0;
    try {
      await Promise.all(
        Array.from({ length: threads }, () =>
          planInWorker(
            { kind: 'verify', intent, tasks, meta: { softwareVersion: APP_VERSION, now: request.historyBefore }, claim, prepared },
            {
              signal: stop.signal,
              onProgress: (_d, _t, label, got) => {
                if (got === undefined) return;
                if ('skipped' in got) skipped.push(got.skipped);
                else landed.push(got);
                done++;
                ctx?.progress(done, total, `generated and simulated ${done} of ${total} candidates (${label})`, partial());
              },
            },
          ),
        ),
      );
    } catch (err) {
      stop.abort();
      if (ctx?.signal.aborted === true) throw abortError();
      throw err;
    } finally {
      ctx?.signal.removeEventListener('abort', onAbort);
    }
    if (ctx?.signal.aborted === true) throw abortError();
    const aborted = (): boolean => ctx?.signal.aborted === true;
    const instant = this.instantFor(request, estimates, await exact);
    if (aborted()) throw abortError();
    const v = assembleVerified(intent, landed, skipped, instant, request.preferences ?? []);
    // No option meets the intent: what would it take (learn/relaxation.ts), also generating and measuring, so in a worker too.
    let relaxations: WhatItWouldTake | null = null;
    if (landed.length > 0 && !landed.some((c) => c.option.success)) {
      try {
        relaxations = await planInWorker(
          { kind: 'relax', intent, candidates: landed, meta: { softwareVersion: APP_VERSION, now: request.historyBefore } },
          { signal: ctx?.signal, onProgress: (_d, _t, label) => ctx?.progress(total, total, label) },
        );
      } catch (err) {
        if (aborted()) throw abortError();
        throw err;
      }
    }
    if (aborted()) throw abortError();
    this.learning.record(v.ranked.map((c) => c.sample), req.projectId);
    const { ranked: _ranked, ...plain } = v;
    return {
      ...plain,
      relaxations,
      paretoFront: plain.options.filter((o) => o.verified?.onFront === true).map((o) => ({ family: o.family, seed: o.verified!.seed })),
      recordId: this.store(req.projectId, intent, plain, request),
    };
  }

/**
   * Recomputes a recorded recommendation from its request and the history it saw; identical when nothing
   * drifted. Otherwise says what differs: the answer (ranking, figures, verdicts) or only its presentation
   * (wording, fields added since the record) — recommend-replay.ts.
   */
  replay(input: { projectId: string; recommendationId: string }): ReplayDifferences & { recorded: unknown; replayed: unknown } {
    const rec = this.project(input.projectId).recommendations.get(input.recommendationId);
    if (!rec) throw new AppError('NOT_FOUND', `recommendation ${input.recommendationId} not found`);
    const request = restoreRecommendationRequest(rec.request, `recommendation_history.request_json of ${rec.id}`);
    const answer = this.answer(request);
    const { ranked: _r, ...plain } = answer as Partial<VerifiedResult>;
    const replayed: unknown = JSON.parse(JSON.stringify(plain));
    return { ...replayDifferences(rec.result, replayed), recorded: rec.result, replayed };
  }

  /** The instant estimates' sized designs, by intent, family and seed, bounded in bytes (prepared-designs.ts). */
  private readonly prepared = new PreparedDesigns();

  /** Bytes of the estimates' sized designs held for verification (bench:recommend and tests read it). */
  get preparedBytes(): number {
    return this.prepared.bytes;
  }

  /** The analytic estimate in progress, by intent (JSON). */
  private estimating: { key: string; estimates: Promise<FamilyEstimates | null> } | null = null;

  /** The last analytic estimate answered (the Options view asks for it before verifying the same intent). */
  private lastEstimates: { key: string; estimates: FamilyEstimates | null } | null = null;

  /**
   * The estimates verified mode orders its candidates by. The estimate generates every family (2–3 s
   * CPU at 500 sites) and verification generates them all again, so it is not computed twice: the
   * instant answer's estimate of the same intent is reused; with every family to verify (the order
   * only decides which stream in first) history alone orders them, said in the record (`historyOnly`)
   * so a replay orders the same; only `top:N`, where the estimate picks which families run, computes it.
   */
  private async estimatesForVerified(intent: Intent, request: RecordedRequest): Promise<FamilyEstimates | null> {
    const key = JSON.stringify(intent);
    if (this.lastEstimates?.key === key) return this.lastEstimates.estimates;
    // The estimate of this intent is under way (Verify clicked before it landed): it sizes every family verification
    // would size, on the same cores, so its designs are awaited and taken (prepared-designs.ts) instead.
    if (this.estimating?.key === key) {
      const pending = this.estimating.estimates;
      const got = await pending.then((e) => ({ e }), () => null);
      if (got !== null) return got.e;
    }
    if (request.families === 'all') {
      request.historyOnly = true;
      return null;
    }
    const [estimates] = await Promise.all([this.estimatesInWorkers(intent), this.estimateRecordReady(this.learning.history(request.historyBefore))]);
    return estimates;
  }

  /** The analytic estimate of every family, its families shared over one worker per core (estimate-shares.ts); the same answer as one call. */
  private async estimatesInWorkers(intent: Intent): Promise<FamilyEstimates | null> {
    const shares = instantEstimateShares(intent, VERIFY_THREADS);
    if (shares === null) return null;
    const answers = await Promise.all(shares.map((families) => planInWorker({ kind: 'estimate', intent, families, prepare: true })));
    // The sized designs, kept for a verification of the same intent (prepared-designs.ts): it then routes no failure again.
    for (const a of answers) for (const p of a.prepared) this.prepared.put(intent, p);
    return mergeEstimates(intent, answers.map((a) => a.estimates));
  }

  /** History's record of the estimate (what P(success) and the cost correction rest on), measured in a worker when not yet known. */
  private async estimateRecordReady(history: readonly LearningSample[]): Promise<void> {
    const pool = estimateRecordPending(history);
    if (pool !== null) rememberEstimateRecord(pool, await planInWorker({ kind: 'estimate-record', pool }));
  }

  /** The instant ranking on the history the request saw. */
  private instantFor(r: RecordedRequest, estimates?: FamilyEstimates | null, predictor?: Predictor): Recommendation {
    const history = this.learning.history(r.historyBefore);
    if (history.length !== r.historyCount) {
      throw new AppError('CONFLICT', `history before the request had ${r.historyCount} samples, the knowledge base now has ${history.length}`);
    }
    // Estimates computed elsewhere (a worker) are those recommendInstant would compute (instantEstimates); a replay computes them here.
    return recommendInstant(r.intent, history, predictor ?? this.learning.predictor(history), undefined, r.historyOnly === true ? null : estimates);
  }

  /** The candidates a verified answer evaluates (requests recorded before every family was verified asked for the top 4). */
  private planFor(r: RecordedRequest, instant: Recommendation): ReturnType<typeof verificationPlan> {
    return verificationPlan(r.intent, r.families ?? { top: 4 }, instant.options.map((o) => o.family), r.options ?? 1);
  }

  /** The answer on this thread (instant, and the replay of a recorded one). */
  private answer(r: RecordedRequest, estimates?: FamilyEstimates | null, predictor?: Predictor): Recommendation {
    const instant = this.instantFor(r, estimates, predictor);
    if (r.mode === 'instant') {
      return r.options !== null ? { ...instant, options: instant.options.slice(0, Math.max(1, r.options)) } : instant;
    }
    const plan = this.planFor(r, instant);
    const run = verifyTasks(r.intent, plan.tasks, { softwareVersion: APP_VERSION, now: r.historyBefore });
    return assembleVerified(r.intent, run.candidates, [...plan.skipped, ...run.skipped], instant, r.preferences ?? []);
  }

  private store(projectId: string | undefined, intent: Intent, rec: Recommendation, req: RecordedRequest): string | null {
    if (projectId === undefined) return null;
    const project = this.project(projectId);
    const at = req.historyBefore;
    const result: unknown = JSON.parse(JSON.stringify(rec));
    return project.transaction(() => {
      const intentRec = project.intents.insert(intent.name, intent);
      const row = project.recommendations.insert({
        intentId: intentRec.id, mode: rec.mode, request: req, result, chosenFamily: rec.options[0]?.family ?? null, createdAt: at,
      });
      project.audit.append('system', `recommend.${rec.mode}`, row.id, { top: rec.options[0]?.family ?? null });
      return row.id;
    });
  }

  private parse(raw: unknown): Intent {
    const r = parseIntent(raw);
    if (!r.ok) throw new AppError('INVALID_INPUT', `invalid intent: ${r.problems.slice(0, 5).join('; ')}`);
    return r.intent;
  }
}
