import type { Design } from '../generate/generate';
import { redundancyRank, type Intent, type Redundancy } from '../model/intent';
import type { Family, Topology } from '../model/topology';
import { compileTopology } from '../sim/csr';
import type { ValidationResult } from '../validate/types';
import { availabilityOf, type AvailabilityReport } from './availability';
import { FEATURE_SET_VERSION, intentFeatures } from './features';
import { p95SiteLatencyMs } from './latency';

/**
 * The version of the model a sample's measurement came from: the
 * generators, the price book and cost model, validation, the failure model
 * and the latency model (docs/planning-model.md, docs/cost-model.md). Bump it
 * with any change that moves a measured figure or a label. A sample measured
 * by another model is never mixed into a fit (currentSample): its cost and
 * success answer a different question. Version 1: every row recorded before
 * samples carried the version (unknown model, so left out); version 2: the
 * planning model and designs-and-costs issues (2026-12).
 */
export const MODEL_VERSION = 2;

/** What the twin measured on one design (by generation + simulation). */
export interface DesignMetrics {
  costUsd: number;
  p95LatencyMs: number;
  availability: number;
  downtimeMinPerYear: number;
  incidentsPerYear: number;
}

/**
 * Success of a design for its intent (the learning twin's label):
 * 1. its validation passed (every error check: connectivity, the required
 *    redundancy levels, hops, latency budgets, ports, oversubscription,
 *    capacity, budget), and
 * 2. its failure sweep met the redundancy class: for HIGH and CRITICAL no
 *    single link or device failure disconnects any two surviving devices,
 *    and for CRITICAL no two link failures do either (when the pair sweep
 *    ran); STANDARD and NONE rely on the validation's bridge analysis, and
 * 3. it is within budget (when the intent has one).
 * `feasible` is 1 and 2 without the budget: budget is predicted separately
 * from the cost prediction, so one label does not mix two questions.
 */
export interface SuccessLabel {
  success: boolean;
  feasible: boolean;
  withinBudget: boolean;
  validationPassed: boolean;
  sweepMet: boolean;
  redundancyAchieved: Redundancy | null;
}

export function successOf(
  intent: Pick<Intent, 'redundancy' | 'budgetUsd'>,
  validation: ValidationResult,
  avail: AvailabilityReport,
  costUsd: number,
): SuccessLabel {
  const r = redundancyRank(intent.redundancy);
  let sweepMet = true;
  if (r >= 2) sweepMet = avail.worstLinkPairs === 0 && avail.worstNodePairs === 0;
  if (r >= 3 && avail.worstLinkPairPairs > 0) sweepMet = false;
  const withinBudget = intent.budgetUsd === undefined || costUsd <= intent.budgetUsd;
  const othersPassed = validation.checks.every((c) => c.passed || c.severity !== 'error' || c.id === 'budget');
  const feasible = othersPassed && sweepMet;
  return {
    success: feasible && withinBudget && validation.passed,
    feasible,
    withinBudget,
    validationPassed: validation.passed,
    sweepMet,
    redundancyAchieved: validation.redundancyAchieved,
  };
}

/** Whether labelling a design for this intent reads the worst two-link failure (successOf: CRITICAL only). */
export const needsPairTerm = (intent: Pick<Intent, 'redundancy'>): boolean => redundancyRank(intent.redundancy) >= 3;

/** What measureTopology computes from the topology alone: its availability and p95 site-to-site latency. */
export interface DesignMeasures {
  avail: AvailabilityReport;
  p95LatencyMs: number;
}

/**
 * Metrics of any topology (generated, imported or optimised). `known`: the
 * same two measures already taken of this very topology (the instant
 * estimate measures a sized design exactly so: prepared-designs.ts).
 */
export function measureTopology(
  t: Topology,
  costUsd: number,
  known?: DesignMeasures,
  /** Find the worst two-link failure (availabilityOf's pairTerm): needed only to label a CRITICAL intent (successOf). */
  pairTerm = true,
): { metrics: DesignMetrics; avail: AvailabilityReport } {
  let m = known;
  if (m === undefined) {
    const g = compileTopology(t);
    m = { avail: availabilityOf(t, g, { pairTerm }), p95LatencyMs: p95SiteLatencyMs(t, g) };
  }
  const avail = m.avail;
  return {
    avail,
    metrics: {
      costUsd,
      p95LatencyMs: m.p95LatencyMs,
      availability: avail.availability,
      downtimeMinPerYear: avail.downtimeMinPerYear,
      incidentsPerYear: avail.incidentsPerYear,
    },
  };
}

/**
 * One row of history: a design for an intent with its measured outcome.
 * `origin` says where it came from: the bootstrap grid, a real network
 * (Topology Zoo), a verified recommendation, a project's own designs.
 */
export interface LearningSample {
  id: string;
  origin: 'bootstrap' | 'zoo' | 'verified' | 'project' | 'bench';
  family: Family | null;
  seed: number;
  intent: Intent;
  features: readonly number[];
  /** The FEATURE_SET_VERSION `features` were computed with. */
  featureSetVersion: number;
  /** The MODEL_VERSION `metrics` and `label` were measured with. */
  modelVersion: number;
  metrics: DesignMetrics;
  label: SuccessLabel;
  softwareVersion: string;
  createdAt: number;
}

/** Measures a generated design and labels it: the bridge between generate/sim and history. */
export function sampleFromDesign(
  design: Design,
  intent: Intent,
  meta: { id: string; origin: LearningSample['origin']; softwareVersion: string; createdAt: number },
  /** The design's availability and p95 latency, when already measured (measureTopology's `known`). */
  known?: DesignMeasures,
): LearningSample {
  const { metrics, avail } = measureTopology(design.topology, design.cost.totalUsd, known, needsPairTerm(intent));
  return {
    ...meta,
    family: design.family,
    seed: design.seed,
    intent,
    features: intentFeatures(intent, design.seed).vector,
    featureSetVersion: FEATURE_SET_VERSION,
    modelVersion: MODEL_VERSION,
    metrics,
    label: successOf(intent, design.validation, avail, design.cost.totalUsd),
  };
}

/**
 * A stored sample as the current model and feature set see it, or null when
 * it cannot be:
 * - measured by another model (MODEL_VERSION): left out — its figures and
 *   label came from other generators, prices or failure rules; re-measuring
 *   it means generating it again, which a verified recommendation or a
 *   knowledge-base rebuild does (a newer row replaces it by id);
 * - features of another set (FEATURE_SET_VERSION): recomputed from its
 *   intent when the intent alone determines them (generated designs:
 *   bootstrap, verified, project, bench); left out when they came from sites
 *   the intent does not hold (a real network's, origin zoo).
 * Old and new samples are never mixed in one history.
 */
export function currentSample(s: LearningSample): LearningSample | null {
  if (s.modelVersion !== MODEL_VERSION) return null;
  if (s.featureSetVersion === FEATURE_SET_VERSION) return s;
  if (s.origin === 'zoo') return null;
  return { ...s, features: intentFeatures(s.intent, s.seed).vector, featureSetVersion: FEATURE_SET_VERSION };
}
