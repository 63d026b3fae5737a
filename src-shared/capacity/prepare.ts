import type { PriceBook } from '../cost/pricebook';
import type { Redundancy } from '../model/intent';
import type { Planning } from '../model/planning';
import type { Topology } from '../model/topology';
import { compileTopology } from '../sim/csr';
import type { TmMethod } from '../traffic/estimate';
import type { TrafficPeriodRecord } from '../traffic/records';
import { parseGrowthBase, parseGrowthOverrides, resolveSiteGrowth, type GrowthSpec } from '../traffic/site-growth';
import { intentDemands, measuredDemands } from './demands';
import { planPeriods } from './periods';
import { planCapacity } from './plan';
import type { CapacityPlanResult } from './types';

/** What a plan is asked for, as every surface states it (CLI flags, the Capacity view's form, IPC). */
export interface CapacityPlanOptions {
  /** Periods ahead of the last measured one (default 5). */
  periods?: number | undefined;
  /** "fitted", "5%", "compound:5%", "linear:3%"; default: fitted with two or more measured periods, else none stated (0 %). */
  growth?: string | undefined;
  /** Per site or group: "Paris HQ=8%,region:apac=12%,role:branch=linear:2%". */
  siteGrowth?: string | undefined;
  /** Plan on the expected forecast or on the upper end of its interval. */
  bound?: 'expected' | 'high' | undefined;
  /** Base demands: the measured periods' estimated matrix (default when measured), or the intent's model. */
  basis?: 'measured' | 'intent' | undefined;
  method?: TmMethod | undefined;
}

export const DEFAULT_PLAN_PERIODS = 5;

export interface PlanRequest {
  topology: Topology;
  design: { id: string; name: string; revision: number };
  planning: Planning;
  redundancy: Redundancy;
  book: PriceBook;
  /** The design's measured periods (one statistic), oldest first. */
  measured: TrafficPeriodRecord[];
  options: CapacityPlanOptions;
  now: number;
}

/**
 * From a stored design and its measured periods to a plan: the base demands,
 * the growth per site, the periods ahead; then capacity/plan.ts. The one
 * entry point for the CLI, IPC (in the planning worker) and the bench.
 * Errors in the options throw GrowthSpecError / RangeError with the field named.
 */
export function planFromRequest(req: PlanRequest, onProgress?: (done: number, total: number, label: string) => void): CapacityPlanResult {
  const o = req.options;
  const count = o.periods ?? DEFAULT_PLAN_PERIODS;
  if (!Number.isInteger(count) || count < 1 || count > 40) throw new RangeError(`periods: ${count} is not a whole number of periods from 1 to 40`);
  const t = req.topology;
  const g = compileTopology(t);
  const basis = o.basis ?? (req.measured.length > 0 ? 'measured' : 'intent');
  if (basis === 'measured' && req.measured.length === 0) throw new RangeError(`basis: no measured traffic for "${req.design.name}": import counters first, or plan on the intent's traffic`);
  onProgress?.(0, count + 2, basis === 'measured' ? 'estimating the traffic matrix' : 'building the traffic model');
  const base = basis === 'measured' ? measuredDemands(t, g, req.measured[req.measured.length - 1]!, o.method) : intentDemands(t, g, req.planning);
  const growthText = o.growth ?? (req.measured.length >= 2 ? 'fitted' : '0%');
  const spec: GrowthSpec = { base: parseGrowthBase(growthText), overrides: o.siteGrowth ? parseGrowthOverrides(o.siteGrowth) : [] };
  const growth = resolveSiteGrowth(t, spec, req.measured);
  const last = req.measured.length > 0 ? req.measured[req.measured.length - 1]!.label : null;
  const periods = planPeriods(last, count, new Date(req.now));
  const plan = planCapacity({
    topology: t,
    design: req.design,
    planning: req.planning,
    redundancy: req.redundancy,
    book: req.book,
    demands: base.demands,
    basis: { demands: basis, text: base.text },
    growth: {
      sites: growth.sites,
      network: growth.network,
      base: spec.base.kind === 'fitted' ? 'fitted per site from the measured periods' : `${spec.base.kind} ${spec.base.pctPerPeriod} % per period${o.growth === undefined ? ' (none stated)' : ''}`,
      overrides: spec.overrides.map((x) => `${x.match}: ${x.rule.kind} ${x.rule.pctPerPeriod} % per period`),
      names: new Map(t.sites.map((s) => [s.id, s.name])),
    },
    periods,
    bound: o.bound ?? 'expected',
    now: req.now,
    ...(onProgress ? { onProgress: (d: number, total: number, l: string) => onProgress(d + 1, total + 2, l) } : {}),
  });
  plan.notes.unshift(...growth.notes);
  if (last === null) plan.notes.unshift(`No measured traffic: periods are quarters from ${periods[0]!.title}, demands from the intent's model.`);
  return plan;
}
