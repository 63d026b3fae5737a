import { z } from 'zod';
import { FamilySchema, TopologySchema } from './topology';

/**
 * The records a project file holds (the seed's six plus intents, decisions,
 * outcomes). Payload documents (validation results, sweep reports) are owned
 * by their modules; here they travel as JSON values.
 */
const Json: z.ZodType<unknown> = z.unknown();

export const TopologySourceSchema = z.enum(['generated', 'imported', 'edited', 'optimized']);

export const TopologySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  family: FamilySchema.nullable(),
  seed: z.number().int().nullable(),
  source: TopologySourceSchema,
  intentId: z.string().nullable(),
  revision: z.number().int().positive(),
  nodeCount: z.number().int().nonnegative(),
  linkCount: z.number().int().nonnegative(),
  costUsd: z.number().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type TopologySummary = z.infer<typeof TopologySummarySchema>;

export const TopologyRecordSchema = TopologySummarySchema.extend({
  topology: TopologySchema,
  cost: Json.nullable(),
  softwareVersion: z.string(),
});
export type TopologyRecord = z.infer<typeof TopologyRecordSchema>;

export const IntentRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  intent: Json,
  softwareVersion: z.string(),
  createdAt: z.number().int(),
});
export type IntentRecord = z.infer<typeof IntentRecordSchema>;

export const ValidationRecordSchema = z.object({
  id: z.string(),
  topologyId: z.string(),
  topologyRevision: z.number().int(),
  intentId: z.string().nullable(),
  score: z.number(),
  passed: z.boolean(),
  result: Json,
  softwareVersion: z.string(),
  createdAt: z.number().int(),
});
export type ValidationRecord = z.infer<typeof ValidationRecordSchema>;

export const SimulationRecordSchema = z.object({
  id: z.string(),
  topologyId: z.string(),
  topologyRevision: z.number().int(),
  scenarios: z.string(),
  traffic: z.string(),
  summary: Json,
  softwareVersion: z.string(),
  createdAt: z.number().int(),
});
export type SimulationRecord = z.infer<typeof SimulationRecordSchema>;

export const PerformanceMetricSchema = z.object({
  id: z.string(),
  simulationId: z.string().nullable(),
  topologyId: z.string(),
  metric: z.string(),
  value: z.number(),
  unit: z.string(),
  createdAt: z.number().int(),
});
export type PerformanceMetric = z.infer<typeof PerformanceMetricSchema>;

export const ProjectInfoSchema = z.object({
  /** Locator of the file: a name inside the projects folder (browser host) or an absolute path (desktop). */
  id: z.string(),
  name: z.string(),
  path: z.string(),
  readOnly: z.boolean(),
  schemaVersion: z.number().int(),
  createdAt: z.number().int(),
  modifiedAt: z.number().int(),
  designCount: z.number().int().nonnegative(),
});
export type ProjectInfo = z.infer<typeof ProjectInfoSchema>;

/** One entry of a project's append-only audit trail. */
export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string | null;
  detail: unknown;
}

export type OptimisationStatus = 'proposed' | 'approved' | 'auto-approved' | 'rejected' | 'undone';

/** One optimisation step (optimization_log): before/after figures, rule, rationale, and the decision on it. */
export interface OptimisationEntry {
  id: string;
  topologyId: string;
  step: number;
  strategy: string;
  rule: string;
  rationale: string;
  before: unknown;
  after: unknown;
  expected: unknown;
  actual: unknown;
  status: OptimisationStatus;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: number | null;
  createdAt: number;
}

/** A person (or the governance policy) deciding about a design, a step or a recommendation. */
export interface DecisionRecord {
  id: string;
  subjectKind: string;
  subjectId: string;
  decision: string;
  actor: string;
  reason: string | null;
  createdAt: number;
}

/** A measured outcome fed back after deployment, next to the twin's prediction. */
export interface OutcomeRecord {
  id: string;
  topologyId: string;
  metric: string;
  predicted: number | null;
  actual: number;
  unit: string;
  source: string;
  measuredAt: number | null;
  createdAt: number;
}

/** A project file's name ends in this (the desktop's dialogs, the browser host's ids, the command line). */
export const PROJECT_EXTENSION = '.nettwin';
