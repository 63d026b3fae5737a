import { z } from 'zod';
import { IntentSchema } from '../model/intent';
import { IntentEditSchema } from '../learn/intent-edit';
import { IntentRecordSchema, ProjectInfoSchema, TopologyRecordSchema, TopologySummarySchema } from '../model/records';
import type { ValidationResult } from '../validate/types';
import { SimulationRecordSchema } from '../model/records';
import { DeviceRoleSchema } from '../model/topology';
import { PriceBookSchema } from '../cost/pricebook';
import { TOPOLOGY_EXPORT_FORMATS, TOPOLOGY_IMPORT_FORMATS } from '../io/formats';
import type { ImportReport } from '../io/report';
import { SCENARIO_CLASSES } from '../sim/scenarios';
import type { SweepSummaryShape } from './sim-types';
import type { StoredSimulationResult } from '../sim/stored-result';
import type { LearningReport } from '../learn/report';
import type { VerifyUpFront } from '../learn/verify-up-front';
import { EFFECT_ID } from '../learn/effects';
import type { Calibration } from '../learn/calibration';
import type { GovernancePolicy } from '../optimise/governance';
import { RedundancySchema } from '../model/intent';
import type {
  AuditEntryShape,
  LearntEffectsShape,
  OptimisationEntryShape,
  OptimiseRunResultShape,
  OutcomeImportResultShape,
  RecommendResultShape,
  ReportOutputShape,
} from './learn-types';
import type { DecisionRecord } from '../model/records';
import { FamilySchema, TopologySchema } from '../model/topology';
import type { Channel } from './channels';
import type { TrafficEstimateResult, TrafficImportResult, TrafficPeriodRecord } from '../traffic/records';
import type { StoredCapacityPlan } from '../capacity/types';

/**
 * Single source of truth for renderer → main calls (`area:verb`). Pure: zod
 * only. Main parses every input with these schemas before a handler runs.
 */
const ProjectId = z.string().min(1).max(4096);
const RecordId = z.string().min(1).max(200);
const ProjectName = z
  .string()
  .trim()
  .min(1, 'a project needs a name')
  .max(120, 'at most 120 characters')
  .regex(/^[^/\\:*?"<>|]+$/, 'no / \\ : * ? " < > | in a project name')
  .refine((n) => ![...n].some((ch) => ch.charCodeAt(0) < 32), 'no control characters in a project name')
  // A lone UTF-16 surrogate has no file-name encoding: the file system would store U+FFFD and the name would not find it again.
  .refine((n) => !/\p{Surrogate}/u.test(n), 'a project name must be valid Unicode (no lone surrogate)');

const Empty = z.object({}).strict();
const Actor = z.string().trim().min(1, 'say who decides').max(200);
const Reason = z.string().trim().min(1, 'give a reason').max(2000);
const RecommendInput = z
  .object({
    intent: IntentSchema,
    options: z.number().int().min(1).max(20).optional(),
    /** Verified: every applicable family (the default) or the instant ranking's top N. */
    families: z.union([z.literal('all'), z.object({ top: z.number().int().min(1).max(20) }).strict()]).optional(),
    projectId: ProjectId.optional(),
    /**
     * Instant: answer from history alone (the first paint, about 20 ms at 500 sites), without the analytic
     * estimate of each family; not recorded in the project. The full instant answer follows.
     */
    historyOnly: z.boolean().optional(),
  })
  .strict();
const JobStarted = z.object({ jobId: z.string() });

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  projectsDir: z.string(),
});

const DesignImportInput = z
  .object({
    projectId: ProjectId,
    fileName: z.string().min(1).max(300),
    text: z.string().max(64 * 1024 * 1024),
    format: z.enum(TOPOLOGY_IMPORT_FORMATS).optional(),
    cables: z.object({ fileName: z.string().min(1).max(300), text: z.string().max(64 * 1024 * 1024) }).strict().optional(),
    sites: z.object({ fileName: z.string().min(1).max(300), text: z.string().max(64 * 1024 * 1024) }).strict().optional(),
    roles: z.record(z.string().min(1).max(200), DeviceRoleSchema).optional(),
  })
  .strict();
const DesignImportOutput = z.object({
  summary: TopologySummarySchema,
  report: z.custom<ImportReport>(),
  format: z.enum(TOPOLOGY_IMPORT_FORMATS),
  /** The role corrections applied, by device id. */
  corrections: z.record(z.string(), z.string()),
});

export const PositionSchema = z.object({ id: RecordId, x: z.number().finite(), y: z.number().finite() });

export const contract = {
  'app:info': { input: Empty, output: AppInfoSchema },
  'project:list': { input: Empty, output: z.array(ProjectInfoSchema) },
  'project:create': { input: z.object({ name: ProjectName }).strict(), output: ProjectInfoSchema },
  'project:open': {
    input: z.object({ id: ProjectId, readOnly: z.boolean().optional() }).strict(),
    output: ProjectInfoSchema,
  },
  'project:saveAs': { input: z.object({ id: ProjectId, name: ProjectName }).strict(), output: ProjectInfoSchema },
  /** A single shareable file in the projects folder, with or without validation/simulation/learning history. */
  'project:export': {
    input: z.object({ id: ProjectId, name: ProjectName, includeHistory: z.boolean() }).strict(),
    output: ProjectInfoSchema,
  },
  'project:close': { input: z.object({ id: ProjectId }).strict(), output: z.null() },
  'design:list': { input: z.object({ projectId: ProjectId }).strict(), output: z.array(TopologySummarySchema) },
  'design:get': {
    input: z.object({ projectId: ProjectId, designId: RecordId }).strict(),
    output: TopologyRecordSchema,
  },
  'design:generate': {
    input: z
      .object({ projectId: ProjectId, intent: IntentSchema, family: FamilySchema, seed: z.number().int().optional() })
      .strict(),
    output: TopologySummarySchema,
  },
  /** Long job: every family for one intent. Progress and result arrive as `job:*` events. */
  'design:generateAll': {
    input: z.object({ projectId: ProjectId, intent: IntentSchema, seed: z.number().int().optional() }).strict(),
    output: JobStarted,
  },
  'design:savePositions': {
    input: z
      .object({
        projectId: ProjectId,
        designId: RecordId,
        revision: z.number().int().positive().optional(),
        positions: z.array(PositionSchema).min(1).max(200_000),
      })
      .strict(),
    output: z.object({ revision: z.number().int().positive() }),
  },
  'design:rename': {
    input: z.object({ projectId: ProjectId, designId: RecordId, name: z.string().trim().min(1).max(200) }).strict(),
    output: z.null(),
  },
  'design:delete': { input: z.object({ projectId: ProjectId, designId: RecordId }).strict(), output: z.null() },
  /** Validates the current revision against its intent (if any) and records a ValidationRecord. */
  'design:validate': {
    input: z.object({ projectId: ProjectId, designId: RecordId }).strict(),
    output: z.custom<ValidationResult>(),
  },
  /** The same as a job (a large design takes minutes: progress by site pairs, cancel); the job's value is the ValidationResult. */
  'design:validateJob': { input: z.object({ projectId: ProjectId, designId: RecordId }).strict(), output: JobStarted },
  /** Saves an edited design as a new revision (optimistic: `revision` must be the current one). */
  'design:update': {
    input: z
      .object({ projectId: ProjectId, designId: RecordId, revision: z.number().int().positive(), topology: TopologySchema })
      .strict(),
    output: z.object({ revision: z.number().int().positive(), validation: z.custom<ValidationResult>() }),
  },
  /** A person chooses a design, with a reason: a decision on record, shown on the slides and in the decision pack. */
  'design:choose': {
    input: z.object({ projectId: ProjectId, designId: RecordId, actor: Actor, reason: Reason }).strict(),
    output: z.custom<DecisionRecord>(),
  },
  'design:choices': { input: z.object({ projectId: ProjectId }).strict(), output: z.custom<DecisionRecord[]>() },
  'intent:get': { input: z.object({ projectId: ProjectId, intentId: RecordId }).strict(), output: IntentRecordSchema },
  /** Stores the intent with one constraint edited (a relaxation, or its undo) as a new intent record; audited. */
  'intent:revise': {
    input: z.object({ projectId: ProjectId, intentId: RecordId, edit: IntentEditSchema }).strict(),
    output: IntentRecordSchema,
  },
  'pricebook:get': {
    input: z.object({ projectId: ProjectId }).strict(),
    output: z.object({ book: PriceBookSchema, custom: z.boolean() }),
  },
  /** The project's edited price book (null: back to the default); new designs and validations are priced with it. */
  'pricebook:set': { input: z.object({ projectId: ProjectId, book: PriceBookSchema.nullable() }).strict(), output: z.null() },
  /** A real network into the project (format detected when not given); the report says what was mapped, guessed, dropped. */
  'design:import': { input: DesignImportInput, output: DesignImportOutput },
  /** Long job: the same import with progress (reading by bytes, then building, storing) and cancel; the job's value is design:import's answer. */
  'design:importJob': { input: DesignImportInput, output: JobStarted },
  /** file name → text (several files for Ansible host_vars and NetBox CSV). */
  'design:export': {
    input: z.object({ projectId: ProjectId, designId: RecordId, format: z.enum(TOPOLOGY_EXPORT_FORMATS) }).strict(),
    output: z.object({ files: z.record(z.string(), z.string()) }),
  },
  /** Long job: a failure sweep on the worker pool, recorded as SimulationRecord; the job's value is `{ simulationId, summary }`. */
  'sim:run': {
    input: z
      .object({
        projectId: ProjectId,
        designId: RecordId,
        scenarios: z.array(z.enum(SCENARIO_CLASSES)).min(1).max(SCENARIO_CLASSES.length),
        traffic: z.enum(['intent', 'uniform', 'gravity', 'hub-centric']).default('intent'),
        custom: z.array(z.object({ nodes: z.array(RecordId).max(10_000), links: z.array(RecordId).max(10_000) }).strict()).max(1000).optional(),
      })
      .strict(),
    output: JobStarted,
  },
  'sim:list': { input: z.object({ projectId: ProjectId, designId: RecordId }).strict(), output: z.array(SimulationRecordSchema) },
  'sim:result': { input: z.object({ projectId: ProjectId, simulationId: RecordId }).strict(), output: z.custom<StoredSimulationResult>() },
  /** Every family ranked for the intent's goal from history and the predictor alone (fast). */
  'recommend:instant': { input: RecommendInput, output: z.custom<RecommendResultShape>() },
  /**
   * Long job: generates and simulates every applicable family (or the top N; × options variants) in worker
   * threads; each candidate streams in a progress event's `partial` (RecommendPartialShape) as it lands;
   * value: the exactly ranked verified recommendation.
   */
  'recommend:verified': { input: RecommendInput, output: JobStarted },
  /**
   * What the Options view runs after history's first paint (learn/verify-up-front.ts): every family verified at
   * once where the estimate would generate and size them all anyway, else the estimate first.
   */
  'recommend:upFront': { input: z.object({ intent: IntentSchema }).strict(), output: z.custom<VerifyUpFront>() },
  'learn:report': { input: z.object({ projectId: ProjectId.optional() }).strict(), output: z.custom<LearningReport>() },
  /** Measured outcomes (CSV or JSON) compared with the twin's predictions. */
  'outcomes:import': {
    input: z.object({ projectId: ProjectId, text: z.string().min(1).max(16 * 1024 * 1024), source: z.string().min(1).max(300) }).strict(),
    output: z.custom<OutcomeImportResultShape>(),
  },
  /** What was learnt from this project's outcomes, decisions and history, with evidence and switches (learn/effects.ts). */
  'learn:effects': { input: z.object({ projectId: ProjectId }).strict(), output: z.custom<LearntEffectsShape>() },
  /** Switches one learnt effect on or off for the project (stored in it, audited); answers the new list. */
  'learn:setEffect': {
    input: z
      .object({ projectId: ProjectId, effectId: z.string().regex(EFFECT_ID, 'not a learnt effect id'), enabled: z.boolean(), actor: Actor.optional() })
      .strict(),
    output: z.custom<LearntEffectsShape>(),
  },
  /** The calibrations that are learnt and switched on in this project: what the cost panel applies beside the price-book figure. */
  'learn:calibrations': { input: z.object({ projectId: ProjectId }).strict(), output: z.custom<Calibration[]>() },
  /** Measured interface counters (CSV or Prometheus range-query JSON) mapped onto a design's links, kept per period. */
  'traffic:import': {
    input: z
      .object({
        projectId: ProjectId,
        designId: RecordId,
        text: z.string().min(1).max(256 * 1024 * 1024),
        source: z.string().min(1).max(300),
        format: z.enum(['csv', 'prometheus']).optional(),
        period: z.enum(['day', 'week', 'month', 'quarter', 'all']).optional(),
        statistic: z.enum(['p95', 'max', 'mean']).optional(),
        bytes: z.boolean().optional(),
      })
      .strict(),
    output: z.custom<TrafficImportResult>(),
  },
  'traffic:periods': { input: z.object({ projectId: ProjectId, designId: RecordId }).strict(), output: z.custom<TrafficPeriodRecord[]>() },
  /** A traffic matrix estimated from one stored period (gravity, tomogravity or NNLS) with its fit. */
  'traffic:estimate': {
    input: z
      .object({
        projectId: ProjectId,
        designId: RecordId,
        period: z.string().min(1).max(200).optional(),
        method: z.enum(['gravity', 'tomogravity', 'nnls']).optional(),
        top: z.number().int().min(1).max(10000).optional(),
      })
      .strict(),
    output: z.custom<TrafficEstimateResult>(),
  },
  /** Long job: the capacity plan of a design over the forecast periods (capacity/plan.ts), stored with each step's governance verdict; value: the stored plan. */
  'capacity:plan': {
    input: z
      .object({
        projectId: ProjectId,
        designId: RecordId,
        periods: z.number().int().min(1).max(40).optional(),
        growth: z.string().trim().min(1).max(100).optional(),
        siteGrowth: z.string().max(20_000).optional(),
        bound: z.enum(['expected', 'high']).optional(),
        basis: z.enum(['measured', 'intent']).optional(),
        method: z.enum(['gravity', 'tomogravity', 'nnls']).optional(),
        statistic: z.enum(['p95', 'max', 'mean']).optional(),
      })
      .strict(),
    output: JobStarted,
  },
  'capacity:list': { input: z.object({ projectId: ProjectId, designId: RecordId }).strict(), output: z.custom<StoredCapacityPlan[]>() },
  /** A person approves or rejects a plan step waiting for a decision. */
  'capacity:decide': {
    input: z.object({ projectId: ProjectId, stepId: RecordId, decision: z.enum(['approve', 'reject']), actor: Actor, reason: Reason }).strict(),
    output: z.custom<StoredCapacityPlan>(),
  },
  /** An approved step is in service: applied to the design. */
  'capacity:built': { input: z.object({ projectId: ProjectId, stepId: RecordId, actor: Actor }).strict(), output: z.custom<StoredCapacityPlan>() },
  /** Measured utilisation since each built step, next to the plan's prediction (stored). */
  'capacity:outcomes': { input: z.object({ projectId: ProjectId, planId: RecordId }).strict(), output: z.custom<StoredCapacityPlan>() },
  /** Long job: optimisation steps under the project's governance policy; value: `{ steps, revision, stoppedFor }`. */
  'optimise:run': {
    input: z
      .object({
        projectId: ProjectId,
        designId: RecordId,
        strategy: z.enum(['cost', 'resilience', 'load']),
        keep: RedundancySchema.optional(),
        maxSteps: z.number().int().min(1).max(100).optional(),
      })
      .strict(),
    output: JobStarted,
  },
  'optimise:decide': {
    input: z
      .object({ projectId: ProjectId, stepId: RecordId, decision: z.enum(['approve', 'reject']), actor: Actor, reason: Reason })
      .strict(),
    output: z.custom<OptimisationEntryShape>(),
  },
  'optimise:undo': {
    input: z.object({ projectId: ProjectId, stepId: RecordId, actor: Actor, reason: Reason }).strict(),
    output: z.custom<OptimisationEntryShape>(),
  },
  'optimise:list': {
    input: z.object({ projectId: ProjectId, designId: RecordId.optional() }).strict(),
    output: z.custom<OptimisationEntryShape[]>(),
  },
  'optimise:policy': { input: z.object({ projectId: ProjectId }).strict(), output: z.custom<GovernancePolicy>() },
  'optimise:setPolicy': {
    input: z
      .object({
        projectId: ProjectId,
        actor: Actor,
        policy: z
          .object({
            autoApproveMaxCostUsd: z.number().min(0).max(1e12),
            autoStrategies: z.array(z.enum(['cost', 'resilience', 'load'])).max(3),
            autoApproveMaxElements: z.number().int().min(0).max(10_000).optional(),
          })
          .strict(),
      })
      .strict(),
    output: z.custom<GovernancePolicy>(),
  },
  'audit:list': {
    input: z.object({ projectId: ProjectId, limit: z.number().int().min(1).max(10_000).optional() }).strict(),
    output: z.custom<AuditEntryShape[]>(),
  },
  /**
   * The governance decision pack: HTML text, or a PDF written next to the
   * project (desktop: printToPDF), or with `deliver: 'data'` the PDF's bytes
   * (base64) for the browser app to download.
   */
  'report:generate': {
    input: z.object({ projectId: ProjectId, designId: RecordId.optional(), format: z.enum(['html', 'pdf']), deliver: z.enum(['file', 'data']).optional() }).strict(),
    output: z.custom<ReportOutputShape>(),
  },
  'job:cancel': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** What became of jobs a page started, asked when it comes back (a tab closed mid-sweep): see JobStatusShape. */
  'job:status': { input: z.object({ jobIds: z.array(z.string().min(1).max(100)).min(1).max(100) }).strict(), output: z.custom<JobStatusShape[]>() },
} satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>; // missing/extra channel = compile error

export type Contract = typeof contract;

/** A job's last known state in this process; `unknown`: never run here or forgotten (NetTwin restarted since). */
export interface JobStatusShape {
  jobId: string;
  kind: string | null;
  state: 'running' | 'done' | 'failed' | 'cancelled' | 'unknown';
  done: number;
  total: number;
  message: string;
  startedAt: number | null;
  endedAt: number | null;
  error: string | null;
}
export type { Channel };
/** What the renderer sends (before parsing). */
export type CallInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a main-process handler receives (after parsing). */
export type HandlerInput<C extends Channel> = z.output<Contract[C]['input']>;
export type CallOutput<C extends Channel> = z.output<Contract[C]['output']>;

/**
 * The value each long job's `job:finished` event carries, by the channel
 * that starts it. The renderer's runJob derives its result type from this
 * map and main's handlers are checked against it (ipc/handlers.ts).
 */
export interface JobValues {
  'design:generateAll': z.output<typeof TopologySummarySchema>[];
  'design:importJob': CallOutput<'design:import'>;
  'design:validateJob': ValidationResult;
  'sim:run': { simulationId: string; summary: SweepSummaryShape };
  'recommend:verified': RecommendResultShape;
  'optimise:run': OptimiseRunResultShape;
  'capacity:plan': StoredCapacityPlan;
}
export type JobChannel = keyof JobValues & Channel;
export type JobValue<C extends JobChannel> = JobValues[C];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
