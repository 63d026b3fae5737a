import { z } from 'zod';
import { restoreVersioned, StoredValueError, type VersionedFormat } from '../lib/versioned';
import { RedundancySchema, restoreIntent, type Intent, type Redundancy } from '../model/intent';
import { DeviceSchema, LinkSchema, restoreTopology, type Topology } from '../model/topology';
import { DEFAULT_POLICY, type GovernancePolicy } from './governance';
import type { StepMetrics } from './metrics';
import type { PatchOp } from './patch';

/*
 * What the optimiser stores, read back through lib/versioned.ts: a step's
 * before/after documents (optimization_log.before_json / after_json) and the
 * project's governance policy (project_meta "governance.policy"). Each
 * restore* migrates an older shape, refuses a newer one by name and names
 * the stored value (`where`) in every error.
 */

const StepMetricsSchema: z.ZodType<StepMetrics> = z.object({
  costUsd: z.number(),
  bridges: z.number().int().nonnegative(),
  articulationPoints: z.number().int().nonnegative(),
  redundancy: RedundancySchema.nullable(),
  validationPassed: z.boolean(),
  worstN1Utilisation: z.number().exactOptional(),
});

const CapacityStateSchema = z.object({ gbps: z.number().positive(), members: z.number().int().min(1) });

/** Every patch operation (capacity plans' steps use the same operations; capacity/stored.ts). */
export const PatchOpSchema: z.ZodType<PatchOp> = z.discriminatedUnion('op', [
  z.object({ op: z.literal('remove-link'), link: LinkSchema }),
  z.object({ op: z.literal('add-link'), link: LinkSchema }),
  z.object({ op: z.literal('set-weight'), linkId: z.string().min(1), from: z.number(), to: z.number() }),
  z.object({ op: z.literal('set-capacity'), linkId: z.string().min(1), from: CapacityStateSchema, to: CapacityStateSchema }),
  z.object({ op: z.literal('remove-device'), device: DeviceSchema, links: z.array(LinkSchema) }),
  z.object({ op: z.literal('add-device'), device: DeviceSchema, links: z.array(LinkSchema) }),
]);

/** What a step's before_json holds: the figures, the design it started from and the parameters that replay it. */
export interface StepBefore {
  metrics: StepMetrics;
  base: Topology;
  params: { keep: Redundancy; intent: Intent | null; softwareVersion: string };
}

/** What a step's after_json holds: the figures after and the patch that was (or would be) applied. */
export interface StepAfter {
  metrics: StepMetrics;
  patch: PatchOp[];
}

/** Version 1 is the first; a change to either shape bumps `current` and adds the step from the previous one. */
export const STEP_FORMAT: VersionedFormat = { what: 'optimisation step', current: 1, migrations: {} };

const StepBeforeSchema = z.object({
  metrics: StepMetricsSchema,
  base: z.unknown(),
  params: z.object({ keep: RedundancySchema, intent: z.unknown(), softwareVersion: z.string() }),
});

const StepAfterSchema: z.ZodType<StepAfter> = z.object({ metrics: StepMetricsSchema, patch: z.array(PatchOpSchema) });

/** A step's stored before document; the design and the intent in it go through their own restore. */
export function restoreStepBefore(raw: unknown, where: string): StepBefore {
  const doc = restoreVersioned(raw, STEP_FORMAT, StepBeforeSchema, where);
  let base: Topology;
  try {
    base = restoreTopology(doc.base);
  } catch (err) {
    throw new StoredValueError(`${where} (base)`, err instanceof Error ? err.message : String(err));
  }
  let intent: Intent | null = null;
  if (doc.params.intent !== null && doc.params.intent !== undefined) {
    const r = restoreIntent(doc.params.intent);
    if (!r.success) throw new StoredValueError(`${where} (params.intent)`, r.problems.slice(0, 5).join('; '));
    intent = r.data;
  }
  return { metrics: doc.metrics, base, params: { keep: doc.params.keep, intent, softwareVersion: doc.params.softwareVersion } };
}

/** A step's stored after document. */
export function restoreStepAfter(raw: unknown, where: string): StepAfter {
  return restoreVersioned(raw, STEP_FORMAT, StepAfterSchema, where);
}

/**
 * The governance policy as stored. Version 1 (no formatVersion) could be
 * partial: a field it lacks takes the default, as the service always did.
 * Version 2 is whole and says so.
 */
export const POLICY_FORMAT: VersionedFormat = {
  what: 'governance policy',
  current: 2,
  migrations: { 1: (doc) => ({ ...DEFAULT_POLICY, ...doc }) },
};

const GovernancePolicySchema: z.ZodType<GovernancePolicy> = z.object({
  autoApproveMaxCostUsd: z.number().min(0),
  autoStrategies: z.array(z.enum(['cost', 'resilience', 'load'])).max(3),
  autoApproveMaxElements: z.number().int().min(0).optional(),
});

/** The stored policy (JSON text already parsed). */
export function restorePolicy(raw: unknown, where: string): GovernancePolicy {
  return restoreVersioned(raw, POLICY_FORMAT, GovernancePolicySchema, where);
}

/** The policy as it is written: the current version, stated. */
export function storedPolicy(policy: GovernancePolicy): Record<string, unknown> {
  return { formatVersion: POLICY_FORMAT.current, ...policy };
}
