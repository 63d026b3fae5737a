import type { RecommendPartialShape, RecommendResultShape } from '../../../src-shared/contract/learn-types';
import { rankVerified, type SkippedFamilyShape, type VerifiedOption } from '../../../src-shared/learn/options';
import type { RecommendedOption } from '../../../src-shared/learn/recommend';
import type { Goal } from '../../../src-shared/model/intent';

/**
 * One row of the options list: a verified option (measured verdict) or, while
 * verification runs, the instant estimate of a family not verified yet.
 */
export type OptionRow =
  | { kind: 'verified'; key: string; family: VerifiedOption['family']; verified: VerifiedOption; described: RecommendedOption | null }
  | { kind: 'estimate'; key: string; family: RecommendedOption['family']; estimate: RecommendedOption; pending: boolean };

/**
 * The list the user sees. With a final answer: its options in its order.
 * While a verified job streams: the options landed so far in the one
 * verified order (options.ts rankVerified — the same the final answer
 * uses), then the instant estimates of the families still being evaluated,
 * in the instant order; families left out are dropped from the estimates.
 */
export function optionRows(
  goal: Goal,
  result: RecommendResultShape | null,
  partial: RecommendPartialShape | null,
): OptionRow[] {
  if (result === null) return [];
  if (result.mode === 'verified' || partial === null) {
    return result.options.map((o, i) =>
      o.verified !== undefined
        ? { kind: 'verified', key: `${o.family}#${o.verified.seed}`, family: o.family, verified: o.verified, described: o }
        : { kind: 'estimate', key: `${o.family}@${i}`, family: o.family, estimate: o, pending: false },
    );
  }
  const landed = rankVerified(goal, partial.verified);
  const done = new Set<string>([...landed.map((v) => v.family), ...partial.skipped.map((s) => s.family)]);
  return [
    ...landed.map((v): OptionRow => ({ kind: 'verified', key: `${v.family}#${v.seed}`, family: v.family, verified: v, described: null })),
    ...result.options
      .filter((o) => !done.has(o.family))
      .map((o): OptionRow => ({ kind: 'estimate', key: `${o.family}@estimate`, family: o.family, estimate: o, pending: true })),
  ];
}

/** Families left out, from the final answer or the stream so far. */
export function skippedOf(result: RecommendResultShape | null, partial: RecommendPartialShape | null): SkippedFamilyShape[] {
  return result?.mode === 'verified' ? (result.skipped ?? []) : (partial?.skipped ?? []);
}
