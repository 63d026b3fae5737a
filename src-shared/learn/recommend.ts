import { redundancyRank, type Intent } from '../model/intent';
import { TOPOLOGY_FAMILIES, type Family } from '../model/topology';
import { notApplicableFamilies } from '../generate/applicability';
import { intentFeatures } from './features';
import { compareVerified, measuredOf, type FailedConstraint, type SkippedFamilyShape, type VerifiedOption } from './options';
import { estimateFamilies, type FamilyEstimate, type FamilyEstimates } from './estimate';
import type { EstimateRecord } from './estimate-record';
import { estimateShares } from './estimate-shares';
import { GOAL_WORDS, goalMeasure, REGRET_FLOOR_MIN } from './goal';
import type { Prediction, Predictor } from './predictor';
import { familyEvidence, MIN_SIMILAR, rawSuccessProbability, SIMILAR_RADIUS, type Evidence } from './similarity';
import { roundSig, wilsonInterval } from './stats';
import { FAMILY_TRAITS } from './traits';

/**
 * Instant recommendation: every family ranked for the intent's goal from
 * history and the predictor alone (no generation, no simulation).
 *
 * For each family: P(feasible) from similar past intents (similarity.ts,
 * the Wilson centre of the neighbours' feasible rate), times P(within
 * budget) = Φ((ln budget − ln predicted cost) / σ_cost) when there is a
 * budget (similarity.ts rawSuccessProbability), calibrated by the
 * predictor's isotonic map fitted on held-out history. Families with P(success) ≥ 0.5 come first, by the predicted goal
 * measure (goal.ts) divided by P(success)^RISK_AVERSION (a likely success
 * beats a slightly better but doubtful one); the others follow by
 * P(success). Confidence =
 * P(success) × familiarity, where familiarity = exp(−(d − r)/r) once the
 * nearest evidence lies beyond the similarity radius r (1 inside it), so an
 * intent unlike history gets lower confidence and says so.
 * O(F · (h + n_f · d)) for h history rows: well under 50 ms for thousands.
 */
export interface RecommendedOption {
  family: Family;
  confidence: number;
  successProbability: number;
  /** Null when history holds too few designs of the family to predict it. */
  predicted: { costUsd: number | null; p95LatencyMs: number | null; availability: number | null };
  intervals: Prediction['intervals'] | null;
  pros: string[];
  cons: string[];
  rationale: string;
  evidence: Evidence;
  /** Verified mode: what generation and simulation measured; the verdict, never a probability, is the answer. */
  verified?: VerifiedOption;
}

export interface Recommendation {
  mode: 'instant' | 'verified';
  goal: Intent['goal'];
  /** Plain statement when the intent is unlike history (null when it is familiar). */
  novelty: string | null;
  /** What real networks of about this size reach (Topology Zoo rows of history), or null without any. */
  realWorld: string | null;
  options: RecommendedOption[];
  /** The predictor behind the answer; errors are null until history allows cross-validation. */
  model: { trainedOn: number; costMapePct: number | null; p95MapePct: number | null };
  /** Verified mode: families not evaluated (not applicable to these sites, or could not be built), with the reason. */
  skipped?: SkippedFamilyShape[];
}

const SUCCESS_CUT = 0.5;
/** Results cross the IPC boundary as JSON: no NaN or Infinity, null instead. */
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
const usd = (x: number): string =>
  x >= 1e6 ? `$${(x / 1e6).toFixed(x >= 1e8 ? 0 : 2)}M` : x >= 1e3 ? `$${(x / 1e3).toFixed(0)}k` : `$${x.toFixed(0)}`;
const pct = (x: number): string => `${Math.round(100 * x)} %`;
const ordinal = (i: number): string => ['lowest', '2nd lowest', '3rd lowest'][i] ?? `${i + 1}th lowest`;

interface Scored {
  family: Family;
  pred: Prediction | null;
  ev: Evidence;
  pSuccess: number;
  familiarity: number;
  /** Why the family is not applicable to the intent or cannot be built for it, or null. */
  leftOut: string | null;
  /** The analytic estimate (estimate.ts), when the family was estimated. */
  est: FamilyEstimate | null;
  /** The estimate as a verified option: what the one order of options.ts ranks. */
  option: VerifiedOption | null;
}

/**
 * Largest intent (sites) the analytic estimate runs for; above it instant
 * answers from history alone (the predictor), as it did before the estimate
 * existed. The estimate costs about 0.2 s CPU per family at 500 sites.
 */
export const ESTIMATE_MAX_SITES = 1000;

/** The analytic estimates instant mode uses for an intent: every family's, or null above ESTIMATE_MAX_SITES (history alone). */
export function instantEstimates(intent: Intent): FamilyEstimates | null {
  return siteTotal(intent) <= ESTIMATE_MAX_SITES ? estimateFamilies(intent) : null;
}

/** instantEstimates in `parts` shares of families (estimate-shares.ts), or null where it answers null. */
export function instantEstimateShares(intent: Intent, parts: number): Family[][] | null {
  return siteTotal(intent) <= ESTIMATE_MAX_SITES ? estimateShares(intent, parts) : null;
}

const siteTotal = (intent: Intent): number => intent.siteGroups.reduce((a, g) => a + Math.max(g.count ?? 0, g.sites?.length ?? 0), 0);

/** The estimate's failed constraints with the budget judged on the corrected cost (the skeleton's, when links were sized). */
function withBudget(intent: Intent, failed: readonly FailedConstraint[], costUsd: number): FailedConstraint[] {
  const rest = failed.filter((f) => f.id !== 'budget');
  if (intent.budgetUsd === undefined || costUsd <= intent.budgetUsd) return rest;
  const usdText = (x: number) => Math.round(x).toLocaleString('en-US');
  return [...rest, { id: 'budget', title: 'Budget', message: `estimated ${usdText(costUsd)} USD, over the ${usdText(intent.budgetUsd)} USD budget`, shortfall: costUsd / intent.budgetUsd - 1 }];
}

/** The analytic estimate's figures with history's correction (estimate-record.ts) where links were not sized. */
function fromEstimate(e: FamilyEstimate, record: EstimateRecord): Prediction {
  const m = e.estimated;
  const r = record.costResidual[e.family];
  const cost = e.sized ? m.costUsd : m.costUsd * r.ratio;
  const spread = e.sized ? 0 : 1.96 * r.logSigma;
  return {
    costUsd: cost,
    p95LatencyMs: m.p95LatencyMs,
    downtimeMinPerYear: m.downtimeMinPerYear,
    availability: m.availability,
    intervals: {
      costUsd: [cost * Math.exp(-spread), cost * Math.exp(spread)],
      p95LatencyMs: [m.p95LatencyMs, m.p95LatencyMs],
      availability: [m.availability, m.availability],
    },
  };
}

/**
 * How strongly an uncertain success is penalised: rank score =
 * (measure + floor) / P(success)^RISK_AVERSION. 0 on the evidence of the
 * learning bench: α between 0.5 and 4 lowered top-1 agreement with verified
 * mode (84 % → 77 % on 100 intents) — P(success) already gates the ranking.
 */
export const RISK_AVERSION = 0;

export function recommendInstant(
  intent: Intent,
  history: Parameters<typeof familyEvidence>[0],
  predictor: Predictor,
  riskAversion = RISK_AVERSION,
  /** The analytic estimates (instantEstimates, e.g. from a worker); computed here unless given, null for none (history alone). */
  estimates: FamilyEstimates | null = instantEstimates(intent),
): Recommendation {
  const x = intentFeatures(intent).vector;
  // A family the generators will not build for this intent (leaf-spine for a WAN, a ring of 200 sites) cannot succeed.
  // Why each such family is left out: it gets no predicted figures (nothing to chart or compare), only the reason.
  const leftOut = new Map<Family, string>([...(estimates?.skipped ?? []), ...notApplicableFamilies(intent)].map((n) => [n.family, n.reason]));
  const record = estimates !== null ? predictor.estimateRecord() : null;
  const scored: Scored[] = TOPOLOGY_FAMILIES.map((family) => {
    const est = estimates?.estimates.find((e) => e.family === family) ?? null;
    const pred = leftOut.has(family) ? null : est && record ? fromEstimate(est, record) : predictor.predict(family, x);
    const ev = familyEvidence(history, family, x);
    // The estimate's verdict, stated as the frequency it held on history's designs (estimate-record.ts);
    // without an estimate, one rule for P(success) (similarity.ts), calibrated on held-out history (predictor.ts).
    const failed = est && pred ? withBudget(intent, est.failed, pred.costUsd) : null;
    const pSuccess =
      leftOut.has(family)
        ? 0
        : failed && record
          ? (failed.length === 0 ? record.pIfMeets : record.pIfFails)
          : predictor.calibrate(rawSuccessProbability(ev, intent.budgetUsd, pred?.costUsd ?? null, predictor.sigma.cost));
    const familiarity = familiarityOf(ev, est !== null);
    const option: VerifiedOption | null =
      failed && pred ? { family, seed: 1, success: failed.length === 0, ...measuredOf(intent.goal, pred), failed, onFront: false } : null;
    return { family, pred, ev, pSuccess, familiarity, est, option, leftOut: leftOut.get(family) ?? null };
  });
  const floor = intent.goal === 'resilience' ? REGRET_FLOOR_MIN : 0;
  const measure = (s: Scored) =>
    s.pred ? (goalMeasure(intent.goal, s.pred) + floor) / Math.max(1e-6, s.pSuccess) ** riskAversion : Infinity;
  scored.sort((a, b) => {
    // Estimated families first, in the one order verified options take (options.ts compareVerified).
    if ((a.option === null) !== (b.option === null)) return a.option ? -1 : 1;
    if (a.option && b.option) return compareVerified(intent.goal, a.option, b.option);
    const ga = a.pSuccess >= SUCCESS_CUT && a.pred ? 0 : 1;
    const gb = b.pSuccess >= SUCCESS_CUT && b.pred ? 0 : 1;
    if (ga !== gb) return ga - gb;
    if (ga === 1) return b.pSuccess - a.pSuccess || measure(a) - measure(b);
    return measure(a) - measure(b) || (a.pred!.costUsd - b.pred!.costUsd);
  });
  const applicable = scored.filter((s) => s.leftOut === null);
  const novelty = noveltyNote(
    scored.map((s) => s.ev),
    { lowered: applicable.filter((s) => s.familiarity < 1).map((s) => s.family), applicable: applicable.length, estimated: applicable.every((s) => s.est !== null) },
  );
  const options = scored.map((s) => describe(intent, s, scored, record));
  return {
    mode: 'instant',
    goal: intent.goal,
    novelty,
    realWorld: realWorldContext(intent, x, history),
    options,
    model: {
      trainedOn: predictor.trainedOn,
      costMapePct: finiteOrNull(roundSig(predictor.heldOut.costMapePct, 3)),
      p95MapePct: finiteOrNull(roundSig(predictor.heldOut.p95MapePct, 3)),
    },
  };
}

/** The radius familiarity is measured against: similarity.ts's (both 1.5 feature units). */
const FAMILIARITY_RADIUS = SIMILAR_RADIUS;

/**
 * How much of its P(success) an option's confidence keeps (confidence = P(success) × familiarity): 1 for a
 * family estimated from its own design or with evidence from similar intents; exp(−(d − r)/r) once its nearest
 * past intent lies beyond the radius r; 0.2 with no history of it. The one rule behind every confidence shown
 * and behind the note that says when it was lowered (noveltyNote).
 */
export function familiarityOf(ev: Evidence, estimated: boolean): number {
  if (estimated || ev.familiar) return 1;
  return ev.nearest !== null ? Math.exp(-Math.max(0, ev.nearest - FAMILIARITY_RADIUS) / FAMILIARITY_RADIUS) : 0.2;
}

/**
 * The note on an intent unlike history (most families without MIN_SIMILAR similar past intents), saying
 * exactly what follows for the confidences beside it: lowered for the families familiarityOf lowered, not
 * lowered where each family was estimated from its own design or its nearest past intents are within reach,
 * and — for a verified answer (`confidence` null) — that the ranking is measured, not extrapolated. One text
 * for every surface (Options and Compare, `recommend --json` and the text, the decision pack).
 */
export function noveltyNote(
  evidence: readonly Evidence[],
  confidence: { lowered: readonly Family[]; applicable: number; estimated: boolean } | null,
): string | null {
  const unfamiliar = evidence.filter((e) => !e.familiar).length;
  if (unfamiliar <= TOPOLOGY_FAMILIES.length / 2) return null;
  const head = `This intent is unlike anything in history (${evidence[0]?.similar === 0 ? 'no' : `fewer than ${MIN_SIMILAR} close`} past intents of this size, region count and redundancy class)`;
  if (confidence === null) return `${head}; the ranking is measured by generation and simulation, not extrapolated from it.`;
  const { lowered, applicable, estimated } = confidence;
  if (lowered.length > 0 && lowered.length >= applicable) return `${head}; predictions are extrapolated and confidence is lowered.`;
  if (lowered.length > 0) return `${head}; predictions for ${lowered.join(', ')} are extrapolated and their confidence is lowered.`;
  return estimated
    ? `${head}; each family is estimated from its own design, so its confidence is not lowered.`
    : `${head}; each family's nearest past intents are within reach, so its confidence is not lowered.`;
}

/**
 * Real networks (origin 'zoo') within a factor of two in size (|Δ ln n| ≤ ln 2):
 * how many reach the intent's class. Context for the architect, not a
 * ranking input (real networks have no family). O(h).
 */
function realWorldContext(intent: Intent, x: readonly number[], history: Parameters<typeof familyEvidence>[0]): string | null {
  const near = history.filter((s) => s.origin === 'zoo' && Math.abs(s.features[0]! - x[0]!) <= Math.LN2);
  if (near.length === 0) return null;
  const meets = near.filter((s) => s.label.redundancyAchieved !== null && redundancyRank(s.label.redundancyAchieved) >= redundancyRank(intent.redundancy)).length;
  const w = wilsonInterval(meets, near.length);
  return `${meets} of ${near.length} real networks of about this size (Topology Zoo) reach ${intent.redundancy} or better (Wilson 95 % ${pct(w.low)}–${pct(w.high)}).`;
}

/** What the analytic estimate did and history's share in it, in words. */
function estimateText(e: FamilyEstimate, o: VerifiedOption, record: EstimateRecord): string {
  const how = e.sized
    ? 'estimated from its own design (generated, links sized for the failures, priced by the cost model, checked by the validation rules except capacity under failure)'
    : 'estimated from its own skeleton (generated with the family\'s own link speeds, priced by the cost model, checked by the validation rules except capacity under failure)';
  const verdict = o.success ? 'meets the intent' : `fails ${o.failed.map((f) => f.title).join(', ')}`;
  const r = record.costResidual[e.family];
  const costShare = e.sized ? '' : `; history corrects the cost by ×${r.ratio.toFixed(2)} (sizing, from ${r.designs} designs)`;
  const said = o.success ? `${record.held} of ${record.saidMeets}` : `${record.saidFails - record.metAnyway} of ${record.saidFails}`;
  return `${how}: ${verdict}; this verdict held for ${said} designs in history${costShare}`;
}

function describe(intent: Intent, s: Scored, all: readonly Scored[], record: EstimateRecord | null): RecommendedOption {
  if (s.leftOut !== null) {
    return {
      family: s.family, confidence: 0, successProbability: 0, predicted: { costUsd: null, p95LatencyMs: null, availability: null }, intervals: null,
      pros: [], cons: [s.leftOut], rationale: `${s.family} is not built for this intent: ${s.leftOut}.`, evidence: s.ev,
    };
  }
  const pros: string[] = [];
  const cons: string[] = [];
  const traits = FAMILY_TRAITS[s.family];
  const p = s.pred;
  if (p) {
    const withPred = all.filter((o) => o.pred);
    const rank = (f: (q: Prediction) => number) => withPred.filter((o) => f(o.pred!) < f(p)).length;
    const costRank = rank((q) => q.costUsd);
    const latRank = rank((q) => q.p95LatencyMs);
    const downRank = rank((q) => q.downtimeMinPerYear);
    if (costRank < 3) pros.push(`${ordinal(costRank)} predicted cost (${usd(p.costUsd)})`);
    if (costRank >= withPred.length - 3) cons.push(`among the most expensive (${usd(p.costUsd)})`);
    if (latRank < 3) pros.push(`${ordinal(latRank)} predicted p95 latency (${p.p95LatencyMs.toFixed(1)} ms)`);
    if (latRank >= withPred.length - 3) cons.push(`among the slowest (p95 ${p.p95LatencyMs.toFixed(1)} ms)`);
    if (downRank < 3) pros.push(`${ordinal(downRank)} predicted downtime (${p.downtimeMinPerYear.toFixed(1)} min/yr)`);
    if (intent.budgetUsd !== undefined && p.costUsd > intent.budgetUsd) cons.push(`predicted over the ${usd(intent.budgetUsd)} budget`);
  }
  const which = s.ev.familiar ? 'similar' : 'nearest (not very similar)';
  if (s.ev.similar > 0 && s.ev.feasible === s.ev.similar) pros.push(`met ${intent.redundancy} in all ${s.ev.similar} ${which} past intents`);
  if (s.ev.similar > 0 && s.ev.feasible / s.ev.similar < 0.5) cons.push(`failed ${intent.redundancy} or a constraint in ${s.ev.similar - s.ev.feasible} of ${s.ev.similar} ${which} past intents`);
  if (redundancyRank(intent.redundancy) > redundancyRank(traits.maxClass) && (s.ev.similar === 0 || s.ev.feasible / s.ev.similar < 0.5)) {
    cons.push(`built for at most ${traits.maxClass}`);
  }
  pros.push(traits.pro);
  cons.push(traits.con);
  const ev = s.ev;
  const evidenceText =
    ev.similar === 0
      ? `no ${s.family} designs in history`
      : `${s.family} met ${intent.redundancy} and the constraints in ${ev.feasible} of ${ev.similar} ${ev.familiar ? 'similar' : 'nearest (not very similar)'} past intents (Wilson 95 % ${pct(ev.interval.low)}–${pct(ev.interval.high)})`;
  const predText = p
    ? `predicted ${usd(p.costUsd)} (${usd(p.intervals.costUsd[0])}–${usd(p.intervals.costUsd[1])}), p95 ${p.p95LatencyMs.toFixed(1)} ms, availability ${(100 * p.availability).toFixed(4)} %`
    : 'too little history of this family to predict its figures';
  const rationale = s.est && s.option && record
    ? `${estimateText(s.est, s.option, record)}; ${predText}; P(success) ${pct(s.pSuccess)}; ranked for ${GOAL_WORDS[intent.goal]}.`
    : `${evidenceText}; ${predText}; P(success) ${pct(s.pSuccess)}; ranked for ${GOAL_WORDS[intent.goal]}.`;
  const confidence = Math.round(100 * s.pSuccess * s.familiarity) / 100;
  return {
    family: s.family,
    confidence,
    successProbability: Math.round(1000 * s.pSuccess) / 1000,
    predicted: p
      ? { costUsd: Math.round(p.costUsd), p95LatencyMs: roundSig(p.p95LatencyMs, 4), availability: roundSig(p.availability, 8) }
      : { costUsd: null, p95LatencyMs: null, availability: null },
    intervals: p ? p.intervals : null,
    pros,
    cons,
    rationale,
    evidence: ev,
  };
}
