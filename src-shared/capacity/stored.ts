import { z } from 'zod';
import { StoredValueError } from '../lib/versioned';
import { PatchOpSchema } from '../optimise/stored';
import type { CapacityPlanResult } from './types';

/**
 * A stored plan (capacity_plans.plan_json, format 1 — the table's first),
 * checked on read: the parts every surface reads (design, periods, steps
 * with their patches, totals) are validated so a damaged row names itself
 * instead of reaching a chart; the rest is kept as stored.
 */
const Worst = z.object({ link: z.string(), linkLabel: z.string(), utilisation: z.number(), loadGbps: z.number(), capacityGbps: z.number(), failure: z.string() });
const Period = z.object({ ahead: z.number().int(), label: z.string(), start: z.string(), title: z.string() });
const PlanSchema = z.looseObject({
  design: z.object({ id: z.string(), name: z.string(), revision: z.number() }),
  createdAt: z.number(),
  limitPct: z.number(),
  buildForPct: z.number(),
  periods: z.array(Period.loose()),
  steps: z.array(
    z.looseObject({
      seq: z.number().int(),
      kind: z.enum(['upgrade', 'parallel', 'diverse']),
      due: Period,
      summary: z.string(),
      link: z.string(),
      patch: z.array(PatchOpSchema),
      capexUsd: z.number(),
      monthlyUsd: z.number(),
      tcoUsd: z.number(),
      before: z.array(Worst),
      after: z.array(Worst),
      predicted: z.array(z.object({ period: z.string(), utilisation: z.number() })),
    }),
  ),
  totals: z.object({ capexUsd: z.number(), monthlyUsd: z.number(), tcoUsd: z.number(), termYears: z.number() }),
});

export function restoreCapacityPlan(raw: unknown, where: string): CapacityPlanResult {
  const r = PlanSchema.safeParse(raw);
  if (!r.success) throw new StoredValueError(where, r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).slice(0, 3).join('; '));
  return raw as CapacityPlanResult;
}

const Measured = z.array(z.object({ period: z.string(), predicted: z.number(), measured: z.number() }));
export type MeasuredOutcome = z.infer<typeof Measured>[number];

export function restoreMeasured(raw: unknown, where: string): MeasuredOutcome[] {
  const r = Measured.safeParse(raw);
  if (!r.success) throw new StoredValueError(where, r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).slice(0, 3).join('; '));
  return r.data;
}
