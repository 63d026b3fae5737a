import { z } from 'zod';
import type { MeasuredVerdict, PredictedOption, RecommendationInput, RecommendationView } from './model';

/**
 * Reads stored recommendation documents (learn/recommend.ts Recommendation)
 * leniently: a field that is missing or malformed becomes null and prints as
 * a dash, rather than hiding the whole recommendation. Nothing is filled in.
 */
const Num = z.number().nullable().catch(null);
const Interval = z.tuple([z.number(), z.number()]).nullable().catch(null);
const Strings = z.array(z.string()).catch([]);

const OptionDoc = z.object({
  family: z.string(),
  confidence: Num.optional(),
  successProbability: Num.optional(),
  predicted: z
    .object({ costUsd: Num.optional(), p95LatencyMs: Num.optional(), availability: Num.optional() })
    .nullable()
    .catch(null)
    .optional(),
  intervals: z
    .object({ costUsd: Interval.optional(), p95LatencyMs: Interval.optional(), availability: Interval.optional() })
    .nullable()
    .catch(null)
    .optional(),
  pros: Strings.optional(),
  cons: Strings.optional(),
  rationale: z.string().nullable().catch(null).optional(),
  verified: z
    .object({
      seed: z.number().catch(1),
      success: z.boolean(),
      failed: z.array(z.object({ title: z.string() }).catch({ title: '–' })).catch([]),
      measured: z
        .object({ costUsd: Num.optional(), p95LatencyMs: Num.optional(), availability: Num.optional(), downtimeMinPerYear: Num.optional() })
        .catch({}),
    })
    .nullable()
    .catch(null)
    .optional(),
});

function measuredOf(v: z.infer<typeof OptionDoc>['verified']): MeasuredVerdict | null {
  if (v === null || v === undefined) return null;
  const m = v.measured;
  return {
    seed: v.seed,
    success: v.success,
    failed: v.failed.map((f) => ({ title: f.title })),
    costUsd: m.costUsd ?? null,
    p95LatencyMs: m.p95LatencyMs ?? null,
    availability: m.availability ?? null,
    downtimeMinPerYear: m.downtimeMinPerYear ?? null,
  };
}

const RecommendationDoc = z.object({
  mode: z.string().optional(),
  goal: z.string().nullable().catch(null).optional(),
  novelty: z.string().nullable().catch(null).optional(),
  options: z.array(z.unknown()).catch([]),
  model: z
    .object({ trainedOn: z.number(), costMapePct: z.number(), p95MapePct: z.number() })
    .nullable()
    .catch(null)
    .optional(),
});

function optionOf(raw: unknown, rank: number): PredictedOption | null {
  const o = OptionDoc.safeParse(raw);
  if (!o.success) return null;
  const d = o.data;
  return {
    family: d.family,
    rank,
    confidence: d.confidence ?? null,
    successProbability: d.successProbability ?? null,
    costUsd: d.predicted?.costUsd ?? null,
    costInterval: d.intervals?.costUsd ?? null,
    p95LatencyMs: d.predicted?.p95LatencyMs ?? null,
    p95Interval: d.intervals?.p95LatencyMs ?? null,
    availability: d.predicted?.availability ?? null,
    availabilityInterval: d.intervals?.availability ?? null,
    pros: d.pros ?? [],
    cons: d.cons ?? [],
    rationale: d.rationale ?? null,
    verified: measuredOf(d.verified),
  };
}

/** Newest first. A row whose document is not a recommendation at all is reported with no options. */
export function recommendationViews(rows: readonly RecommendationInput[]): RecommendationView[] {
  return [...rows]
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((row) => {
      const doc = RecommendationDoc.safeParse(row.result);
      const options = doc.success
        ? doc.data.options.map((o, i) => optionOf(o, i + 1)).filter((o): o is PredictedOption => o !== null)
        : [];
      return {
        id: row.id,
        createdAt: row.createdAt,
        mode: row.mode,
        goal: doc.success ? (doc.data.goal ?? null) : null,
        novelty: doc.success ? (doc.data.novelty ?? null) : null,
        chosenFamily: row.chosenFamily,
        model: doc.success ? (doc.data.model ?? null) : null,
        options,
      };
    });
}
