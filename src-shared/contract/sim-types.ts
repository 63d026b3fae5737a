import type { ScenarioImpact } from '../sim/impact';
import type { ScenarioClass } from '../sim/scenarios';

/** How traffic is given to a sweep: a kind, or explicit demands between device ids. */
export type TrafficOption =
  /** The planning model (model/traffic.ts): the design's site bandwidth and planning assumptions, in Gbit/s. */
  | 'intent'
  | 'uniform'
  | 'gravity'
  | 'hub-centric'
  | { demands: { source: string; target: string; volume: number }[] };

/**
 * What a failure sweep reports across the boundary (the worker pool's
 * SweepReport is checked against this shape where main produces it).
 */
export interface ScenarioResultShape extends Omit<ScenarioImpact, 'worstLink'> {
  cls: ScenarioClass;
  label: string;
  failedNodes: string[];
  failedLinks: string[];
  worstLink: string | null;
}

export interface SweepReportShape {
  design: string;
  nodes: number;
  links: number;
  traffic: string;
  /** totalVolume and every strandedDemand are in traffic units of unitGbps Gbit/s each (1 for the planning model). */
  baseline: { maxLoad: number; maxUtilisation: number; totalVolume: number; unitGbps?: number };
  scenarios: ScenarioResultShape[];
  elapsedMs: number;
  threads: number;
}

/** The one convergence figure (sim/convergence.ts convergenceHeadline): the slowest of the worst scenarios' estimates. */
export interface ConvergenceHeadlineShape {
  scenario: string;
  /** Until the last router's IGP has converged, ms. */
  convergenceMs: number;
  /** Until traffic flows again (detection + fast-reroute switchover where it protects, else convergenceMs), ms. */
  restorationMs: number;
  detection: string;
  /** Share of the affected destinations fast reroute protects, %. */
  protectedPct: number;
}

/** The stored summary of a sweep (SimulationRecord.summary). */
export interface SweepSummaryShape {
  scenarioCount: number;
  classes: Record<string, number>;
  baseline: SweepReportShape['baseline'];
  /** Scenarios that cut some site pair apart. */
  disconnecting: number;
  /** Scenarios that push some link over 100 %. */
  overloading: number;
  worstUtilisation: number;
  worstStrandedDemand: number;
  worstStretchP95: number;
  /** The most damaging scenarios first (cut pairs, then stranded demand, then utilisation). */
  worst: ScenarioResultShape[];
  elapsedMs: number;
  threads: number;
  /** Added after the impact report (absent in sweeps stored before it). */
  convergence?: ConvergenceHeadlineShape | null;
}
