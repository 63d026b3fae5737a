import type { Intent } from '../model/intent';
import type { Family } from '../model/topology';
import { intentFeatures } from './features';
import { goalMeasure } from './goal';
import type { LearningSample } from './sample';
import { similarSamples } from './similarity';
import { quantile, wilsonInterval } from './stats';

/**
 * Which candidates to try first when not all can be generated and simulated
 * at once (large intents: LARGE_INTENT_SITES sites and more): history
 * orders the (family, variant) pairs by how often they met similar past
 * intents (docs/learning.md, "Search order").
 *
 * For each family, the similar past samples are those of similarity.ts
 * (the same rule as the recommendation's evidence). A family's rate is the
 * centre of the Wilson interval of its feasible share; a variant's rate is
 * its own feasible share among those samples shrunk towards its family's
 * rate with VARIANT_PRIOR pseudo-samples ((k + m·p) / (n + m)), so one lucky
 * seed does not jump the queue. Ties fall to the lower median goal measure
 * of the family's feasible neighbours, then the lower variant, then the
 * caller's order. It orders the search only: every candidate is still tried
 * when time allows, and the verified result does not depend on this order.
 */
export const LARGE_INTENT_SITES = 500;
export const VARIANT_PRIOR = 2;
export const SEARCH_ORDER_ID = 'search-order';

export interface SearchCandidate {
  family: Family;
  /** The generator's variant: its seed (1, 2, …). */
  variant: number;
}

export interface SearchOrderEntry extends SearchCandidate {
  /** Estimated chance it meets the intent (feasible), from history. */
  rate: number;
  /** Similar past samples of the family, and how many were feasible. */
  similar: number;
  feasible: number;
  /** Of them, this variant's. */
  variantSimilar: number;
  variantFeasible: number;
  /** Median goal measure of the family's feasible neighbours (null with none). */
  medianGoal: number | null;
  familiar: boolean;
  /** The samples it rests on (ids, nearest first; at most EVIDENCE_SHOWN). */
  evidence: { sampleId: string; intentName: string; seed: number; feasible: boolean; distance: number }[];
  reason: string;
}

const EVIDENCE_SHOWN = 8;
const pct = (x: number): string => `${Math.round(100 * x)} %`;

export function searchOrder(candidates: readonly SearchCandidate[], history: readonly LearningSample[], intent: Intent): SearchOrderEntry[] {
  const x = intentFeatures(intent).vector;
  const families = new Map<Family, ReturnType<typeof similarSamples>>();
  for (const c of candidates) if (!families.has(c.family)) families.set(c.family, similarSamples(history, c.family, x));
  const entries = candidates.map((c, k) => {
    const { used, familiar } = families.get(c.family)!;
    const feasible = used.filter((u) => u.sample.label.feasible).length;
    const w = wilsonInterval(feasible, used.length);
    const familyRate = used.length === 0 ? 0.5 : (w.low + w.high) / 2;
    const mine = used.filter((u) => u.sample.seed === c.variant);
    const mineOk = mine.filter((u) => u.sample.label.feasible).length;
    const rate = (mineOk + VARIANT_PRIOR * familyRate) / (mine.length + VARIANT_PRIOR);
    const goals = used.filter((u) => u.sample.label.feasible).map((u) => goalMeasure(intent.goal, u.sample.metrics));
    const medianGoal = goals.length ? quantile(goals, 0.5) : null;
    const which = familiar ? 'similar' : 'nearest (not very similar)';
    const reason =
      used.length === 0
        ? `no ${c.family} designs in history: tried at an even chance`
        : `${c.family} met ${feasible} of ${used.length} ${which} past intents` +
          (mine.length ? `, variant ${c.variant} ${mineOk} of ${mine.length}` : `, variant ${c.variant} not among them`) +
          `: estimated ${pct(rate)}`;
    const evidence = used.slice(0, EVIDENCE_SHOWN).map((u) => ({
      sampleId: u.sample.id, intentName: u.sample.intent.name, seed: u.sample.seed, feasible: u.sample.label.feasible, distance: Math.round(u.d * 1000) / 1000,
    }));
    return { entry: { ...c, rate, similar: used.length, feasible, variantSimilar: mine.length, variantFeasible: mineOk, medianGoal, familiar, evidence, reason }, k };
  });
  entries.sort(
    (a, b) =>
      b.entry.rate - a.entry.rate ||
      (a.entry.medianGoal ?? Infinity) - (b.entry.medianGoal ?? Infinity) ||
      a.entry.variant - b.entry.variant ||
      a.k - b.k,
  );
  return entries.map((e) => e.entry);
}
