import type { LearntEffectsShape } from '../../src-shared/contract/learn-types';
import { AppError } from '../../src-shared/contract/result';
import { calibrate, calibratedCost, calibratedValue, CALIBRATION_LABELS, type Calibration, type CostFactors, type OutcomeRow } from '../../src-shared/learn/calibration';
import {
  calibrationEffect,
  EFFECT_ID,
  EFFECT_SWITCHES_KEY,
  isEnabled,
  preferenceEffect,
  restoreSwitches,
  searchOrderEffect,
  stepRuleEffect,
  storedSwitches,
  type EffectSwitches,
} from '../../src-shared/learn/effects';
import { OUTCOME_UNITS, predictedOutcome } from '../../src-shared/learn/outcomes';
import { compileTopology } from '../../src-shared/sim/csr';
import { learnFamilyPreferences, learnStepPreferences, type FamilyPreference, type StepRulePreference } from '../../src-shared/learn/preferences';
import { searchOrder, type SearchCandidate, type SearchOrderEntry } from '../../src-shared/learn/search-order';
import { parseStoredJson, StoredValueError } from '../../src-shared/lib/versioned';
import { restoreIntent, type Intent } from '../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES } from '../../src-shared/model/topology';
import type { ProjectFile } from '../store/projectFile';
import type { LearningService } from './learning';
import { costForProject } from './project-pricing';

/** A design's figure with the switched-on factor applied, next to the uncalibrated one. */
type CalibratedFigure = LearntEffectsShape['calibrated'][number];

/**
 * Declared once, in the contract. `calibrated`: the project's designs with
 * every switched-on, learnt calibration applied (empty when none is on) —
 * what "applied where opted in" shows.
 */
export type LearntEffectsView = LearntEffectsShape;

/** Variants tried per family when showing the search order (seeds 1..SHOWN_VARIANTS). */
const SHOWN_VARIANTS = 3;

/**
 * `learn:effects`, `learn:setEffect`: the learnt effects of a project —
 * calibrations from its measured outcomes, preferences from its decisions,
 * the search order from history — each with its evidence and a switch
 * stored in the project (so it survives reopening and travels with the
 * file). The recommendation and the CLI read the switched-on effects through
 * `preferences` and `calibrations`, the one place that honours the switches.
 */
export class LearntEffectsService {
  constructor(
    private readonly readable: (projectId: string) => ProjectFile,
    private readonly writable: (projectId: string) => ProjectFile,
    private readonly learning: LearningService,
    private readonly now: () => number = Date.now,
  ) {}

  list(projectId: string): LearntEffectsView {
    const p = this.readable(projectId);
    const switches = this.switches(p);
    const cals = this.allCalibrations(p);
    const { families, stepRules } = this.allPreferences(p);
    const intent = this.latestIntent(p);
    const history = this.learning.history();
    const order = intent ? searchOrder(candidates(), history, intent.intent) : [];
    const effects = [
      ...cals.map((c) => calibrationEffect(c, switches)),
      ...families.map((f) => preferenceEffect(f, switches)),
      ...stepRules.map((r) => stepRuleEffect(r, switches)),
      searchOrderEffect(order, intent?.name ?? null, history.length, switches),
    ];
    return { effects, calibrated: this.calibratedFigures(p, cals.filter((c) => c.factor !== null && isEnabled(c.id, 'calibration', switches))) };
  }

  /** Switches one effect on or off for the project (stored, audited) and answers the new list. */
  setSwitch(input: { projectId: string; effectId: string; enabled: boolean; actor?: string }): LearntEffectsView {
    if (!EFFECT_ID.test(input.effectId)) throw new AppError('INVALID_INPUT', `"${input.effectId}" is not a learnt effect's id`);
    const p = this.writable(input.projectId);
    const known = this.list(input.projectId).effects.find((e) => e.id === input.effectId);
    if (known === undefined) throw new AppError('NOT_FOUND', `no learnt effect "${input.effectId}" in this project`);
    const actor = input.actor ?? 'user';
    p.transaction(() => {
      const next: EffectSwitches = { ...this.switches(p), [input.effectId]: { enabled: input.enabled, actor, at: this.now() } };
      p.meta.set(EFFECT_SWITCHES_KEY, storedSwitches(next));
      p.audit.append(actor, input.enabled ? 'learn.effect.on' : 'learn.effect.off', input.effectId, { title: known.title });
    });
    return this.list(input.projectId);
  }

  /** The calibrations that are learnt and switched on: what may change a figure shown for this project. */
  calibrations(projectId: string): Calibration[] {
    return switchedOnCalibrations(this.readable(projectId));
  }

  /** The preferences that are learnt and switched on: the input of preferenceOrder for this project. */
  preferences(projectId: string): { families: FamilyPreference[]; stepRules: StepRulePreference[] } {
    const p = this.readable(projectId);
    const switches = this.switches(p);
    const all = this.allPreferences(p);
    return {
      families: all.families.filter((f) => f.preferred !== null && isEnabled(f.id, 'preference', switches)),
      stepRules: all.stepRules.filter((r) => r.moreNeeded === 0 && isEnabled(r.id, 'step-rule', switches)),
    };
  }

  /**
   * The order to try candidates in for `intent`, from history — or the
   * caller's own order when the project has switched the search order off.
   */
  searchOrder(intent: Intent, given: readonly SearchCandidate[], projectId?: string): { order: SearchCandidate[]; fromHistory: SearchOrderEntry[] | null } {
    if (projectId !== undefined && !isEnabled('search-order', 'search-order', this.switches(this.readable(projectId)))) return { order: [...given], fromHistory: null };
    const entries = searchOrder(given, this.learning.history(), intent);
    return { order: entries.map((e) => ({ family: e.family, variant: e.variant })), fromHistory: entries };
  }

  private switches(p: ProjectFile): EffectSwitches {
    return switchesOf(p);
  }

  private allCalibrations(p: ProjectFile): Calibration[] {
    return calibrationsOf(p);
  }

  private allPreferences(p: ProjectFile): { families: FamilyPreference[]; stepRules: StepRulePreference[] } {
    return { families: learnFamilyPreferences(p.topologies.list(), p.decisions.list()), stepRules: learnStepPreferences(p.optimisations.list()) };
  }

  private latestIntent(p: ProjectFile): { name: string; intent: Intent } | null {
    const records = p.intents.list();
    for (let i = records.length - 1; i >= 0; i--) {
      const r = restoreIntent(records[i]!.intent);
      if (r.success) return { name: records[i]!.name, intent: r.data };
    }
    return null;
  }

  private calibratedFigures(p: ProjectFile, on: readonly Calibration[]): CalibratedFigure[] {
    if (on.length === 0) return [];
    const costFactors: CostFactors = {};
    for (const c of on) if (c.metric === 'capexUsd' || c.metric === 'mrcUsd' || c.metric === 'circuitsMonthlyUsd') costFactors[c.metric] = c;
    const predictions = on.filter((c) => c.metric === 'latencyMs' || c.metric === 'utilisation' || c.metric === 'incidents');
    const out: CalibratedFigure[] = [];
    for (const d of p.topologies.list()) {
      const topology = p.topologies.get(d.id).topology;
      if (Object.keys(costFactors).length > 0) {
        const cost = costForProject(p, topology);
        const cal = calibratedCost(cost, costFactors);
        if (cal) out.push({ designId: d.id, name: d.name, what: 'total cost (TCO)', raw: cost.totalUsd, calibrated: cal.totalUsd, unit: 'USD', applied: cal.applied });
      }
      if (predictions.length === 0) continue;
      // The twin's own prediction for the design as it is now (the same rule outcomes are compared with), only the metrics switched on.
      const g = compileTopology(topology);
      for (const c of predictions) {
        const raw = predictedOutcome(topology, c.metric, null, g);
        const v = raw === null ? null : calibratedValue(raw, c);
        if (raw !== null && v) out.push({ designId: d.id, name: d.name, what: CALIBRATION_LABELS[c.metric], raw, calibrated: v, unit: OUTCOME_UNITS[c.metric], applied: [c.metric] });
      }
    }
    return out;
  }
}

/** The project's stored switches (a damaged value is refused, naming its key). */
function switchesOf(p: ProjectFile): EffectSwitches {
  const raw = p.meta.get(EFFECT_SWITCHES_KEY);
  if (raw === undefined) return {};
  const where = `project_meta "${EFFECT_SWITCHES_KEY}"`;
  try {
    return restoreSwitches(parseStoredJson(raw, where), where);
  } catch (err) {
    if (err instanceof StoredValueError) throw new AppError('DAMAGED', err.message);
    throw err;
  }
}

function calibrationsOf(p: ProjectFile): Calibration[] {
  const designs = p.topologies.list();
  const names = new Map(designs.map((d) => [d.id, d.name]));
  return calibrate([...p.outcomes.list(), ...capacityOutcomeRows(p, designs.map((d) => d.id))], names);
}

/**
 * Measured utilisation after a built capacity step, next to the plan's
 * prediction for the same link and period (capacity:outcomes): the same
 * kind of evidence as an imported utilisation outcome, so it joins the
 * utilisation calibration — what the plan predicted against what happened.
 */
function capacityOutcomeRows(p: ProjectFile, designIds: readonly string[]): OutcomeRow[] {
  const rows: OutcomeRow[] = [];
  for (const topologyId of designIds) {
    for (const plan of p.capacity.list(topologyId)) {
      for (const step of plan.steps) {
        for (const m of step.measured ?? []) {
          rows.push({ topologyId, metric: 'utilisation', predicted: m.predicted, actual: m.measured, source: `capacity plan step ${step.seq} (${m.period})` });
        }
      }
    }
  }
  return rows;
}

/**
 * The calibrations of a project that are learnt and switched on — the one
 * rule every surface that shows a calibrated figure reads (the service, the
 * decision pack's input).
 */
export function switchedOnCalibrations(p: ProjectFile): Calibration[] {
  const switches = switchesOf(p);
  return calibrationsOf(p).filter((c) => c.factor !== null && isEnabled(c.id, 'calibration', switches));
}

function candidates(): SearchCandidate[] {
  return TOPOLOGY_FAMILIES.flatMap((family) => Array.from({ length: SHOWN_VARIANTS }, (_, i) => ({ family, variant: i + 1 })));
}
