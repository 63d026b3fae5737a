import type { RecommendResultShape } from '../../src-shared/contract/learn-types';
import { AppError } from '../../src-shared/contract/result';
import { recommendInstant, type Recommendation } from '../../src-shared/learn/recommend';
import { recommendVerified, type VerifiedResult } from '../../src-shared/learn/verify';
import type { WhatItWouldTake } from '../../src-shared/learn/relaxation';
import type { Family } from '../../src-shared/model/topology';
import { APP_VERSION } from '../../src-shared/lib/version';
import { parseIntent, type Intent } from '../../src-shared/model/intent';
import type { ProjectFile } from '../store/projectFile';
import { abortError } from '../../src-shared/contract/result';
import type { JobContext } from './jobs';
import { planInWorker } from '../workers/clients/planning-worker';
import type { LearningService } from './learning';
import { restoreRecommendationRequest, type RecordedRequest } from '../../src-shared/learn/stored';

/** Families verified by default: the instant ranking's top ones. */
export const VERIFIED_CANDIDATES = 4;

export interface RecommendRequest {
  intent: unknown;
  /** Verified: seeds per candidate family (variants). Instant: most options returned. */
  options?: number;
  /** Record the answer (and verified designs) in this project too. */
  projectId?: string;
}

/** Declared once, in the contract: what recommend:instant answers and recommend:verified's job carries. */
export type RecommendResult = RecommendResultShape;


/** `recommend:instant`, `recommend:verified` and replay of a recorded recommendation. */
export class RecommendService {
  constructor(
    private readonly learning: LearningService,
    private readonly project: (projectId: string) => ProjectFile,
    private readonly now: () => number = Date.now,
  ) {}

  /** History + predictor only; < 50 ms for a 500-site intent once the predictor is fitted. */
  instant(req: RecommendRequest): RecommendResult {
    const intent = this.parse(req.intent);
    const at = this.now();
    const history = this.learning.history(at);
    const request: RecordedRequest = { intent, mode: 'instant', options: req.options ?? null, historyBefore: at, historyCount: history.length };
    const rec = this.answer(request);
    return { ...rec, recordId: this.store(req.projectId, intent, rec, request) };
  }

  /** Generates and simulates the top candidates (× `options` variants), records them into history. A job. */
  async verified(req: RecommendRequest, ctx?: JobContext): Promise<RecommendResult> {
    const intent = this.parse(req.intent);
    const at = this.now();
    const history = this.learning.history(at);
    ctx?.progress(0, 1, 'ranking');
    const request: RecordedRequest = { intent, mode: 'verified', options: req.options ?? null, historyBefore: at, historyCount: history.length };
    const { instant, families } = this.instantFor(request);
    // Generating and simulating every candidate takes seconds to minutes: in a worker thread, cancelled at once.
    let v: VerifiedResult & { relaxations: WhatItWouldTake | null };
    try {
      v = await planInWorker(
        { kind: 'verify', intent, families, opts: { variants: request.options ?? 1, softwareVersion: APP_VERSION, now: request.historyBefore, instant } },
        { signal: ctx?.signal, onProgress: (done, total, label) => ctx?.progress(done, total, `generated and simulated ${done} of ${total} candidates (${label})`) },
      );
    } catch (err) {
      if (ctx?.signal.aborted === true) throw abortError();
      throw err;
    }
    if (ctx?.signal.aborted === true) throw abortError();
    this.learning.record(v.candidates.map((c) => c.sample), req.projectId);
    ctx?.progress(1, 1, 'done');
    const { candidates, skipped: _skipped, relaxations, ...plain } = v;
    return {
      ...plain,
      relaxations,
      paretoFront: candidates.filter((c) => c.onFront).map((c) => ({ family: c.design.family, seed: c.design.seed })),
      recordId: this.store(req.projectId, intent, plain, request),
    };
  }

  /** Recomputes a recorded recommendation from its request and the history it saw; identical when nothing drifted. */
  replay(input: { projectId: string; recommendationId: string }): { identical: boolean; recorded: unknown; replayed: unknown } {
    const rec = this.project(input.projectId).recommendations.get(input.recommendationId);
    if (!rec) throw new AppError('NOT_FOUND', `recommendation ${input.recommendationId} not found`);
    const request = restoreRecommendationRequest(rec.request, `recommendation_history.request_json of ${rec.id}`);
    const answer = this.answer(request);
    const { candidates: _c, skipped: _s, ...plain } = answer as ReturnType<typeof recommendVerified>;
    const replayed: unknown = JSON.parse(JSON.stringify(plain));
    return { identical: JSON.stringify(replayed) === JSON.stringify(rec.result), recorded: rec.result, replayed };
  }

  /** The instant ranking on the history the request saw, and the families a verified answer checks. */
  private instantFor(r: RecordedRequest): { instant: Recommendation; families: Family[] } {
    const history = this.learning.history(r.historyBefore);
    if (history.length !== r.historyCount) {
      throw new AppError('CONFLICT', `history before the request had ${r.historyCount} samples, the knowledge base now has ${history.length}`);
    }
    const instant = recommendInstant(r.intent, history, this.learning.predictor(history));
    return { instant, families: instant.options.slice(0, VERIFIED_CANDIDATES).map((o) => o.family) };
  }

  /** The answer on this thread (instant, and the replay of a recorded one). */
  private answer(r: RecordedRequest): Recommendation {
    const { instant, families } = this.instantFor(r);
    if (r.mode === 'instant') {
      return r.options !== null ? { ...instant, options: instant.options.slice(0, Math.max(1, r.options)) } : instant;
    }
    return recommendVerified(r.intent, families, {
      variants: r.options ?? 1,
      softwareVersion: APP_VERSION,
      now: r.historyBefore,
      instant,
    });
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
