import { z } from 'zod';
import type { ScenarioResultShape, SweepReportShape, SweepSummaryShape } from '../contract/sim-types';
import { restoreVersioned, type VersionedFormat } from '../lib/versioned';
import type { AvailabilityReport } from './availability';
import type { ConvergenceEstimate } from './convergence';
import type { ImpactReportShape } from './impact-report';
import { IMPACT_FIELDS } from './impact';
import type { IsolatingSet } from './isolation';
import { SCENARIO_CLASSES } from './scenarios';

/*
 * A sweep as stored by sim:run (simulation_records.result_json and
 * summary_json), read back through lib/versioned.ts.
 *
 * Result versions: 1 is the sweep alone (what sim:run stored before it kept
 * the full impact report); 2 is the impact report (sweep + isolating sets,
 * availability, convergence of the worst scenarios). A version-1 result
 * migrates with those three parts null: "not computed by the NetTwin that
 * ran this sweep" — never invented afterwards from a design that may have
 * changed since.
 */

/** JSON writes a figure that is not finite (a stretch with no path left) as null. */
const Figure = z.union([z.number(), z.null().transform(() => Number.POSITIVE_INFINITY)]);

const ScenarioSchema: z.ZodType<ScenarioResultShape> = z.object({
  ...(Object.fromEntries(IMPACT_FIELDS.filter((f) => f !== 'worstLink').map((f) => [f, Figure])) as Record<Exclude<(typeof IMPACT_FIELDS)[number], 'worstLink'>, typeof Figure>),
  cls: z.enum([...SCENARIO_CLASSES, 'custom']),
  label: z.string(),
  failedNodes: z.array(z.string()),
  failedLinks: z.array(z.string()),
  worstLink: z.string().nullable(),
});

const BaselineSchema: z.ZodType<SweepReportShape['baseline']> = z.object({
  maxLoad: Figure,
  maxUtilisation: Figure,
  totalVolume: Figure,
  unitGbps: z.number().exactOptional(),
});

const SweepFields = {
  design: z.string(),
  nodes: z.number().int().nonnegative(),
  links: z.number().int().nonnegative(),
  traffic: z.string(),
  baseline: BaselineSchema,
  scenarios: z.array(ScenarioSchema),
  elapsedMs: z.number(),
  threads: z.number().int(),
};

const Interval = z.tuple([z.number(), z.number()]);
const AvailabilitySchema: z.ZodType<AvailabilityReport> = z.object({
  method: z.enum(['exact', 'monte-carlo']),
  samples: z.number(),
  headline: z.object({ availability: z.number(), downtimeMinutesPerYear: z.number() }),
  network: z.object({ availability: z.number(), ci95: Interval }),
  pairs: z.array(z.object({ a: z.string(), b: z.string(), availability: z.number(), ci95: Interval, downtimeMinutesPerYear: z.number() })),
});
const IsolatingSetSchema: z.ZodType<IsolatingSet> = z.object({ site: z.string(), links: z.array(z.string()), devices: z.array(z.string()) });
const ConvergenceSchema: z.ZodType<ConvergenceEstimate> = z.object({
  maxMs: z.number(),
  medianMs: z.number(),
  parts: z.object({ detectionMs: z.number(), floodingMaxMs: z.number(), spfMs: z.number(), fibMs: z.number() }),
  detection: z.enum(['BFD', 'loss of light', 'IGP hold time']).exactOptional(),
  restorationMs: z.number().exactOptional(),
  protectedPct: z.number().exactOptional(),
  prefixes: z.number().exactOptional(),
});

/** A stored result: the sweep, and the impact report's other parts when the run computed them. */
export type StoredSimulationResult = SweepReportShape & {
  [K in 'isolation' | 'availability' | 'convergence']: ImpactReportShape[K] | null;
};

const ResultSchema: z.ZodType<StoredSimulationResult> = z.object({
  ...SweepFields,
  isolation: z.array(IsolatingSetSchema).nullable(),
  availability: AvailabilitySchema.nullable(),
  convergence: z.array(z.object({ scenario: z.string(), estimate: ConvergenceSchema })).nullable(),
});

export const SIMULATION_RESULT_FORMAT: VersionedFormat = {
  what: 'simulation result',
  current: 2,
  migrations: { 1: (doc) => ({ ...doc, isolation: null, availability: null, convergence: null }) },
};

/** What is written: the full impact report with its version stated; a sweep alone stays version 1. */
export function storedSimulationResult(r: SweepReportShape | ImpactReportShape): Record<string, unknown> {
  return 'isolation' in r ? { formatVersion: SIMULATION_RESULT_FORMAT.current, ...r } : { formatVersion: 1, ...r };
}

export function restoreSimulationResult(raw: unknown, where: string): StoredSimulationResult {
  return restoreVersioned(raw, SIMULATION_RESULT_FORMAT, ResultSchema, where);
}

/** The summary (simulation_records.summary_json): version 1 is the first. */
export const SWEEP_SUMMARY_FORMAT: VersionedFormat = { what: 'sweep summary', current: 1, migrations: {} };

const SummarySchema: z.ZodType<SweepSummaryShape> = z.object({
  scenarioCount: z.number().int().nonnegative(),
  classes: z.record(z.string(), z.number()),
  baseline: BaselineSchema,
  disconnecting: z.number().int().nonnegative(),
  overloading: z.number().int().nonnegative(),
  worstUtilisation: Figure,
  worstStrandedDemand: Figure,
  worstStretchP95: Figure,
  worst: z.array(ScenarioSchema),
  elapsedMs: z.number(),
  threads: z.number().int(),
  // The one convergence figure (issue 15): absent in summaries stored before it, and kept when present.
  convergence: z
    .object({ scenario: z.string(), convergenceMs: z.number(), restorationMs: z.number(), detection: z.string(), protectedPct: z.number() })
    .nullable()
    .exactOptional(),
});

export function restoreSweepSummary(raw: unknown, where: string): SweepSummaryShape {
  return restoreVersioned(raw, SWEEP_SUMMARY_FORMAT, SummarySchema, where);
}
