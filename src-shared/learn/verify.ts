import { notApplicableFamilies } from '../generate/applicability';
import { familyWork } from './family-work';
import { generateDesign, GenerateError, NotApplicableError, type Design } from '../generate/generate';
import { hash32 } from '../lib/rng';
import type { Intent } from '../model/intent';
import { TOPOLOGY_FAMILIES, type Family } from '../model/topology';
import { GOAL_WORDS } from './goal';
import { failedConstraints, measuredOf, rankVerified, verdictText, type SkippedFamilyShape, type VerifiedOption } from './options';
import { paretoFront } from './pareto';
import { designFromPrepared, type PreparedDesign } from './prepared-designs';
import { preferenceOrder, type FamilyPreference } from './preferences';
import { noveltyNote, type Recommendation, type RecommendedOption } from './recommend';
import { sampleFromDesign, type LearningSample } from './sample';
import { roundSig } from './stats';

/**
 * Verified recommendation: generate every applicable family (with `variants`
 * seeds each: 1, 2, …), measure each design (cost, p95 latency,
 * availability; sample.ts), label success, list the constraints it fails,
 * and rank them in the one order of options.ts (compareVerified): options
 * that meet the intent first by the goal's own measure, then the others by
 * how close they come. The Pareto front is taken over (cost, p95 latency,
 * downtime) of the options that meet the intent (all of them when none
 * does). Families that are not applicable to the sites, or cannot be built,
 * are listed in `skipped` with the reason. Every measured design comes back
 * as a LearningSample so the caller can record it into history.
 * Deterministic: sample ids are a hash of (intent, family, seed); the
 * ranking does not depend on the order candidates were evaluated in, so
 * candidates can be evaluated in parallel and streamed as they land.
 * O(candidates · (generate + sweep)).
 */
export interface VerifiedResult extends Recommendation {
  /** Every measured candidate in the ranking's order (the option and the sample history records). */
  ranked: VerifiedCandidate[];
  skipped: SkippedFamilyShape[];
}

/** One candidate: its family and seed. */
export interface VerifyTask {
  family: Family;
  seed: number;
}

/** A measured candidate: the option every surface shows, and the sample history records. */
export interface VerifiedCandidate {
  option: VerifiedOption;
  sample: LearningSample;
  /** The design's validation (checks and path metrics): what "what would it take" (relaxation.ts) reads; the design itself stays in the worker. */
  validation: Design['validation'];
}

export function sampleId(intent: Intent, family: Family, seed: number): string {
  const text = JSON.stringify(intent);
  return `s-${hash32(text).toString(16)}-${hash32(`${text}|${family}|${seed}`).toString(16)}-${family}-${seed}`;
}

/** Which families verification is asked for: every applicable one, or the instant ranking's top N of them. */
export type FamilySelection = 'all' | { top: number };

/**
 * The families to evaluate and those left out: not-applicable families
 * (applicability.ts, from the sites alone) are listed with their reason and
 * never generated. `ranked` is the instant ranking's order, so the likely
 * best are evaluated (and stream in) first.
 */
export function verificationPlan(
  intent: Intent,
  selection: FamilySelection,
  ranked: readonly Family[],
  variants: number,
): { tasks: VerifyTask[]; skipped: SkippedFamilyShape[] } {
  const skipped: SkippedFamilyShape[] = notApplicableFamilies(intent).map((s) => ({ ...s, notApplicable: true }));
  const out = new Set(skipped.map((s) => s.family));
  const order = [...ranked, ...TOPOLOGY_FAMILIES.filter((f) => !ranked.includes(f))].filter((f) => !out.has(f));
  const families = selection === 'all' ? order : order.slice(0, Math.max(1, selection.top));
  const tasks: VerifyTask[] = [];
  // Seed 1 of every family first: the ranking is complete in outline before any second variant.
  for (let seed = 1; seed <= Math.max(1, variants); seed++) for (const family of families) tasks.push({ family, seed });
  return { tasks, skipped };
}

/**
 * With several threads taking candidates in turn (verifyTasks' claim), the
 * one predicted to take longest starts first and the rest keep their order:
 * it then runs beside the others instead of alone at the end (at 500 sites
 * the partial mesh, last in history's order, finished ~1 s after the
 * others), while the other thread streams the likely best as before. The
 * ranking is exact whatever the order. One thread: the order is kept.
 */
export function longestFirst(tasks: readonly VerifyTask[], threads: number): VerifyTask[] {
  if (threads < 2 || tasks.length < 2) return [...tasks];
  const work = (t: VerifyTask): number => familyWork(t.family);
  let top = 0;
  for (let i = 1; i < tasks.length; i++) if (work(tasks[i]!) > work(tasks[top]!)) top = i;
  return [tasks[top]!, ...tasks.filter((_, i) => i !== top)];
}

/** Generates and measures one candidate; a family that cannot be built comes back as skipped. */
export function verifyCandidate(
  intent: Intent,
  task: VerifyTask,
  meta: { softwareVersion: string; now: number },
  /** The instant estimate's generated and sized design of this task (prepared-designs.ts): taken instead of generating it again. */
  prepared?: PreparedDesign,
): VerifiedCandidate | { skipped: SkippedFamilyShape } {
  let design: Design;
  const own = prepared !== undefined && prepared.family === task.family && prepared.seed === task.seed ? prepared : undefined;
  try {
    design = own !== undefined ? designFromPrepared(intent, own) : generateDesign(intent, task.family, task.seed);
  } catch (err) {
    if (!(err instanceof GenerateError)) throw err;
    return { skipped: { family: task.family, reason: err.message, notApplicable: err instanceof NotApplicableError } };
  }
  const sample = sampleFromDesign(design, intent, {
    id: sampleId(intent, task.family, task.seed),
    origin: 'verified',
    softwareVersion: meta.softwareVersion,
    createdAt: meta.now,
  }, own?.measures);
  const option: VerifiedOption = {
    family: task.family,
    seed: task.seed,
    success: sample.label.success,
    ...measuredOf(intent.goal, sample.metrics),
    failed: failedConstraints(intent, design, sample),
    onFront: false,
  };
  return { option, sample, validation: design.validation };
}

/**
 * Evaluates the tasks in order on this thread (the planning worker runs it
 * on its share of the tasks); `onLanded` after each, with the candidate or
 * the family left out.
 */
export function verifyTasks(
  intent: Intent,
  tasks: readonly VerifyTask[],
  meta: { softwareVersion: string; now: number },
  onLanded?: (landed: VerifiedCandidate | { skipped: SkippedFamilyShape }, task: VerifyTask) => void,
  /**
   * The index of the next task to evaluate (tasks.length or more: none left). Threads sharing one
   * counter each take the next task as they finish one, so a long candidate never leaves the others
   * queued behind it on one thread while another thread idles. Default: every task, in order.
   */
  claim?: () => number,
  /** Designs the instant estimate already generated and sized, by task (prepared-designs.ts). */
  preparedFor?: (task: VerifyTask) => PreparedDesign | undefined,
): { candidates: VerifiedCandidate[]; skipped: SkippedFamilyShape[] } {
  const candidates: VerifiedCandidate[] = [];
  const skipped: SkippedFamilyShape[] = [];
  const failedFamilies = new Set<Family>();
  let next = 0;
  const take = claim ?? (() => next++);
  for (let i = take(); i < tasks.length; i = take()) {
    const task = tasks[i]!;
    // A family that cannot be built with seed 1 is not tried again with seed 2.
    if (failedFamilies.has(task.family)) continue;
    const r = verifyCandidate(intent, task, meta, preparedFor?.(task));
    if ('skipped' in r) {
      failedFamilies.add(task.family);
      skipped.push(r.skipped);
    } else candidates.push(r);
    onLanded?.(r, task);
  }
  return { candidates, skipped };
}

/** The exact ranking of every measured candidate, with its Pareto front and the words of each option. */
export function assembleVerified(
  intent: Intent,
  candidates: readonly VerifiedCandidate[],
  skipped: readonly SkippedFamilyShape[],
  instant: Recommendation | undefined,
  /** Learnt, switched-on family preferences (preferences.ts): they order only options equally good on the goal. */
  preferences: readonly FamilyPreference[] = [],
): VerifiedResult {
  const ok = candidates.filter((c) => c.option.success);
  const pool = ok.length > 0 ? ok : candidates;
  const front = new Set(paretoFront(pool, (c) => [c.option.measured.costUsd, c.option.measured.p95LatencyMs, c.option.measured.downtimeMinPerYear]));
  const withFront = candidates.map((c) => ({ ...c, option: { ...c.option, onFront: front.has(c) } }));
  const byGoal = rankVerified(intent.goal, withFront.map((c) => c.option));
  const preferred = preferenceOrder(byGoal, { measure: (o) => o.goalMeasure, family: (o) => o.family, eligible: (o) => o.success }, preferences);
  const ranked = preferred.order;
  const learnt = new Map(preferred.moves.map((m, i) => [m.option, preferred.explanations[i]!]));
  const candidateOf = new Map(withFront.map((c) => [c.option, c]));
  // Two workers may each find that a family cannot be built (seed 1 and seed 2): list it once.
  const skippedSorted = [...new Map(skipped.map((s) => [s.family, s])).values()].sort((a, b) => TOPOLOGY_FAMILIES.indexOf(a.family) - TOPOLOGY_FAMILIES.indexOf(b.family));
  return {
    mode: 'verified',
    goal: intent.goal,
    // Measured, not extrapolated: the instant answer's note on history, without its words on confidence (recommend.ts noveltyNote).
    novelty: instant !== undefined ? noveltyNote(instant.options.map((o) => o.evidence), null) : null,
    realWorld: instant?.realWorld ?? null,
    options: ranked.map((o) => {
      const d = describeVerified(intent, o, instant);
      // Moved by a learnt preference: said in its rationale, with the evidence in words.
      const why = learnt.get(o);
      return why === undefined ? d : { ...d, rationale: `${d.rationale} Placed by this organisation's past decisions — ${why}` };
    }),
    model: instant?.model ?? { trainedOn: 0, costMapePct: null, p95MapePct: null },
    ranked: ranked.map((option) => candidateOf.get(option)!),
    skipped: skippedSorted,
  };
}

/** Plans, evaluates every task on this thread and assembles: the answer the worker pool gives, in one thread. */
export function recommendVerified(
  intent: Intent,
  opts: {
    families?: FamilySelection;
    variants?: number;
    softwareVersion: string;
    now: number;
    instant?: Recommendation;
  },
): VerifiedResult {
  const plan = verificationPlan(intent, opts.families ?? 'all', opts.instant?.options.map((o) => o.family) ?? [], opts.variants ?? 1);
  const r = verifyTasks(intent, plan.tasks, opts);
  return assembleVerified(intent, r.candidates, [...plan.skipped, ...r.skipped], opts.instant);
}

function describeVerified(intent: Intent, o: VerifiedOption, instant: Recommendation | undefined): RecommendedOption {
  const m = o.measured;
  const before = instant?.options.find((x) => x.family === o.family);
  const pros: string[] = [];
  const cons: string[] = [];
  if (o.success) pros.push(`verified: meets the intent (validation passed, the failure sweep met ${intent.redundancy}${intent.budgetUsd !== undefined ? ', within budget' : ''})`);
  for (const f of o.failed) {
    cons.push(`fails ${f.title}${f.shortfall !== null && f.shortfall > 0 ? ` (${Math.round(100 * f.shortfall)} % over)` : ''}: ${f.message}`);
  }
  if (o.onFront) pros.push('on the Pareto front of cost, p95 latency and downtime');
  const rationale =
    `generated (seed ${o.seed}) and simulated: ${verdictText(o)}; ${Math.round(m.costUsd).toLocaleString('en-US')} USD, p95 ${m.p95LatencyMs.toFixed(1)} ms, ` +
    `${m.downtimeMinPerYear.toFixed(2)} min/yr expected downtime; ranked for ${GOAL_WORDS[intent.goal]}` +
    (before && before.predicted.costUsd !== null ? `; the instant estimate had been ${Math.round(before.predicted.costUsd).toLocaleString('en-US')} USD.` : '.');
  return {
    family: o.family,
    confidence: o.success ? 1 : 0,
    successProbability: o.success ? 1 : 0,
    predicted: { costUsd: Math.round(m.costUsd), p95LatencyMs: roundSig(m.p95LatencyMs, 4), availability: roundSig(m.availability, 8) },
    intervals: null,
    pros,
    cons,
    rationale,
    evidence: before?.evidence ?? { family: o.family, similar: 0, feasible: 0, interval: { low: 0, high: 1 }, nearest: null, familiar: false },
    verified: o,
  };
}
