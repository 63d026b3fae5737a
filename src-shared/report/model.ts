import type { IsolatingSet } from '../sim/isolation';
import type { CostBreakdown } from '../cost/cost';
import type { PriceBook } from '../cost/pricebook';
import type { ScenarioResultShape, SweepSummaryShape } from '../contract/sim-types';
import type { AvailabilityReport } from '../learn/availability';
import type { CalibratedCost, Calibration } from '../learn/calibration';
import type { Intent } from '../model/intent';
import type {
  AuditEntry,
  DecisionRecord,
  IntentRecord,
  OptimisationEntry,
  OutcomeRecord,
  SimulationRecord,
  TopologyRecord,
  ValidationRecord,
} from '../model/records';
import type { ValidationResult } from '../validate/types';
import type { ClassRow } from './sweep';
import type { StoredCapacityPlan } from '../capacity/types';

/**
 * The governance report as data: what `gatherReport` reads from plain
 * project records, and what the HTML renderer prints. Every figure in the
 * model is either read from a record or computed by the shared cost,
 * validation and simulation code (and then marked as computed for the
 * report); a missing record that cannot be computed (a sweep, a prediction,
 * an approval) stays missing and the page says so.
 */

/** One audit-trail entry, as the project's audit repository lists it. */
export type AuditInput = AuditEntry;

/** A row of recommendation_history: `result` is a learn/recommend Recommendation document. */
export interface RecommendationInput {
  id: string;
  intentId: string | null;
  mode: string;
  chosenFamily: string | null;
  result: unknown;
  createdAt: number;
}

/**
 * A row of optimization_log. `before`/`after` are the optimiser's documents:
 * `{ metrics: StepMetrics, … }` (optimise/metrics.ts) next to the base
 * design and the patch, which the report does not print.
 */
export type OptimisationInput = Omit<OptimisationEntry, 'expected' | 'actual'>;

/** A row of decisions: a person (or policy) deciding about a design, a step, a recommendation. */
export type DecisionInput = DecisionRecord;

/** A measured outcome fed back after deployment (predicted vs actual). */
export type OutcomeInput = Omit<OutcomeRecord, 'createdAt'>;

export interface ReportInput {
  project: { name: string; fileName: string; schemaVersion: number; createdAt: number | null; createdBy: string | null };
  /** The project's own price book when it has one (else designs are priced with DEFAULT_PRICE_BOOK). */
  priceBook: PriceBook | null;
  generatedAt: number;
  softwareVersion: string;
  designs: readonly TopologyRecord[];
  intents: readonly IntentRecord[];
  validations: readonly ValidationRecord[];
  simulations: readonly SimulationRecord[];
  audit: readonly AuditInput[];
  /** Total audit entries in the project (the list above may be the newest part only). */
  auditTotal: number;
  recommendations: readonly RecommendationInput[];
  optimisations: readonly OptimisationInput[];
  decisions: readonly DecisionInput[];
  outcomes: readonly OutcomeInput[];
  /** The cost calibrations this project has learnt and switched on (learn/effects.ts); none: price-book figures alone. */
  costCalibrations?: readonly Calibration[];
  /** Design to present (id or exact name); otherwise a recorded decision, else the best-validated design. */
  designId?: string;
  /** Loads a stored sweep's full result (SweepReportShape) by simulation id; only the presented design's is asked for. */
  sweepResult?: (simulationId: string) => unknown;
  /** The latest capacity plan of a design (only the presented design's is asked for). */
  capacityPlan?: (designId: string) => StoredCapacityPlan | null;
}

/** One design in the comparison: computed figures, never predicted ones. */
export interface OptionRow {
  id: string;
  name: string;
  family: string | null;
  source: string;
  revision: number;
  devices: number;
  links: number;
  /** The headline: TCO over the term (cost.ts totalUsd). */
  costUsd: number | null;
  capexUsd: number;
  /** Monthly recurring cost. */
  mrcUsd: number;
  termYears: number;
  score: number;
  passed: boolean;
  /** No current validation was stored: the checks were run for this report. */
  validatedNow: boolean;
  redundancy: string | null;
  maxLatencyMs: number;
  diameterHops: number;
  availability: AvailabilityReport;
  failingChecks: string[];
  sweep: { scenarios: number; disconnecting: number; worstUtilisation: number } | null;
  chosen: boolean;
}

export interface PredictedOption {
  family: string;
  rank: number;
  confidence: number | null;
  successProbability: number | null;
  costUsd: number | null;
  costInterval: [number, number] | null;
  p95LatencyMs: number | null;
  p95Interval: [number, number] | null;
  availability: number | null;
  availabilityInterval: [number, number] | null;
  pros: string[];
  cons: string[];
  rationale: string | null;
  /** What verification measured (a verified recommendation's option), or null for an estimate. */
  verified: MeasuredVerdict | null;
}

/** A verified option's measurement as the pack prints it (learn/options.ts VerifiedOption, read leniently). */
export interface MeasuredVerdict {
  seed: number;
  success: boolean;
  failed: { title: string }[];
  costUsd: number | null;
  p95LatencyMs: number | null;
  availability: number | null;
  downtimeMinPerYear: number | null;
}

export interface RecommendationView {
  id: string;
  createdAt: number;
  mode: string;
  goal: string | null;
  novelty: string | null;
  chosenFamily: string | null;
  model: { trainedOn: number; costMapePct: number; p95MapePct: number } | null;
  options: PredictedOption[];
}

export interface NamedElement {
  id: string;
  label: string;
}

export interface ResilienceView {
  availability: AvailabilityReport;
  bridges: NamedElement[];
  cutNodes: NamedElement[];
  /** Classes of links any two of which disconnect the network (2-edge cut classes). */
  twoLinkCutClasses: NamedElement[][];
  /** Connected parts of the intact design (1 when every device reaches every other). */
  components: number;
}

export interface SweepView {
  record: SimulationRecord;
  summary: SweepSummaryShape | null;
  /** The design changed after this sweep ran. */
  stale: boolean;
  /** Per failure class, from the full result (null when only the summary is stored). */
  byClass: ClassRow[] | null;
  /** Worst harmful scenarios, the worst of each class first (sweep.ts). */
  worst: ScenarioResultShape[];
  /**
   * Failure sets of at most two elements that cut a site off, from the stored
   * impact report (null: the run stored a sweep alone, before the full report).
   */
  isolation: IsolatingSet[] | null;
}

export interface ChosenDesign {
  record: TopologyRecord;
  /** Why this design is the one presented. */
  basis: string;
  validation: ValidationResult;
  /** Why the checks were run for this report rather than read from the project (null: stored and current). */
  validationNote: string | null;
  cost: CostBreakdown;
  costSource: 'stored' | 'computed';
  /** The cost with the switched-on calibrations, shown beside the price-book figure (absent when none is on). */
  calibratedCost?: { cost: CalibratedCost; statements: string[] };
  /** The drawing (null when the design is too large to draw legibly on a page). */
  svg: string | null;
  resilience: ResilienceView;
  sweep: SweepView | null;
}

export interface ReportModel {
  title: string;
  project: ReportInput['project'];
  generatedAt: number;
  softwareVersion: string;
  intent: { record: IntentRecord; parsed: Intent | null } | null;
  options: OptionRow[];
  recommendations: RecommendationView[];
  chosen: ChosenDesign | null;
  simulationTraffic: string[];
  /** The price book the presented design was priced with, when this project or NetTwin holds its tiers. */
  priceBook: PriceBook | null;
  optimisations: OptimisationInput[];
  decisions: DecisionInput[];
  outcomes: OutcomeInput[];
  audit: AuditInput[];
  auditTotal: number;
  /** The presented design's latest capacity plan (null: none stored). */
  capacity: StoredCapacityPlan | null;
  /** Design id → name, to print audit subjects and step targets legibly. */
  designNames: Record<string, string>;
}
