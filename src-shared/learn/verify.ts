import { generateDesign, GenerateError, NotApplicableError, type Design } from '../generate/generate';
import { hash32 } from '../lib/rng';
import type { Intent } from '../model/intent';
import type { Family } from '../model/topology';
import { compareForGoal, GOAL_WORDS } from './goal';
import type { SkippedFamilyShape } from './options';
import { paretoFront } from './pareto';
import type { Recommendation, RecommendedOption } from './recommend';
import { sampleFromDesign, type LearningSample } from './sample';
import { roundSig } from './stats';

/**
 * Verified recommendation: generate every candidate family (with `variants`
 * seeds each: 1, 2, …), measure each design (cost, p95 latency,
 * availability; sample.ts), label success, and rank: successful designs
 * first by the goal measure (goal.ts), then the rest. The Pareto front is
 * taken over (cost, p95 latency, downtime) of the successful designs (all
 * designs when none succeeds). Every measured design comes back as a
 * LearningSample so the caller can record it into history.
 * Deterministic: sample ids are a hash of (intent, family, seed).
 * O(candidates · variants · (generate + sweep)).
 */
export interface VerifiedCandidate {
  design: Design;
  sample: LearningSample;
  onFront: boolean;
}

export interface VerifiedResult extends Recommendation {
  candidates: VerifiedCandidate[];
  skipped: SkippedFamilyShape[];
}

export function sampleId(intent: Intent, family: Family, seed: number): string {
  const text = JSON.stringify(intent);
  return `s-${hash32(text).toString(16)}-${hash32(`${text}|${family}|${seed}`).toString(16)}-${family}-${seed}`;
}

export function recommendVerified(
  intent: Intent,
  families: readonly Family[],
  opts: {
    variants?: number;
    softwareVersion: string;
    now: number;
    instant?: Recommendation;
    /** Called after each candidate (family × variant) is generated and measured: progress for a job. */
    onCandidate?: (done: number, total: number, label: string) => void;
  },
): VerifiedResult {
  const variants = Math.max(1, opts.variants ?? 1);
  const total = families.length * variants;
  let done = 0;
  const candidates: VerifiedCandidate[] = [];
  const skipped: SkippedFamilyShape[] = [];
  for (const family of families) {
    for (let seed = 1; seed <= variants; seed++) {
      let design: Design;
      try {
        design = generateDesign(intent, family, seed);
      } catch (err) {
        if (!(err instanceof GenerateError)) throw err;
        if (seed === 1) skipped.push({ family, reason: err.message, notApplicable: err instanceof NotApplicableError });
        done += variants - seed + 1;
        opts.onCandidate?.(done, total, `${family}: cannot be built`);
        break;
      }
      const sample = sampleFromDesign(design, intent, {
        id: sampleId(intent, family, seed),
        origin: 'verified',
        softwareVersion: opts.softwareVersion,
        createdAt: opts.now,
      });
      candidates.push({ design, sample, onFront: false });
      opts.onCandidate?.(++done, total, `${family} seed ${seed}`);
    }
  }
  const ok = candidates.filter((c) => c.sample.label.success);
  const pool = ok.length > 0 ? ok : candidates;
  const front = new Set(paretoFront(pool, (c) => [c.sample.metrics.costUsd, c.sample.metrics.p95LatencyMs, c.sample.metrics.downtimeMinPerYear]));
  for (const c of candidates) c.onFront = front.has(c);
  candidates.sort(
    (a, b) =>
      Number(b.sample.label.success) - Number(a.sample.label.success) ||
      compareForGoal(intent.goal, a.sample.metrics, b.sample.metrics) ||
      a.design.seed - b.design.seed,
  );
  const options: RecommendedOption[] = candidates.map((c) => describeVerified(intent, c, opts.instant));
  return {
    mode: 'verified',
    goal: intent.goal,
    novelty: opts.instant?.novelty ?? null,
    realWorld: opts.instant?.realWorld ?? null,
    options,
    model: opts.instant?.model ?? { trainedOn: 0, costMapePct: null, p95MapePct: null },
    candidates,
    skipped,
  };
}

function describeVerified(intent: Intent, c: VerifiedCandidate, instant: Recommendation | undefined): RecommendedOption {
  const m = c.sample.metrics;
  const l = c.sample.label;
  const before = instant?.options.find((o) => o.family === c.design.family);
  const pros: string[] = [];
  const cons: string[] = [];
  if (l.success) pros.push(`verified: validation passed and the failure sweep met ${intent.redundancy}`);
  if (!l.validationPassed) {
    const failed = c.design.validation.checks.filter((k) => !k.passed && k.severity === 'error').map((k) => k.title);
    cons.push(`validation failed: ${failed.join(', ')}`);
  }
  if (!l.sweepMet) cons.push(`failure sweep: does not survive the failures ${intent.redundancy} requires`);
  if (!l.withinBudget) cons.push('over budget');
  if (c.onFront) pros.push('on the Pareto front of cost, p95 latency and downtime');
  const rationale =
    `generated (seed ${c.design.seed}) and simulated: ${Math.round(m.costUsd).toLocaleString('en-US')} USD, p95 ${m.p95LatencyMs.toFixed(1)} ms, ` +
    `${m.downtimeMinPerYear.toFixed(2)} min/yr expected downtime; ranked for ${GOAL_WORDS[intent.goal]}` +
    (before && before.predicted.costUsd !== null
      ? `; instant mode had predicted ${Math.round(before.predicted.costUsd).toLocaleString('en-US')} USD and P(success) ${Math.round(100 * before.successProbability)} %.`
      : '.');
  return {
    family: c.design.family,
    confidence: l.success ? 1 : 0,
    successProbability: l.success ? 1 : 0,
    predicted: { costUsd: Math.round(m.costUsd), p95LatencyMs: roundSig(m.p95LatencyMs, 4), availability: roundSig(m.availability, 8) },
    intervals: null,
    pros,
    cons,
    rationale,
    evidence: before?.evidence ?? { family: c.design.family, similar: 0, feasible: 0, interval: { low: 0, high: 1 }, nearest: null, familiar: false },
  };
}
