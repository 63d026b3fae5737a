import { generateDesign, GenerateError, type Design } from '../generate/generate';
import { REDUNDANCY_ORDER, redundancyRank, type Intent, type Redundancy } from '../model/intent';
import { TOPOLOGY_FAMILIES, type Family } from '../model/topology';
import { compareForGoal, goalMeasure } from './goal';
import { sampleFromDesign, type LearningSample } from './sample';
import type { VerifiedCandidate } from './verify';
import { sampleId } from './verify';
import { applyIntentEdit, editWords, type IntentEdit } from './intent-edit';

/**
 * "What would it take": when no option meets the intent, which constraints
 * bind, and the smallest relaxation of each one alone that makes some
 * option meet the intent — found by regenerating and re-measuring, on the
 * same path verified mode takes (generateDesign → validateDesign inside it →
 * sampleFromDesign's success label), never estimated.
 *
 * - Numeric limits (budget, max hops, max latency, each latency budget):
 *   the options that fail only that limit are the only ones relaxing it can
 *   rescue; each needs at least its measured value (TCO, hop diameter, worst
 *   pair latency) rounded up to the limit's grid (BUDGET_STEP_USD, 1 hop,
 *   LATENCY_STEP_MS). Those values are searched in ascending order, each
 *   probe regenerating and re-measuring the options at the relaxed intent;
 *   the first value at which one succeeds is the answer, and the grid value
 *   just below it is probed too (it must fail every option: the answer is
 *   minimal on the grid, `belowChecked`).
 * - The redundancy class: one class down at a time (CRITICAL → HIGH →
 *   STANDARD → NONE), every family regenerated for the lower class (the
 *   generators build for the class: a cheaper design may then fit the
 *   budget), until some option succeeds. The intent states one class for all
 *   sites, so the step is for the whole intent.
 * - The cheapest option that meets everything but the budget (at any price),
 *   from the measured options, or why none does.
 * Families the verified run did not measure are generated here (seed 1), so
 * the answer considers every applicable family.
 * Cost: O(F·V) designs for the first pass, plus per limit O(k) probes of at
 * most k designs each (k = options that fail only that limit), plus at most
 * 3·F·V designs for the class.
 */
export type { IntentEdit } from './intent-edit';

/** Budget relaxations are stated in whole thousands of dollars. */
export const BUDGET_STEP_USD = 1000;
/** Latency relaxations are stated to a tenth of a millisecond. */
export const LATENCY_STEP_MS = 0.1;

export interface MeasuredOption {
  family: Family;
  seed: number;
  measured: { costUsd: number; p95LatencyMs: number; availability: number; downtimeMinPerYear: number };
  /** The goal's own measure (goal.ts), lower is better. */
  goalMeasure: number;
}

/** A constraint some option fails; `relaxable` when this module searches a relaxation of it. */
export interface BindingConstraint {
  constraint: string;
  label: string;
  failedBy: Family[];
  relaxable: boolean;
}

export interface Relaxation {
  constraint: string;
  label: string;
  /** The intent edit that makes `option` meet the intent; null when relaxing this constraint alone makes none do. */
  edit: IntentEdit | null;
  option: MeasuredOption | null;
  /** The grid value just below the edit's, re-measured: no option met the intent there (null for the class, or when it is the current limit). */
  belowChecked: number | null;
  /** Designs generated and measured for this search. */
  probes: number;
  text: string;
}

export interface WhatItWouldTake {
  binding: BindingConstraint[];
  relaxations: Relaxation[];
  /** The cheapest option meeting every constraint but the budget, or null. */
  cheapestAtAnyPrice: MeasuredOption | null;
  /** The sentence on it: the option and how far over budget, or why no option meets the intent at any price. */
  atAnyPrice: string;
  considered: Family[];
  skipped: { family: Family; reason: string }[];
}

/** One measured design: the verified candidate's sample and failing error checks. */
interface Cand {
  family: Family;
  seed: number;
  sample: LearningSample;
  failing: string[];
  diameterHops: number;
  maxLatencyMs: number;
  budgetWorstMs: number[];
}

export interface RelaxOptions {
  softwareVersion: string;
  now: number;
  onProgress?: (label: string) => void;
}

const usd = (x: number): string =>
  x >= 1e6 ? `$${(x / 1e6).toFixed(x >= 1e8 ? 0 : 2)}M` : x >= 1e3 ? `$${Math.round(x / 1e3).toLocaleString('en-US')}k` : `$${Math.round(x)}`;

function toCand(design: Pick<Design, 'family' | 'seed' | 'validation'>, sample: LearningSample): Cand {
  const v = design.validation;
  return {
    family: design.family,
    seed: design.seed,
    sample,
    failing: v.checks.filter((c) => !c.passed && c.severity === 'error').map((c) => c.id),
    diameterHops: v.metrics.diameterHops,
    maxLatencyMs: v.metrics.maxLatencyMs,
    budgetWorstMs: v.metrics.latencyBudgetWorstMs ?? [],
  };
}

/** Generates and measures one (family, seed) for an intent: verified mode's path. Null when it cannot be built. */
function measure(intent: Intent, family: Family, seed: number, opts: RelaxOptions): { cand: Cand } | { reason: string } {
  try {
    const design = generateDesign(intent, family, seed);
    const sample = sampleFromDesign(design, intent, {
      id: sampleId(intent, family, seed),
      origin: 'verified',
      softwareVersion: opts.softwareVersion,
      createdAt: opts.now,
    });
    return { cand: toCand(design, sample) };
  } catch (err) {
    if (!(err instanceof GenerateError)) throw err;
    return { reason: err.message };
  }
}

const measuredOf = (intent: Intent, c: Cand): MeasuredOption => {
  const m = c.sample.metrics;
  return {
    family: c.family,
    seed: c.seed,
    measured: { costUsd: m.costUsd, p95LatencyMs: m.p95LatencyMs, availability: m.availability, downtimeMinPerYear: m.downtimeMinPerYear },
    goalMeasure: goalMeasure(intent.goal, m),
  };
};

const best = (intent: Intent, cs: readonly Cand[]): Cand | null =>
  [...cs].sort((a, b) => compareForGoal(intent.goal, a.sample.metrics, b.sample.metrics) || a.seed - b.seed)[0] ?? null;

/** The constraint a failing check stands for, and its words. */
function constraintOf(intent: Intent, checkId: string): { key: string; label: string; relaxable: boolean } {
  if (checkId === 'budget') return { key: 'budget', label: 'budget', relaxable: true };
  if (checkId === 'hops') return { key: 'maxHops', label: 'hop limit', relaxable: true };
  if (checkId === 'latency') return { key: 'maxLatencyMs', label: 'latency limit', relaxable: true };
  if (checkId.startsWith('latency-budget.')) {
    const i = Number(checkId.slice('latency-budget.'.length));
    const b = intent.constraints.latencyBudgets[i];
    return { key: `latencyBudget.${i}`, label: b ? `latency budget ${b.from} ↔ ${b.to}` : checkId, relaxable: b !== undefined };
  }
  if (checkId.startsWith('redundancy.') || checkId === 'sweep') return { key: 'redundancy', label: `redundancy ${intent.redundancy}`, relaxable: true };
  const words: Record<string, string> = {
    connectivity: 'connectivity',
    ports: 'device ports',
    'port-headroom': 'port headroom',
    oversubscription: 'fabric oversubscription',
    capacity: 'capacity under failure (utilisation limit)',
  };
  return { key: checkId, label: words[checkId] ?? checkId, relaxable: false };
}

/** Failing error checks, with a failed failure sweep counted as the redundancy class. */
const failures = (c: Cand): string[] => (c.sample.label.sweepMet ? c.failing : [...c.failing, 'sweep']);

interface NumericSpec {
  key: string;
  label: string;
  checkId: string;
  current: number;
  step: number;
  max: number;
  needed: (c: Cand) => number;
  edit: (value: number) => IntentEdit;
}

function numericSpecs(intent: Intent): NumericSpec[] {
  const specs: NumericSpec[] = [];
  const c = intent.constraints;
  if (intent.budgetUsd !== undefined) {
    const from = intent.budgetUsd;
    specs.push({
      key: 'budget', label: 'budget', checkId: 'budget', current: from, step: BUDGET_STEP_USD, max: Number.MAX_SAFE_INTEGER,
      needed: (x) => Math.ceil(x.sample.metrics.costUsd / BUDGET_STEP_USD) * BUDGET_STEP_USD,
      edit: (to) => ({ kind: 'budget', from, to }),
    });
  }
  if (c.maxHops !== undefined) {
    const from = c.maxHops;
    specs.push({
      key: 'maxHops', label: 'hop limit', checkId: 'hops', current: from, step: 1, max: 64,
      needed: (x) => x.diameterHops,
      edit: (to) => ({ kind: 'maxHops', from, to }),
    });
  }
  const ms = (v: number): number => Math.round(Math.ceil(v / LATENCY_STEP_MS - 1e-9) * LATENCY_STEP_MS * 10) / 10;
  if (c.maxLatencyMs !== undefined) {
    const from = c.maxLatencyMs;
    specs.push({
      key: 'maxLatencyMs', label: 'latency limit', checkId: 'latency', current: from, step: LATENCY_STEP_MS, max: 10_000,
      needed: (x) => ms(x.maxLatencyMs),
      edit: (to) => ({ kind: 'maxLatencyMs', from, to }),
    });
  }
  c.latencyBudgets.forEach((b, index) => {
    specs.push({
      key: `latencyBudget.${index}`, label: `latency budget ${b.from} ↔ ${b.to}`, checkId: `latency-budget.${index}`, current: b.maxMs,
      step: LATENCY_STEP_MS, max: 10_000,
      needed: (x) => ms(x.budgetWorstMs[index] ?? 0),
      edit: (to) => ({ kind: 'latencyBudget', index, from: b.maxMs, to }),
    });
  });
  return specs;
}

const optionWords = (o: MeasuredOption): string =>
  `${o.family} then meets the intent: ${usd(o.measured.costUsd)}, p95 ${o.measured.p95LatencyMs.toFixed(1)} ms, ` +
  `availability ${(100 * o.measured.availability).toFixed(4)} % (${o.measured.downtimeMinPerYear.toFixed(1)} min/yr)`;

function searchNumeric(intent: Intent, spec: NumericSpec, cands: readonly Cand[], opts: RelaxOptions): Relaxation {
  const base = { constraint: spec.key, label: spec.label };
  const fails = cands.filter((c) => failures(c).includes(spec.checkId));
  // Only an option failing this limit alone can be rescued by relaxing it.
  const fixable = fails.filter((c) => failures(c).every((id) => id === spec.checkId));
  if (fixable.length === 0) {
    const others = [...new Set(fails.flatMap((c) => failures(c).filter((id) => id !== spec.checkId)).map((id) => constraintOf(intent, id).label))];
    return {
      ...base, edit: null, option: null, belowChecked: null, probes: 0,
      text: `No ${spec.label} alone makes an option meet the intent: every option over the ${spec.label} also fails the ${others.join(', the ') || 'other constraints'}.`,
    };
  }
  let probes = 0;
  const probe = (value: number): Cand[] => {
    const relaxed = applyIntentEdit(intent, spec.edit(value));
    const ok: Cand[] = [];
    for (const c of fixable) {
      // Its measured value is over this limit (generation does not read the limit: test/shared/learn/relaxation.test.ts).
      if (spec.needed(c) > value + 1e-9) continue;
      probes++;
      const r = measure(relaxed, c.family, c.seed, opts);
      if ('cand' in r && r.cand.sample.label.success) ok.push(r.cand);
    }
    opts.onProgress?.(`${spec.label} ${value}: ${ok.length} option(s) meet the intent`);
    return ok;
  };
  const values = [...new Set(fixable.map(spec.needed))].filter((v) => v > spec.current && v <= spec.max).sort((a, b) => a - b);
  for (const v of values) {
    let value = v;
    let ok = probe(value);
    if (ok.length === 0) continue;
    // The grid value just below must fail every option (it can only pass at a rounding edge: then go lower).
    let below = roundStep(value - spec.step, spec.step);
    let belowChecked: number | null = null;
    while (below > spec.current) {
      const lower = probe(below);
      if (lower.length === 0) {
        belowChecked = below;
        break;
      }
      value = below;
      ok = lower;
      below = roundStep(value - spec.step, spec.step);
    }
    const option = measuredOf(applyIntentEdit(intent, spec.edit(value)), best(intent, ok)!);
    const edit = spec.edit(value);
    return { ...base, edit, option, belowChecked, probes, text: `${editWords(edit)}: ${optionWords(option)}.` };
  }
  return {
    ...base, edit: null, option: null, belowChecked: null, probes,
    text: `No ${spec.label} up to its largest allowed value makes an option meet the intent.`,
  };
}

const roundStep = (v: number, step: number): number => Math.round(v / step) * step;

function searchClass(intent: Intent, keys: readonly { family: Family; seed: number }[], opts: RelaxOptions): Relaxation {
  const base = { constraint: 'redundancy', label: `redundancy ${intent.redundancy}` };
  let probes = 0;
  for (let r = redundancyRank(intent.redundancy) - 1; r >= 0; r--) {
    const to = REDUNDANCY_ORDER[r] as Redundancy;
    const edit: IntentEdit = { kind: 'redundancy', from: intent.redundancy, to };
    const relaxed = applyIntentEdit(intent, edit);
    const ok: Cand[] = [];
    for (const k of keys) {
      probes++;
      const m = measure(relaxed, k.family, k.seed, opts);
      if ('cand' in m && m.cand.sample.label.success) ok.push(m.cand);
    }
    opts.onProgress?.(`redundancy ${to}: ${ok.length} option(s) meet the intent`);
    if (ok.length > 0) {
      const option = measuredOf(relaxed, best(relaxed, ok)!);
      return { ...base, edit, option, belowChecked: null, probes, text: `${editWords(edit)}: ${optionWords(option)}.` };
    }
  }
  return {
    ...base, edit: null, option: null, belowChecked: null, probes,
    text: `No weaker redundancy class alone makes an option meet the intent (every class down to NONE regenerated and measured).`,
  };
}

/**
 * What it would take for some option to meet the intent. `verified` holds
 * the designs verified mode measured (any families, any seeds); the
 * remaining families are generated here with seed 1.
 */
export function whatWouldItTake(intent: Intent, verified: readonly VerifiedCandidate[], opts: RelaxOptions): WhatItWouldTake {
  const cands: Cand[] = verified.map((v) => toCand({ family: v.option.family, seed: v.option.seed, validation: v.validation }, v.sample));
  const skipped: { family: Family; reason: string }[] = [];
  for (const family of TOPOLOGY_FAMILIES) {
    if (cands.some((c) => c.family === family)) continue;
    const r = measure(intent, family, 1, opts);
    if ('cand' in r) cands.push(r.cand);
    else skipped.push({ family, reason: r.reason });
  }
  opts.onProgress?.(`measured ${cands.length} options`);
  const binding = bindingConstraints(intent, cands);
  const relaxations: Relaxation[] = [];
  for (const spec of numericSpecs(intent)) {
    if (binding.some((b) => b.constraint === spec.key)) relaxations.push(searchNumeric(intent, spec, cands, opts));
  }
  if (redundancyRank(intent.redundancy) > 0) {
    relaxations.push(searchClass(intent, cands.map((c) => ({ family: c.family, seed: c.seed })), opts));
  }
  const feasible = cands.filter((c) => c.sample.label.feasible);
  const cheapest = [...feasible].sort((a, b) => a.sample.metrics.costUsd - b.sample.metrics.costUsd || a.seed - b.seed)[0] ?? null;
  const cheapestAtAnyPrice = cheapest === null ? null : measuredOf(intent, cheapest);
  return {
    binding,
    relaxations,
    cheapestAtAnyPrice,
    atAnyPrice: atAnyPriceWords(intent, cands, cheapestAtAnyPrice),
    considered: [...new Set(cands.map((c) => c.family))],
    skipped,
  };
}

function bindingConstraints(intent: Intent, cands: readonly Cand[]): BindingConstraint[] {
  const by = new Map<string, BindingConstraint>();
  for (const c of cands) {
    for (const id of failures(c)) {
      const k = constraintOf(intent, id);
      const b = by.get(k.key) ?? { constraint: k.key, label: k.label, failedBy: [], relaxable: k.relaxable };
      if (!b.failedBy.includes(c.family)) b.failedBy.push(c.family);
      by.set(k.key, b);
    }
  }
  return [...by.values()].sort((a, b) => b.failedBy.length - a.failedBy.length || a.constraint.localeCompare(b.constraint));
}

function atAnyPriceWords(intent: Intent, cands: readonly Cand[], cheapest: MeasuredOption | null): string {
  if (cheapest !== null) {
    const over = intent.budgetUsd === undefined ? '' : `, ${usd(cheapest.measured.costUsd - intent.budgetUsd)} over the ${usd(intent.budgetUsd)} budget`;
    return `At any price: ${cheapest.family} is the cheapest option that meets every other constraint (${usd(cheapest.measured.costUsd)}${over}).`;
  }
  const why = [...new Set(cands.map((c) => c.family))].map((family) => {
    const ids = [...new Set(cands.filter((c) => c.family === family).flatMap((c) => failures(c).filter((id) => id !== 'budget')))];
    return `${family} fails ${ids.map((id) => constraintOf(intent, id).label).join(', ')}`;
  });
  return `No option meets the intent at any price (budget ignored): ${why.join('; ')}.`;
}
