import type { ScenarioResultShape, SweepReportShape } from '../contract/sim-types';
import type { Topology } from '../model/topology';
import { availability, type AvailabilityReport } from './availability';
import { convergenceHeadline, designConvergence, type ConvergenceEstimate, type ConvergenceHeadline } from './convergence';
import { compileTopology, type CompiledGraph } from './csr';
import { isolatingSets, type IsolatingSet } from './isolation';

/**
 * The one order of "worst" for every surface (CLI tables, stored summary,
 * certificate, convergence estimates): site pairs cut first, then stranded
 * demand, utilisation and stretch.
 */
export function bySeverity(a: ScenarioResultShape, b: ScenarioResultShape): number {
  return (
    b.disconnectedPairs - a.disconnectedPairs ||
    b.strandedDemand - a.strandedDemand ||
    b.maxUtilisation - a.maxUtilisation ||
    b.stretchP95 - a.stretchP95
  );
}

/** How many of the worst scenarios get a convergence estimate. */
export const CONVERGENCE_WORST = 5;

/** What a failure sweep adds up to: the sweep, the sets that isolate a site, availability, convergence of the worst scenarios. */
export interface ImpactReportShape extends SweepReportShape {
  isolation: IsolatingSet[];
  availability: AvailabilityReport;
  convergence: { scenario: string; estimate: ConvergenceEstimate }[];
  /** The slowest of them: the one convergence figure simulate, the sweep panel and the decision pack print. */
  convergenceHeadline: ConvergenceHeadline | null;
}

/** The sweep's CONVERGENCE_WORST worst scenarios, worst first (the one order: bySeverity). */
export function worstScenarios(sweep: Pick<SweepReportShape, 'scenarios'>): ScenarioResultShape[] {
  return [...sweep.scenarios].sort(bySeverity).slice(0, CONVERGENCE_WORST);
}

/** Convergence estimates of a sweep's worst scenarios (the design's control plane), and their headline. */
export function worstConvergence(
  t: Topology,
  g: CompiledGraph,
  sweep: Pick<SweepReportShape, 'scenarios'>,
): { convergence: { scenario: string; estimate: ConvergenceEstimate }[]; convergenceHeadline: ConvergenceHeadline | null } {
  const worst = worstScenarios(sweep);
  const convergence = worst.map((s) => ({
    scenario: s.label,
    estimate: designConvergence(
      t,
      g,
      s.failedNodes.map((id) => g.nodeIndex.get(id)!),
      s.failedLinks.map((id) => g.linkIds.indexOf(id)),
    ),
  }));
  return { convergence, convergenceHeadline: convergenceHeadline(convergence) };
}

/**
 * The parts of the impact report that do not depend on the sweep: the failure
 * sets that isolate a site, and availability (a Monte Carlo estimate above
 * 18 failing elements: 0.4 s on Sprint, 35 s at 3,000 devices). Callers start
 * them alongside the sweep instead of after it.
 */
export interface ImpactExtras {
  isolation: IsolatingSet[];
  availability: AvailabilityReport;
}

export function impactExtras(t: Topology, opts: { seed?: number } = {}): ImpactExtras {
  const g = compileTopology(t);
  const siteOf = t.nodes.map((d) => d.site ?? `device:${d.id}`);
  return { isolation: isolatingSets(g, siteOf), availability: availability(t, { seed: opts.seed ?? 1 }) };
}

/** What the impact report adds to the sweep. */
export type ImpactParts = Omit<ImpactReportShape, keyof SweepReportShape>;

/**
 * The impact report's own parts from the sweep's worst scenarios only
 * (worstScenarios): what the planning worker computes, so the whole sweep —
 * every scenario's row, tens of thousands at the limit — is not copied into
 * it and back. `extras`, when computed beside the sweep for this design and
 * seed (impactExtras), are used as they are.
 */
export function impactParts(t: Topology, worst: readonly ScenarioResultShape[], opts: { seed?: number; extras?: ImpactExtras } = {}): ImpactParts {
  const g = compileTopology(t);
  const extras = opts.extras ?? impactExtras(t, opts.seed !== undefined ? { seed: opts.seed } : {});
  return { isolation: extras.isolation, availability: extras.availability, ...worstConvergence(t, g, { scenarios: [...worst] }) };
}

/** The full impact report of a design from its sweep (`seed` drives availability's sampling). */
export function impactReport(t: Topology, sweep: SweepReportShape, opts: { seed?: number; extras?: ImpactExtras } = {}): ImpactReportShape {
  return { ...sweep, ...impactParts(t, worstScenarios(sweep), opts) };
}

/**
 * A failure set that cuts a site off, in names rather than ids, for every
 * surface (simulate, the decision pack): "link l3 (Paris – Ashburn) + device
 * par-core-1 cut off site Dublin".
 */
export function isolationInWords(t: Pick<Topology, 'nodes' | 'links' | 'sites'>, s: IsolatingSet): string {
  const device = new Map(t.nodes.map((d) => [d.id, d.name]));
  const link = new Map(t.links.map((l) => [l.id, l]));
  const site = new Map((t.sites ?? []).map((x) => [x.id, x.name]));
  const parts = [
    ...s.links.map((id) => {
      const l = link.get(id);
      return l ? `link ${id} (${device.get(l.source) ?? l.source} – ${device.get(l.target) ?? l.target})` : `link ${id}`;
    }),
    ...s.devices.map((id) => `device ${device.get(id) ?? id}`),
  ];
  const where = s.site.startsWith('device:') ? `device ${device.get(s.site.slice(7)) ?? s.site.slice(7)}` : `site ${site.get(s.site) ?? s.site}`;
  return `${parts.join(' + ')} cut off ${where}`;
}
