import type { PriceBook } from '../cost/pricebook';
import { CLASS_FAILURES, capacityUnderFailure, linkLabeller, type CapacityReport, type FailureKind } from '../model/capacity';
import type { Redundancy } from '../model/intent';
import type { Planning } from '../model/planning';
import type { Link, Topology } from '../model/topology';
import { buildForFactor, type DeviceDemands } from '../model/traffic';
import { applyPatch } from '../optimise/patch';
import { compileTopology, type CompiledGraph } from '../sim/csr';
import { growthFactor, type SiteGrowth } from '../traffic/site-growth';
import { igpAlternative } from './igp';
import type { PlanPeriod } from './periods';
import { capacityCandidates, describeCapacity, diverseCircuit, priceDelta, type CostDelta } from './steps';
import type { CapacityPlanResult, LinkWorst, PeriodSummary, PlanStep } from './types';
import { lagMembers } from '../model/capacity';

/**
 * The capacity plan (issue 21 item 4): the module steps (steps.ts) that keep
 * every link within the utilisation limit under every failure the redundancy
 * class must survive (model/capacity.ts, the one capacity check), in every
 * period of the forecast, each dated by the period it is first needed in.
 *
 * Greedy on the worst violation, period by period in time order (steps taken
 * for earlier periods stay): take the link with the highest worst-case
 * utilisation; price its capacity steps (upgrade, parallel circuits) and, when
 * its worst case comes from a link or duct failure, a diverse circuit beside
 * the failed one; take the step with the lowest TCO per Gbit/s of excess
 * removed (Gbit/s above the limit, summed over links, worst case over the
 * failure set). Routing follows the IGP weights, not capacity, so a capacity
 * step changes only its own link's utilisation and is evaluated exactly
 * without re-routing; a diverse circuit changes routing and is evaluated by
 * re-running the check. After each period its steps are verified in the twin:
 * the check is re-run on the changed design, and each step's links are shown
 * before and after. A greedy answer is not proven minimal; on the hand-built
 * cases in test/shared/capacity/plan.test.ts it is the minimal set.
 */

/** A demand of the base period: device indices, Gbit/s without the build-for margin, the sending site. */
export interface PlanDemand {
  s: number;
  t: number;
  gbps: number;
  site: string | undefined;
}

export interface PlanInput {
  topology: Topology;
  design: { id: string; name: string; revision: number };
  planning: Planning;
  redundancy: Redundancy;
  book: PriceBook;
  demands: readonly PlanDemand[];
  basis: CapacityPlanResult['basis'];
  growth: { sites: ReadonlyMap<string, SiteGrowth>; network: SiteGrowth; base: string; overrides: string[]; names: ReadonlyMap<string, string> };
  periods: readonly PlanPeriod[];
  bound?: 'expected' | 'high';
  now?: number;
  onProgress?: (done: number, total: number, label: string) => void;
}

/** Most steps one period may take before the plan says it could not finish. */
export const MAX_STEPS_PER_PERIOD = 500;
/** Diverse circuits evaluated per period (each a full re-run of the check). */
export const DIVERSE_TRIES_PER_PERIOD = 4;
/** Links the heat map keeps (the highest worst case as the design stands). */
export const HEAT_LINKS = 40;
/** Links the worst-case-per-link list keeps (those above half the limit, most loaded first). */
export const WORST_LINKS = 200;

const money = (v: number): string => {
  const a = Math.abs(v);
  const s = a >= 1e6 ? `$${(a / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M` : a >= 1e3 ? `$${(a / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k` : `$${Math.round(a)}`;
  return v < 0 ? `−${s}` : s;
};

export function failureKinds(redundancy: Redundancy): FailureKind[] {
  return redundancy === 'NONE' ? [] : [...CLASS_FAILURES[redundancy]];
}

interface Checker {
  run(t: Topology, g: CompiledGraph, k: number, kinds?: readonly FailureKind[]): CapacityReport;
  checks: number;
}

export function planCapacity(input: PlanInput): CapacityPlanResult {
  const started = Date.now();
  const limit = input.planning.utilisationLimitPct / 100;
  const buildFor = buildForFactor(input.planning);
  const finance = input.planning.finance;
  const kinds = failureKinds(input.redundancy);
  const bound = input.bound ?? 'expected';
  const original = input.topology;
  const g0 = compileTopology(original);
  const label0 = linkLabeller(original, g0);
  const m0 = g0.linkIds.length;
  const P = input.periods.length;

  // Per period: each demand's multiplier (growth of its sending site × build-for margin).
  const factorOf = (site: string | undefined, k: number, which: 'expected' | 'low' | 'high'): number =>
    growthFactor((site !== undefined ? input.growth.sites.get(site) : undefined) ?? input.growth.network, input.periods[k]!.ahead)[which];
  const demandsAt = (k: number, which: 'expected' | 'low' | 'high' = bound, margin = buildFor): DeviceDemands => {
    const ds = input.demands.map((d) => ({ s: d.s, t: d.t, volume: d.gbps * factorOf(d.site, k, which) * margin }));
    return { demands: ds, totalGbps: ds.reduce((s, d) => s + d.volume, 0), basis: input.basis.text, unplacedGbps: 0 };
  };
  const demandCache = new Map<string, DeviceDemands>();
  const checker: Checker = {
    checks: 0,
    run(t, g, k, ks = kinds) {
      this.checks++;
      const key = `${k}`;
      let d = ks === kinds ? demandCache.get(key) : undefined;
      if (d === undefined) {
        d = demandsAt(k);
        if (ks === kinds) demandCache.set(key, d);
      }
      return capacityUnderFailure(t, g, d, limit, ks);
    },
  };

  const worstOf = (r: CapacityReport, g: CompiledGraph, label: (e: number) => string, e: number): LinkWorst => {
    const cap = g.capacities[e]!;
    const load = r.perLink[e]! * cap;
    const i = r.perLinkFailure[e]!;
    return { link: g.linkIds[e]!, linkLabel: label(e), utilisation: load / cap, loadGbps: load, capacityGbps: cap, failure: i < 0 ? 'no failure' : r.failures[i]!.label };
  };
  const excessOf = (r: CapacityReport, g: CompiledGraph): number => {
    let x = 0;
    for (let e = 0; e < r.perLink.length; e++) if (r.perLink[e]! > limit + 1e-12) x += (r.perLink[e]! - limit) * g.capacities[e]!;
    return x;
  };
  const worstLink = (r: CapacityReport, skip: ReadonlySet<number>): number => {
    let best = -1;
    for (let e = 0; e < r.perLink.length; e++) {
      if (skip.has(e) || r.perLink[e]! <= limit + 1e-12) continue;
      if (best < 0 || r.perLink[e]! > r.perLink[best]!) best = e;
    }
    return best;
  };
  const overCount = (util: ArrayLike<number>): number => {
    let n = 0;
    for (let e = 0; e < util.length; e++) if (util[e]! > limit + 1e-12) n++;
    return n;
  };

  let cur = original;
  // Its own compile: capacity steps update this graph's capacities in place; g0 keeps the design as it stands.
  let g = compileTopology(original);
  let routingChanged = false;
  const steps: PlanStep[] = [];
  const periods: PeriodSummary[] = [];
  const unresolved: string[] = [];
  const asIsHeat: Float64Array[] = [];
  const withPlanHeat: Float64Array[] = [];
  let asIsLast: Map<number, LinkWorst> = new Map();
  let lastWithPlan: { r: CapacityReport; g: CompiledGraph; t: Topology } | null = null;
  const verifiedRuns: { r: CapacityReport; g: CompiledGraph; t: Topology }[] = [];

  for (let k = 0; k < P; k++) {
    const period = input.periods[k]!;
    input.onProgress?.(k, P, `checking ${period.title}`);
    let label = linkLabeller(cur, g);
    let r = checker.run(cur, g, k);
    // As the design stands: the same report when routing is unchanged (capacity steps only), scaled back to the original capacities.
    const asIs = routingChanged ? checker.run(original, g0, k) : r;
    const gAsIs = routingChanged ? g0 : g;
    const asIsUtil = new Float64Array(m0);
    for (let e = 0; e < m0; e++) asIsUtil[e] = (asIs.perLink[e]! * gAsIs.capacities[e]!) / g0.capacities[e]!;
    asIsHeat.push(asIsUtil);
    // Rows as the design stands, read now: the loop below moves this report's figures as steps are taken.
    const asIsRow = (e: number): LinkWorst => {
      const i = asIs.perLinkFailure[e]!;
      const load = asIsUtil[e]! * g0.capacities[e]!;
      return { link: g0.linkIds[e]!, linkLabel: label0(e), utilisation: asIsUtil[e]!, loadGbps: load, capacityGbps: g0.capacities[e]!, failure: i < 0 ? 'no failure' : asIs.failures[i]!.label };
    };
    let worstAsIsE = -1;
    for (let e = 0; e < m0; e++) if (worstAsIsE < 0 || asIsUtil[e]! > asIsUtil[worstAsIsE]!) worstAsIsE = e;
    const worstAsIs = worstAsIsE < 0 ? null : asIsRow(worstAsIsE);
    if (k === P - 1) asIsLast = new Map([...asIsUtil.keys()].filter((e) => asIsUtil[e]! > limit / 2).map((e) => [e, asIsRow(e)]));

    const grownSite = (site: string): number => factorOf(site, k, bound);
    const periodSteps: PlanStep[] = [];
    const skip = new Set<number>();
    let diverseTries = 0;
    const triedFailures = new Set<number>();
    for (let n = 0; n < MAX_STEPS_PER_PERIOD; n++) {
      const e = worstLink(r, skip);
      if (e < 0) break;
      const link = cur.links[g.linkOrigin[e]!]!;
      const worst = worstOf(r, g, label, e);
      const need = worst.loadGbps / limit;
      const excessE = (r.perLink[e]! - limit) * g.capacities[e]!;
      type Choice = { kind: PlanStep['kind']; patch: PlanStep['patch']; cost: CostDelta; removed: number; after: Link; report?: CapacityReport; g?: CompiledGraph; t?: Topology; from: string; to: string };
      const choices: Choice[] = [];
      for (const c of capacityCandidates(link, need)) {
        choices.push({ kind: c.kind, patch: c.patch, cost: priceDelta(cur, [link], [c.after], input.book, finance, grownSite), removed: excessE, after: c.after, from: describeCapacity(link.capacityGbps, lagMembers(link)), to: describeCapacity(c.gbps, c.members) });
      }
      const fi = r.perLinkFailure[e]!;
      const failure = fi >= 0 ? r.failures[fi]! : null;
      if (failure !== null && (failure.kind === 'link' || failure.kind === 'srlg') && diverseTries < DIVERSE_TRIES_PER_PERIOD && !triedFailures.has(fi)) {
        triedFailures.add(fi);
        diverseTries++;
        // Beside the failed circuit of the largest capacity whose ends are in different sites.
        const failed = failure.links
          .map((x) => cur.links[g.linkOrigin[x]!]!)
          .filter((l) => {
            const sa = cur.nodes.find((d) => d.id === l.source)?.site;
            const sb = cur.nodes.find((d) => d.id === l.target)?.site;
            return sa === undefined || sb === undefined || sa !== sb;
          })
          .sort((a, b) => b.capacityGbps - a.capacityGbps)[0];
        if (failed !== undefined) {
          const d = diverseCircuit(cur, failed, new Set(cur.links.map((l) => l.id)));
          const t2 = applyPatch(cur, d.patch);
          const g2 = compileTopology(t2);
          const r2 = checker.run(t2, g2, k);
          const removed = excessOf(r, g) - excessOf(r2, g2);
          if (removed > 1e-9) {
            choices.push({ kind: 'diverse', patch: d.patch, cost: priceDelta(cur, [], [d.link], input.book, finance, grownSite), removed, after: d.link, report: r2, g: g2, t: t2, from: 'none', to: `new ${describeCapacity(d.link.capacityGbps, lagMembers(d.link))} on its own route` });
          }
        }
      }
      if (choices.length === 0) {
        skip.add(e);
        unresolved.push(`${period.title}: ${worst.linkLabel} at ${(worst.utilisation * 100).toFixed(0)} % when ${worst.failure} — no module step carries ${need.toFixed(1)} Gbit/s (largest LAG: 8 × 400G)`);
        continue;
      }
      choices.sort((a, b) => a.cost.tcoUsd / a.removed - b.cost.tcoUsd / b.removed || (a.kind === 'upgrade' ? -1 : 1));
      const c = choices[0]!;
      const before: LinkWorst[] = [worst];
      if (c.kind === 'diverse') {
        // Every link over the limit before: the diverse circuit answers more than one.
        for (let x = 0; x < r.perLink.length; x++) if (x !== e && r.perLink[x]! > limit + 1e-12) before.push(worstOf(r, g, label, x));
        cur = c.t!;
        g = c.g!;
        r = c.report!;
        label = linkLabeller(cur, g);
        routingChanged = true;
      } else {
        cur = applyPatch(cur, c.patch);
        // Same routing: only this link's capacity moves (the graph's capacities follow the design).
        (g.capacities)[e] = c.after.capacityGbps;
        r.perLink[e] = worst.loadGbps / c.after.capacityGbps;
      }
      const siteNames = worst.linkLabel.replace(/^\S+ \(|\)$/g, '');
      const where = c.kind === 'diverse' ? `a diverse circuit beside ${c.after.id.replace(/-div\d+$/, '')} (${label(g.linkIds.indexOf(c.after.id)).replace(/^\S+ \(|\)$/g, '')})` : `${siteNames} (${link.id}) to ${c.to}`;
      const cost = `${money(c.cost.capexUsd)} + ${money(c.cost.monthlyUsd)}/month`;
      const step: PlanStep = {
        seq: steps.length + periodSteps.length + 1,
        kind: c.kind,
        due: period,
        summary: `by ${period.title}: ${where}, ${cost}`,
        link: c.kind === 'diverse' ? c.after.id : link.id,
        linkLabel: c.kind === 'diverse' ? label(g.linkIds.indexOf(c.after.id)) : worst.linkLabel,
        from: c.from,
        to: c.to,
        patch: c.patch,
        capexUsd: Math.round(c.cost.capexUsd),
        monthlyUsd: Math.round(c.cost.monthlyUsd),
        tcoUsd: Math.round(c.cost.tcoUsd),
        excessRemovedGbps: c.removed,
        usdPerGbps: Math.round(c.cost.tcoUsd / c.removed),
        rationale:
          `${worst.linkLabel} reaches ${(worst.utilisation * 100).toFixed(0)} % (${worst.loadGbps.toFixed(1)} of ${worst.capacityGbps} Gbit/s) when ${worst.failure} in ${period.title}; ` +
          `the limit is ${input.planning.utilisationLimitPct} %. ` +
          `Cheapest per Gbit/s over the limit removed of ${choices.map((x) => `${x.kind} ${money(x.cost.tcoUsd / x.removed)}/Gbit/s`).join(', ')} (TCO over ${finance.termYears} years).`,
        before,
        after: [],
        verified: false,
        predicted: [],
      };
      periodSteps.push(step);
    }
    // Verified in the twin: the check re-run on the design with every step due by now.
    let verified = r;
    if (periodSteps.length > 0) {
      g = compileTopology(cur);
      verified = checker.run(cur, g, k);
    }
    label = linkLabeller(cur, g);
    const vLabel = label;
    for (const s of periodSteps) {
      s.after = s.before.map((b) => worstOf(verified, g, vLabel, g.linkIds.indexOf(b.link)));
      if (s.kind === 'diverse') s.after.push(worstOf(verified, g, vLabel, g.linkIds.indexOf(s.link)));
      s.verified = s.after.every((a) => a.utilisation <= limit + 1e-9);
      steps.push(s);
    }
    const withUtil = new Float64Array(m0);
    // Steps never reorder links (a capacity step changes one in place, a new circuit is appended): index e is the same link.
    for (let e = 0; e < m0; e++) withUtil[e] = verified.perLink[e]!;
    withPlanHeat.push(withUtil);
    verifiedRuns.push({ r: verified, g, t: cur });
    lastWithPlan = { r: verified, g, t: cur };
    let worstPlanE = -1;
    for (let e = 0; e < verified.perLink.length; e++) if (worstPlanE < 0 || verified.perLink[e]! > verified.perLink[worstPlanE]!) worstPlanE = e;
    const dx = demandsAt(k, 'expected');
    periods.push({
      ...period,
      demandGbps: { expected: dx.totalGbps, low: demandsAt(k, 'low').totalGbps, high: demandsAt(k, 'high').totalGbps },
      worstAsIs,
      worstWithPlan: worstPlanE < 0 ? null : worstOf(verified, g, label, worstPlanE),
      overAsIs: overCount(asIsUtil),
      overWithPlan: overCount(verified.perLink),
      steps: periodSteps.length,
    });
  }

  // Predicted utilisation with nothing failed (expected forecast, no margin) of each step's link, for measured outcomes later.
  if (steps.length > 0) {
    for (let k = 0; k < P; k++) {
      const v = verifiedRuns[k]!;
      const base = capacityUnderFailure(v.t, v.g, demandsAt(k, 'expected', 1), limit, []);
      checker.checks++;
      for (const s of steps) {
        if (s.due.ahead > input.periods[k]!.ahead) continue;
        const e = v.g.linkIds.indexOf(s.link);
        if (e >= 0) s.predicted.push({ period: input.periods[k]!.label, utilisation: base.perLink[e]! });
      }
    }
  }

  // Heat: the links with the highest worst case as the design stands.
  const peak = Array.from({ length: m0 }, (_, e) => Math.max(...asIsHeat.map((h) => h[e]!)));
  const top = [...peak.keys()].sort((a, b) => peak[b]! - peak[a]! || a - b).slice(0, HEAT_LINKS);
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  const heat = {
    links: top.map((e) => ({ link: g0.linkIds[e]!, linkLabel: label0(e) })),
    asIs: top.map((e) => asIsHeat.map((h) => round(h[e]!))),
    withPlan: top.map((e) => withPlanHeat.map((h) => round(h[e]!))),
  };

  // Worst case per link in the last period, as is and with the plan.
  const worstPerLink: CapacityPlanResult['worstPerLink'] = [];
  if (lastWithPlan !== null) {
    const lw = lastWithPlan;
    const lwLabel = linkLabeller(lw.t, lw.g);
    const order = [...asIsLast.keys()].sort((a, b) => asIsLast.get(b)!.utilisation - asIsLast.get(a)!.utilisation || a - b);
    for (const e of order.slice(0, WORST_LINKS)) worstPerLink.push({ before: asIsLast.get(e)!, after: worstOf(lw.r, lw.g, lwLabel, e) });
  }

  input.onProgress?.(P, P + 1, 'looking for a zero-capex IGP alternative');
  const igp = igpAlternative(original, P, (t2, g2, k) => checker.run(t2, g2, k), limit);

  const totals = steps.reduce((a, s) => ({ ...a, capexUsd: a.capexUsd + s.capexUsd, monthlyUsd: a.monthlyUsd + s.monthlyUsd, tcoUsd: a.tcoUsd + s.tcoUsd }), {
    capexUsd: 0,
    monthlyUsd: 0,
    tcoUsd: 0,
    termYears: finance.termYears,
  });
  const notes = [
    `Utilisation limit ${input.planning.utilisationLimitPct} % per direction; demands built for ${input.planning.growthHeadroomPct} % growth on top of the forecast (the intent's "build for" field, the same margin every capacity check applies).`,
    `Failure set of ${input.redundancy}: ${kinds.length === 0 ? 'none (baseline only)' : kinds.join(', ')}; pairs of failures are checked for connectivity by validation, not for load.`,
    `Forecast on the ${bound === 'high' ? "upper end of the growth interval" : 'expected growth'}; the interval is shown per period.`,
    'Each step is sized for the period it is first needed in; a later period may step the same circuit again (the plan shows both).',
  ];
  return {
    design: input.design,
    createdAt: input.now ?? Date.now(),
    basis: input.basis,
    limitPct: input.planning.utilisationLimitPct,
    buildForPct: input.planning.growthHeadroomPct,
    redundancy: input.redundancy,
    failureSet: kinds.length === 0 ? 'baseline only' : kinds.join(', '),
    bound,
    growth: {
      base: input.growth.base,
      overrides: input.growth.overrides,
      network: { rule: ruleText(input.growth.network), intervalPct: input.growth.network.intervalPct },
      bySite: [...input.growth.sites.values()].map((s) => ({ site: s.site, name: input.growth.names.get(s.site) ?? s.site, rule: ruleText(s), intervalPct: s.intervalPct, source: s.source })),
    },
    periods,
    heat,
    worstPerLink,
    steps,
    totals,
    igp,
    unresolved,
    notes,
    work: { checks: checker.checks, ms: Date.now() - started },
  };
}

export const ruleText = (s: Pick<SiteGrowth, 'rule'>): string => `${s.rule.kind} ${s.rule.pctPerPeriod} % per period`;
