import { DEFAULT_PRICE_BOOK, type PriceBook } from '../cost/pricebook';
import type { SweepSummaryShape } from '../contract/sim-types';
import { availabilityOf } from '../learn/availability';
import { restoreIntent } from '../model/intent';
import { restoreSweepSummary } from '../sim/stored-result';
import type { SimulationRecord, TopologyRecord } from '../model/records';
import { exportSvg } from '../io/svg-export';
import { compileTopology } from '../sim/csr';
import { choiceInWords, latestDesignChoice } from './decision';
import type { StoredSimulationResult } from '../sim/stored-result';
import type { IsolatingSet } from '../sim/isolation';
import type { ChosenDesign, OptionRow, ReportInput, ReportModel, SweepView } from './model';
import { recommendationViews } from './recommendations';
import { spreadForPrint } from './layout';
import { resilienceOf } from './resilience';
import { costOf, validationsFor, type DesignValidation } from './validation';
import { calibratedCost, type CostFactors } from '../learn/calibration';
import { certificateScenarios, classRows, worstScenarios } from './sweep';

/** Largest design whose drawing carries device names. */
export const LABELLED_MAX = 30;

/** Largest design drawn: beyond it the drawing is an unreadable blot and a slow, huge PDF. */
export const DRAWN_MAX = 3000;

/** The design asked for does not exist in the project. */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
}


function latestBy<T extends { createdAt: number }>(rows: readonly T[], key: (r: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) {
    const k = key(r);
    const seen = out.get(k);
    if (!seen || r.createdAt >= seen.createdAt) out.set(k, r);
  }
  return out;
}

/** A record's stored summary, or null when it has none this NetTwin can read (the pack then says no sweep was run). */
function summaryOf(rec: SimulationRecord | undefined): SweepSummaryShape | null {
  if (rec === undefined) return null;
  try {
    return restoreSweepSummary(rec.summary, `simulation_records.summary_json of ${rec.id}`);
  } catch {
    return null;
  }
}

/** The tiers behind a price book name: the project's own book, or the shipped default. */
function bookNamed(name: string | undefined, own: PriceBook | null): PriceBook | null {
  if (name === undefined) return null;
  if (own && own.name === name) return own;
  return name === DEFAULT_PRICE_BOOK.name ? DEFAULT_PRICE_BOOK : null;
}

function pickDesign(input: ReportInput, validations: Map<string, DesignValidation>): { record: TopologyRecord; basis: string } | null {
  const { designs } = input;
  const ids = new Set(designs.map((d) => d.id));
  if (input.designId !== undefined) {
    const byId = designs.find((d) => d.id === input.designId);
    const byName = designs.filter((d) => d.name === input.designId);
    const hit = byId ?? (byName.length === 1 ? byName[0] : undefined);
    if (!hit) {
      throw new ReportInputError(
        byName.length > 1
          ? `"${input.designId}" names ${byName.length} designs; give its id`
          : `no design "${input.designId}" in this project`,
      );
    }
    // The design asked for: if it is the one decided, say so; if another was decided, say that too.
    const decision = latestDesignChoice(input.decisions, ids);
    if (decision?.subjectId === hit.id) return { record: hit, basis: choiceInWords(decision) };
    const other = decision ? designs.find((x) => x.id === decision.subjectId) : undefined;
    return {
      record: hit,
      basis: other
        ? `Selected for this report by the person who produced it; the design decided is "${other.name}" (${choiceInWords(decision!)})`
        : 'Selected for this report by the person who produced it; no decision choosing a design is recorded.',
    };
  }
  const decided = latestDesignChoice(input.decisions, ids);
  if (decided) {
    const record = designs.find((x) => x.id === decided.subjectId)!;
    return { record, basis: choiceInWords(decided) };
  }
  if (designs.length === 0) return null;
  if (designs.length === 1) return { record: designs[0]!, basis: 'The only design in this project; no decision about it is recorded.' };
  // No decision yet: present the strongest candidate and say that no one has chosen it.
  const ranked = [...designs].sort((a, b) => {
    const va = validations.get(a.id)?.result;
    const vb = validations.get(b.id)?.result;
    const pa = va?.passed ? 1 : 0;
    const pb = vb?.passed ? 1 : 0;
    return pb - pa || (vb?.score ?? -1) - (va?.score ?? -1) || (a.costUsd ?? Infinity) - (b.costUsd ?? Infinity);
  });
  return {
    record: ranked[0]!,
    basis:
      'No decision choosing a design is recorded in this project. The design shown is the candidate that passes ' +
      'validation with the highest score (ties broken by lower cost); it is a proposal for the board, not a choice already made.',
  };
}

function chosenDesign(
  input: ReportInput,
  pick: { record: TopologyRecord; basis: string },
  validations: Map<string, DesignValidation>,
  sims: Map<string, SimulationRecord>,
): ChosenDesign {
  const { record, basis } = pick;
  const t = record.topology;
  const { cost, stored } = costOf(record, input);
  const v = validations.get(record.id)!;
  const sim = sims.get(record.id);
  // The organisation's cost calibrations, only those someone switched on: beside the price-book figure, never instead of it.
  const factors: CostFactors = {};
  const statements: string[] = [];
  for (const c of input.costCalibrations ?? []) {
    if (c.metric !== 'capexUsd' && c.metric !== 'mrcUsd' && c.metric !== 'circuitsMonthlyUsd') continue;
    factors[c.metric] = c;
    statements.push(c.statement);
  }
  const calibrated = calibratedCost(cost, factors);
  return {
    record,
    basis,
    validation: v.result,
    validationNote: v.note,
    cost,
    costSource: stored ? 'stored' : 'computed',
    ...(calibrated !== null ? { calibratedCost: { cost: calibrated, statements } } : {}),
    // Names stay readable on A4 up to about 30 devices; beyond that they overlap and the drawing shows the shape.
    svg: t.nodes.length > DRAWN_MAX ? null : exportSvg(spreadForPrint(t, 1000, 640), { width: 1000, height: 640, labels: t.nodes.length <= LABELLED_MAX, legend: true }),
    resilience: resilienceOf(t),
    sweep: sim ? sweepView(sim, record, input.sweepResult?.(sim.id)) : null,
  };
}

function sweepView(sim: SimulationRecord, record: TopologyRecord, full: unknown): SweepView {
  const summary = summaryOf(sim);
  const { scenarios, complete } = certificateScenarios(summary, full);
  return {
    record: sim,
    summary,
    stale: sim.topologyRevision !== record.revision,
    byClass: complete ? classRows(scenarios) : null,
    worst: worstScenarios(scenarios),
    isolation: storedIsolation(full),
  };
}

/**
 * The isolating sets of a stored impact report (the store hands results over
 * already restored: sim/stored-result.ts); null when the run stored a sweep alone.
 */
function storedIsolation(full: unknown): IsolatingSet[] | null {
  if (typeof full !== 'object' || full === null) return null;
  const isolation = (full as Partial<StoredSimulationResult>).isolation;
  return Array.isArray(isolation) ? isolation : null;
}

/** Builds the report model from plain records. Pure; the cost is one availability pass per design. */
export function gatherReport(input: ReportInput): ReportModel {
  const validations = validationsFor(input);
  const sims = latestBy(input.simulations, (s) => s.topologyId);
  const pick = pickDesign(input, validations);
  const chosen = pick ? chosenDesign(input, pick, validations, sims) : null;
  const options: OptionRow[] = input.designs.map((d) => {
    const dv = validations.get(d.id)!;
    const v = dv.result;
    const s = summaryOf(sims.get(d.id));
    // The stored breakdown when it has capex, monthly and TCO; else priced now (a summary's figure may predate the TCO model).
    const cost = costOf(d, input).cost;
    return {
      id: d.id,
      name: d.name,
      family: d.family,
      source: d.source,
      revision: d.revision,
      devices: d.nodeCount,
      links: d.linkCount,
      costUsd: cost.totalUsd,
      capexUsd: cost.capexUsd,
      mrcUsd: cost.mrcUsd,
      termYears: cost.termYears,
      score: v.score,
      passed: v.passed,
      validatedNow: dv.computed,
      redundancy: v.redundancyAchieved,
      maxLatencyMs: v.metrics.maxLatencyMs,
      diameterHops: v.metrics.diameterHops,
      availability: chosen?.record.id === d.id ? chosen.resilience.availability : availabilityOf(d.topology, compileTopology(d.topology)),
      failingChecks: v.checks.filter((c) => !c.passed).map((c) => c.id),
      sweep: s ? { scenarios: s.scenarioCount, disconnecting: s.disconnecting, worstUtilisation: s.worstUtilisation } : null,
      chosen: chosen?.record.id === d.id,
    };
  });
  const intentRecord =
    (chosen?.record.intentId ? input.intents.find((i) => i.id === chosen.record.intentId) : undefined) ??
    (input.intents.length === 1 ? input.intents[0] : undefined);
  const parsed = intentRecord ? restoreIntent(intentRecord.intent) : null;
  // Recommendations for the presented intent; each recommendation stores its own copy of the intent, so
  // when none points at this intent record the project's recommendations are shown as they are.
  const forIntent = intentRecord ? input.recommendations.filter((r) => r.intentId === intentRecord.id) : [];
  const recs = recommendationViews(forIntent.length > 0 ? forIntent : input.recommendations);
  return {
    title: `Decision pack: ${input.project.name}`,
    project: input.project,
    generatedAt: input.generatedAt,
    softwareVersion: input.softwareVersion,
    intent: intentRecord ? { record: intentRecord, parsed: parsed?.success ? parsed.data : null } : null,
    options,
    recommendations: recs,
    chosen,
    simulationTraffic: [...new Set(input.simulations.map((s) => s.traffic))].sort(),
    priceBook: bookNamed(chosen?.cost.priceBook, input.priceBook),
    optimisations: [...input.optimisations].sort((a, b) => a.createdAt - b.createdAt || a.step - b.step),
    decisions: [...input.decisions].sort((a, b) => a.createdAt - b.createdAt),
    outcomes: [...input.outcomes],
    audit: [...input.audit].sort((a, b) => a.id - b.id),
    auditTotal: input.auditTotal,
    capacity: chosen && input.capacityPlan ? input.capacityPlan(chosen.record.id) : null,
    designNames: Object.fromEntries(input.designs.map((d) => [d.id, d.name])),
  };
}
