import { costDesign, type CostBreakdown } from '../../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK, type PriceBook } from '../../../src-shared/cost/pricebook';
import { redundancyRank, type Intent } from '../../../src-shared/model/intent';
import type { TopologySummary } from '../../../src-shared/model/records';
import type { Topology } from '../../../src-shared/model/topology';
import { availabilityOf } from '../../../src-shared/learn/availability';
import { availability as availabilityText, pct, stranded } from '../../../src-shared/report/format';
import { findBridgesAndArticulationPoints } from '../../../src-shared/sim/connectivity';
import { compileTopology } from '../../../src-shared/sim/csr';
import type { ValidationResult } from '../../../src-shared/validate/types';
import { validateDesign } from '../../../src-shared/validate/validate';

/** The figures a design is compared and presented by, all computed with the shared model code. */
export interface DesignMetrics {
  name: string;
  devices: number;
  links: number;
  /** The headline cost: TCO over the design's term (cost.ts totalUsd). */
  costUsd: number;
  capexUsd: number;
  /** Monthly recurring cost. */
  mrcUsd: number;
  termYears: number;
  score: number;
  passed: boolean;
  redundancy: string;
  redundancyRank: number;
  singlePoints: number;
  diameterHops: number;
  maxLatencyMs: number;
  /** Device-pair mean availability (learn/availability.ts availabilityOf: the figure the decision pack prints). */
  availability: number;
  /** Worst link utilisation over the failures the intent's class must survive (model/capacity.ts via validation), and that case in words. */
  worstUtilisation: number;
  worstCase: string;
  /** The intent's budget (NaN when none is set): compared with costUsd, the TCO over the term. */
  budgetUsd: number;
  /** The latest stored sweep of the design, named; null when none is stored. */
  sweep: SweepFacts | null;
  /** Null for a design too large to analyse in the page (summaryMetrics). */
  cost: CostBreakdown | null;
  validation: ValidationResult | null;
}

/**
 * `stored`: the cost stored with the design's current revision (priced by
 * main through the project's price book whenever the design changes), so
 * the slides and the comparison print the design list's and the pack's
 * figure; without one the design is priced here with `book` (the project's,
 * as the design view and main price) over the intent's term.
 */
export function designMetrics(
  t: Topology,
  intent: Intent | null,
  stored: CostBreakdown | null = null,
  book: PriceBook = DEFAULT_PRICE_BOOK,
  sweep: SweepFacts | null = null,
): DesignMetrics {
  const cost = stored ?? costDesign(t, book, intent?.finance);
  const validation = validateDesign(t, intent ?? undefined, { cost });
  const g = compileTopology(t);
  const cuts = findBridgesAndArticulationPoints(g);
  return {
    name: t.name,
    devices: t.nodes.length,
    links: t.links.length,
    costUsd: cost.totalUsd,
    capexUsd: cost.capexUsd,
    mrcUsd: cost.mrcUsd,
    termYears: cost.termYears,
    score: validation.score,
    passed: validation.passed,
    redundancy: validation.redundancyAchieved ?? 'not connected',
    redundancyRank: validation.redundancyAchieved === null ? -1 : redundancyRank(validation.redundancyAchieved),
    singlePoints: cuts.bridges.length + cuts.articulationPoints.length,
    diameterHops: validation.metrics.diameterHops,
    maxLatencyMs: validation.metrics.maxLatencyMs,
    availability: availabilityOf(t, g).availability,
    worstUtilisation: validation.metrics.worstUtilisation ?? NaN,
    worstCase: validation.metrics.worstCase ?? (t.nodes.length > 0 ? 'the design states no traffic to route' : ''),
    budgetUsd: intent?.budgetUsd ?? NaN,
    sweep,
    cost,
    validation,
  };
}

/** What Compare shows of a design's latest stored sweep (sim:list), its worst scenario already in names. */
export interface SweepFacts {
  scenarioCount: number;
  disconnecting: number;
  /** Worst stranded demand as a share of the total (sweeps may use different traffic models: shares compare). */
  worstStrandedShare: number;
  strandedText: string;
  worstScenario: string | null;
  traffic: string;
  /** Set when the sweep ran on an earlier revision of the design. */
  staleRevision: number | null;
}

/** The facts of a stored sweep summary; `name` turns its worst scenario into words (model/names.ts). */
export function sweepFacts(
  summary: { scenarioCount: number; disconnecting: number; worstStrandedDemand: number; baseline: { totalVolume: number; unitGbps?: number }; worst: { cls: string; label: string; failedNodes: string[]; failedLinks: string[]; disconnectedPairs: number; strandedDemand: number }[] },
  run: { traffic: string; topologyRevision: number },
  revision: number,
  name: (s: { cls: string; label: string; failedNodes: string[]; failedLinks: string[] }) => string,
): SweepFacts {
  const worst = summary.worst[0];
  const total = summary.baseline.totalVolume;
  return {
    scenarioCount: summary.scenarioCount,
    disconnecting: summary.disconnecting,
    worstStrandedShare: total > 0 ? summary.worstStrandedDemand / total : summary.worstStrandedDemand > 0 ? 1 : 0,
    strandedText: stranded(summary.worstStrandedDemand, total, summary.baseline.unitGbps),
    worstScenario: worst === undefined || worst.disconnectedPairs + worst.strandedDemand === 0 ? null : name(worst),
    traffic: run.traffic,
    staleRevision: run.topologyRevision === revision ? null : run.topologyRevision,
  };
}

/**
 * The figures of a design over the canvas limit (CANVAS_MAX_DEVICES), from
 * its stored summary alone: counts, and cost when it was priced. Its
 * document is not fetched and nothing is computed in the page: validation
 * compares every pair of sites (minutes at 50,000 devices) and would freeze
 * it. Unknown figures are NaN, shown as "—" and never marked better.
 */
export function summaryMetrics(s: TopologySummary): DesignMetrics {
  return {
    name: s.name,
    devices: s.nodeCount,
    links: s.linkCount,
    costUsd: s.costUsd ?? NaN,
    capexUsd: NaN,
    mrcUsd: NaN,
    termYears: NaN,
    score: NaN,
    passed: false,
    redundancy: '—',
    redundancyRank: NaN,
    singlePoints: NaN,
    diameterHops: NaN,
    maxLatencyMs: NaN,
    availability: NaN,
    worstUtilisation: NaN,
    worstCase: '',
    budgetUsd: NaN,
    sweep: null,
    cost: null,
    validation: null,
  };
}

const known = (show: (m: DesignMetrics) => string, value: (m: DesignMetrics) => number, missing?: (m: DesignMetrics) => string) => (m: DesignMetrics): string =>
  Number.isFinite(value(m)) ? show(m) : (missing?.(m) ?? '—');

export interface CompareRow {
  label: string;
  values: string[];
  /** Indices of the designs with the better value (empty when the row is informational or all tie). */
  best: number[];
  /** Why the best is better, in words. */
  why: string;
  /** A line under each value (the failure behind a worst case, a stale sweep), '' for none. */
  details: string[];
}

type RowSpec = {
  label: string;
  value: (m: DesignMetrics) => number;
  show: (m: DesignMetrics) => string;
  better: 'lower' | 'higher' | null;
  unit: (d: number) => string;
  /** What is shown when the value is unknown ("no budget set"); '—' otherwise. */
  missing?: (m: DesignMetrics) => string;
  detail?: (m: DesignMetrics) => string;
};

/** The headline cost row (cost.ts totalUsd: capex plus recurring over the term). */
export const TCO_ROW = 'TCO over the term';

const money = (v: number): string => `$${Math.round(v).toLocaleString('en-US')}`;

const ROWS: RowSpec[] = ([
  { label: TCO_ROW, value: (m) => Math.round(m.costUsd), show: (m) => `${money(m.costUsd)}${Number.isFinite(m.termYears) ? ` (${m.termYears} years)` : ''}`, better: 'lower', unit: (d) => `${money(d)} cheaper over the term` },
  { label: 'Capex', value: (m) => Math.round(m.capexUsd), show: (m) => money(m.capexUsd), better: 'lower', unit: (d) => `${money(d)} less one-time spend` },
  {
    label: 'Budget',
    value: (m) => (Number.isFinite(m.budgetUsd) ? Math.round(m.costUsd - m.budgetUsd) : NaN),
    show: (m) => {
      const share = `${Math.round((m.costUsd / m.budgetUsd) * 100)} % of ${money(m.budgetUsd)}`;
      return m.costUsd <= m.budgetUsd ? `within, ${money(m.budgetUsd - m.costUsd)} to spare (${share})` : `over by ${money(m.costUsd - m.budgetUsd)} (${share})`;
    },
    missing: (m) => (Number.isFinite(m.costUsd) ? 'no budget set' : '—'),
    better: 'lower',
    unit: (d) => `${money(d)} further inside the budget`,
  },
  { label: 'Monthly recurring', value: (m) => Math.round(m.mrcUsd), show: (m) => `${money(m.mrcUsd)} a month`, better: 'lower', unit: (d) => `${money(d)} a month less` },
  { label: 'Validation score', value: (m) => m.score, show: (m) => `${m.score.toFixed(0)}${m.passed ? ' ✓' : ' ✗'}`, better: 'higher', unit: (d) => `${d.toFixed(0)} points higher` },
  { label: 'Redundancy achieved', value: (m) => m.redundancyRank, show: (m) => m.redundancy, better: 'higher', unit: (d) => `${d} class(es) stronger` },
  {
    label: 'Availability (device pairs)',
    value: (m) => m.availability,
    show: (m) => availabilityText(m.availability),
    better: 'higher',
    // The difference in expected downtime is what a board can weigh.
    unit: (d) => `${Math.round(d * 525_600).toLocaleString('en-US')} min a year less downtime`,
  },
  {
    label: 'Worst-case utilisation',
    value: (m) => Math.round(m.worstUtilisation * 100),
    show: (m) => pct(m.worstUtilisation),
    missing: (m) => (m.validation === null ? '—' : 'no traffic stated'),
    detail: (m) => m.worstCase,
    better: 'lower',
    unit: (d) => `${d} points lower under the class's failures`,
  },
  { label: 'Single points of failure', value: (m) => m.singlePoints, show: (m) => String(m.singlePoints), better: 'lower', unit: (d) => `${d} fewer single points of failure` },
  { label: 'Diameter (hops)', value: (m) => m.diameterHops, show: (m) => String(m.diameterHops), better: 'lower', unit: (d) => `${d} hop(s) shorter worst path` },
  { label: 'Worst site-pair latency', value: (m) => Math.round(m.maxLatencyMs * 10) / 10 /* compare what is shown, not float noise */, show: (m) => `${m.maxLatencyMs.toFixed(1)} ms`, better: 'lower', unit: (d) => `${d.toFixed(1)} ms lower worst latency` },
  {
    label: 'Sweep: worst stranded demand',
    value: (m) => (m.sweep === null ? NaN : Math.round(m.sweep.worstStrandedShare * 1000) / 10),
    show: (m) => m.sweep!.strandedText,
    missing: () => 'no sweep stored',
    detail: (m) => (m.sweep === null ? '' : `${m.sweep.traffic} traffic${m.sweep.staleRevision !== null ? `; ran on revision ${m.sweep.staleRevision}, the design has changed since` : ''}`),
    better: 'lower',
    unit: (d) => `${d.toFixed(1)} points less of the demand stranded`,
  },
  {
    label: 'Sweep: worst scenario',
    value: (m) => (m.sweep === null ? NaN : m.sweep.disconnecting),
    show: (m) => (m.sweep!.worstScenario === null ? 'no scenario cuts or strands anything' : m.sweep!.worstScenario),
    missing: () => 'no sweep stored',
    detail: (m) => (m.sweep === null ? '' : `${m.sweep.disconnecting} of ${m.sweep.scenarioCount} scenarios cut sites apart`),
    better: null,
    unit: () => '',
  },
  { label: 'Devices', value: (m) => m.devices, show: (m) => String(m.devices), better: null, unit: () => '' },
  { label: 'Links', value: (m) => m.links, show: (m) => String(m.links), better: null, unit: () => '' },
] satisfies RowSpec[]).map((r) => ({ ...r, show: known(r.show, r.value, r.missing) }));

/** One row per metric, marking the better design(s) and saying by how much against the runner-up. */
export function compareRows(ms: readonly DesignMetrics[]): CompareRow[] {
  return ROWS.map((r) => {
    const values = ms.map(r.show);
    const details = ms.map((m) => (r.detail !== undefined && Number.isFinite(r.value(m)) ? r.detail(m) : ''));
    const row = (best: number[], why: string): CompareRow => ({ label: r.label, values, best, why, details });
    if (r.better === null || ms.length < 2) return row([], '');
    const v = ms.map(r.value);
    const finite = v.filter((x) => Number.isFinite(x));
    // One design with a figure (the only one swept) is not "better" than designs without one.
    if (finite.length < 2) return row([], finite.length === 1 && ms.length > 1 ? 'only one design has this figure' : '');
    const top = r.better === 'lower' ? Math.min(...finite) : Math.max(...finite);
    const best = v.flatMap((x, i) => (x === top ? [i] : []));
    if (best.length === ms.length) return row([], 'all equal');
    const rest = v.filter((x) => x !== top && Number.isFinite(x));
    const runnerUp = rest.length === 0 ? null : r.better === 'lower' ? Math.min(...rest) : Math.max(...rest);
    // Two tied designs are named; more are counted ("6 designs tie"), not joined into a run-on list.
    const names = best.length <= 2 ? best.map((i) => ms[i]!.name).join(' and ') : `${best.length} designs tie (${ms[best[0]!]!.name}, ${ms[best[1]!]!.name}, …)`;
    const why = runnerUp === null ? `${names}: the others have no finite value` : `${names}: ${r.unit(Math.abs(runnerUp - top))} than the next best`;
    return row(best, why);
  });
}
