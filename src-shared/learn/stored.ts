import { z } from 'zod';
import { restoreVersioned, StoredValueError, type VersionedFormat } from '../lib/versioned';
import { RedundancySchema, restoreIntent, type Intent } from '../model/intent';
import { FamilySchema } from '../model/topology';
import type { FamilyPreference } from './preferences';
import type { DesignMetrics, SuccessLabel } from './sample';

/*
 * A learning sample's stored parts (learning_samples.metrics_json,
 * label_json, features_json, intent_json), read back through
 * lib/versioned.ts. Version 1 of metrics and label is the first; a change to
 * either shape bumps `current` and adds the migration from the previous one.
 * The feature vector's own version is the row's feature_set_version (see
 * currentSample), and the measuring model's is model_version: not format versions.
 */

export const SAMPLE_METRICS_FORMAT: VersionedFormat = { what: 'sample metrics', current: 1, migrations: {} };
export const SAMPLE_LABEL_FORMAT: VersionedFormat = { what: 'sample label', current: 1, migrations: {} };

/** JSON writes a figure that is not finite as null (a design with no site pair has no latency). */
const Figure = z.union([z.number(), z.null().transform(() => Number.NaN)]);

const MetricsSchema: z.ZodType<DesignMetrics> = z.object({
  costUsd: Figure,
  p95LatencyMs: Figure,
  availability: Figure,
  downtimeMinPerYear: Figure,
  incidentsPerYear: Figure,
});

const LabelSchema: z.ZodType<SuccessLabel> = z.object({
  success: z.boolean(),
  feasible: z.boolean(),
  withinBudget: z.boolean(),
  validationPassed: z.boolean(),
  sweepMet: z.boolean(),
  redundancyAchieved: RedundancySchema.nullable(),
});

const FeaturesSchema = z.array(Figure);

export function restoreSampleMetrics(raw: unknown, where: string): DesignMetrics {
  return restoreVersioned(raw, SAMPLE_METRICS_FORMAT, MetricsSchema, where);
}

export function restoreSampleLabel(raw: unknown, where: string): SuccessLabel {
  return restoreVersioned(raw, SAMPLE_LABEL_FORMAT, LabelSchema, where);
}

export function restoreSampleFeatures(raw: unknown, where: string): number[] {
  const r = FeaturesSchema.safeParse(raw);
  if (!r.success) throw new StoredValueError(where, 'a feature vector must be a list of numbers');
  return r.data;
}

/** A stored intent that must be valid (a sample is meaningless without its intent). */
export function restoreStoredIntent(raw: unknown, where: string): Intent {
  const r = restoreIntent(raw);
  if (!r.success) throw new StoredValueError(where, r.problems.slice(0, 5).join('; '));
  return r.data;
}

/** What recommendation_history.request_json holds: everything that replays the answer. */
export interface RecordedRequest {
  intent: Intent;
  mode: 'instant' | 'verified';
  options: number | null;
  /** The answer saw the history created strictly before this time… */
  historyBefore: number;
  /** …which held this many samples (replay refuses when it no longer does). */
  historyCount: number;
  /** Verified: the families asked for (absent in requests recorded before every family was verified: the top 4). */
  families?: 'all' | { top: number } | undefined;
  /**
   * Verified: the learnt, switched-on family preferences that ordered equally
   * good options (without their evidence lists), so a replay orders them the
   * same; absent when none applied.
   */
  preferences?: FamilyPreference[] | undefined;
  /**
   * History alone, without the analytic estimate: instant's first paint (never stored), or verified
   * mode's candidate order when it verifies every family (stored, so a replay orders the same).
   */
  historyOnly?: boolean | undefined;
}

export const RECOMMENDATION_REQUEST_FORMAT: VersionedFormat = { what: 'recommendation request', current: 1, migrations: {} };

const RequestSchema = z.object({
  intent: z.unknown(),
  mode: z.enum(['instant', 'verified']),
  options: z.number().int().nonnegative().nullable(),
  historyBefore: z.number(),
  historyCount: z.number().int().nonnegative(),
  families: z.union([z.literal('all'), z.object({ top: z.number().int().min(1) })]).optional(),
  historyOnly: z.boolean().optional(),
  preferences: z
    .array(
      z.object({
        id: z.string(),
        families: z.tuple([FamilySchema, FamilySchema]),
        preferred: FamilySchema.nullable(),
        other: FamilySchema.nullable(),
        wins: z.number().int().nonnegative(),
        comparisons: z.number().int().positive(),
        interval: z.object({ low: z.number(), high: z.number() }),
        moreNeeded: z.number().int().nonnegative(),
        statement: z.string(),
        evidence: z.array(z.never()).default([]),
      }),
    )
    .optional(),
});

export function restoreRecommendationRequest(raw: unknown, where: string): RecordedRequest {
  const doc = restoreVersioned(raw, RECOMMENDATION_REQUEST_FORMAT, RequestSchema, where);
  return { ...doc, intent: restoreStoredIntent(doc.intent, `${where} (intent)`) };
}
