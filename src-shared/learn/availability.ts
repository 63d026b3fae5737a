import type { Topology } from '../model/topology';
import { dfsForest } from '../sim/connectivity';
import type { CompiledGraph } from '../sim/csr';
import { linkPairFailurePairs, singleFailurePairs } from '../sim/cutpairs';
import { availability as availabilityModel } from '../sim/availability';

/**
 * Failure model (planning assumptions, documented so figures can be argued):
 * - a link between sites fails LINK_BASE_PER_YEAR times a year (optics,
 *   ports) plus CUTS_PER_1000KM_YEAR per 1,000 route-km (fibre cuts), and is
 *   repaired in LINK_MTTR_H hours; a link inside a site fails
 *   LINK_BASE_PER_YEAR times and is repaired in INTRA_MTTR_H;
 * - a device fails NODE_PER_YEAR times a year, repaired in NODE_MTTR_H.
 * Unavailability of an element u = rate × MTTR / 8,760 h. Figures in the
 * spirit of Grover, "Mesh-based Survivable Networks" (2003), ch. 3, and of
 * the cable-cut rates operators publish (1–5 per 1,000 route-miles a year).
 */
export const FAILURE_MODEL = {
  CUTS_PER_1000KM_YEAR: 2,
  LINK_BASE_PER_YEAR: 0.1,
  LINK_MTTR_H: 8,
  INTRA_MTTR_H: 2,
  NODE_PER_YEAR: 0.2,
  NODE_MTTR_H: 4,
} as const;

export const MINUTES_PER_YEAR = 525_600;
/** Largest link count for which the second-order (link-pair) term is summed. */
export const PAIR_TERM_MAX_LINKS = 1500;

export interface AvailabilityReport {
  /** The one availability model's headline (sim/availability.ts): mean site-pair availability, 0..1. */
  availability: number;
  /** (1 − availability) in minutes per year. */
  downtimeMinPerYear: number;
  /** Expected failure events per year across all elements (the "incidents" a design should see). */
  incidentsPerYear: number;
  /** Worst disconnected device pairs after one link / one device / two links failing (-1 when not computed). */
  worstLinkPairs: number;
  worstNodePairs: number;
  worstLinkPairPairs: number;
  /** Whether the link-pair term was included. */
  secondOrder: boolean;
}

export function linkUnavailability(distanceKm: number): number {
  const M = FAILURE_MODEL;
  if (distanceKm <= 0) return (M.LINK_BASE_PER_YEAR * M.INTRA_MTTR_H) / 8760;
  return ((M.LINK_BASE_PER_YEAR + (M.CUTS_PER_1000KM_YEAR * distanceKm) / 1000) * M.LINK_MTTR_H) / 8760;
}

/**
 * Pair-averaged availability by inclusion–exclusion to second order:
 * U = [Σₑ uₑ Dₑ + Σᵥ uᵥ Dᵥ + Σₐ<ᵦ uₐ uᵦ (Dₐᵦ − Dₐ − Dᵦ)] / P, where D counts
 * device pairs (among survivors) disconnected by the failure and P = n(n−1)/2.
 * Single failures come from one DFS (sim/cutpairs.ts singleFailurePairs,
 * O(n + m)); link pairs from linkPairFailurePairs (O(m · (n + m))), only up
 * to PAIR_TERM_MAX_LINKS links. Reference: Billinton & Allan, "Reliability
 * Evaluation of Engineering Systems" (1992), minimal cut-set approximation.
 */
export function availabilityOf(
  t: Topology,
  g: CompiledGraph,
  opts: {
    samples?: number;
    exactLimit?: number;
    /**
     * Whether to find the worst two-link failure (O(m · (n + m)): ~55 ms at 500 sites). Only a CRITICAL
     * intent's success reads it (sample.ts successOf), so the learner skips it for the others
     * (worstLinkPairPairs −1, secondOrder false, as above the link limit). Default: computed.
     */
    pairTerm?: boolean;
  } = {},
): AvailabilityReport {
  const { pairTerm = true, ...modelOpts } = opts;
  const n = g.nodeIds.length;
  const m = g.linkIds.length;
  const P = (n * (n - 1)) / 2;
  const uLink = new Float64Array(m);
  let incidents = 0;
  for (let e = 0; e < m; e++) {
    const km = t.links[g.linkOrigin[e]!]?.distanceKm ?? 0;
    uLink[e] = linkUnavailability(km);
    incidents += FAILURE_MODEL.LINK_BASE_PER_YEAR + (km > 0 ? (FAILURE_MODEL.CUTS_PER_1000KM_YEAR * km) / 1000 : 0);
  }
  incidents += n * FAILURE_MODEL.NODE_PER_YEAR;
  const uNode = (FAILURE_MODEL.NODE_PER_YEAR * FAILURE_MODEL.NODE_MTTR_H) / 8760;
  const forest = dfsForest(g);
  const single = singleFailurePairs(g, forest);
  let lost = 0;
  let worstLink = 0;
  let worstNode = 0;
  for (let e = 0; e < m; e++) {
    lost += uLink[e]! * single.links[e]!;
    worstLink = Math.max(worstLink, single.links[e]!);
  }
  for (let v = 0; v < n; v++) {
    lost += uNode * single.nodes[v]!;
    worstNode = Math.max(worstNode, single.nodes[v]!);
  }
  // Pairs already apart before any failure count as always down.
  let connected = 0;
  for (const c of forest.componentSize) connected += (c * (c - 1)) / 2;
  lost += P - connected;
  let worstPair = -1;
  const secondOrder = pairTerm && m <= PAIR_TERM_MAX_LINKS;
  if (secondOrder) {
    worstPair = 0;
    linkPairFailurePairs(g, (a, b, pairs) => {
      const extra = pairs - single.links[a]! - single.links[b]!;
      if (extra > 0) lost += uLink[a]! * uLink[b]! * extra;
      if (pairs > worstPair) worstPair = pairs;
    });
  }
  // `lost` (the cut-set approximation) feeds the worst-pair figures only; the availability
  // itself is the one model's, so the pack, the learner and simulate print the same number.
  void lost;
  void P;
  // `samples`, `exactLimit`: the one model's Monte Carlo draws and enumeration limit (default: its own rules).
  const one = availabilityModel(t, { seed: 1, ...modelOpts }).headline;
  return {
    availability: one.availability,
    downtimeMinPerYear: one.downtimeMinutesPerYear,
    incidentsPerYear: incidents,
    worstLinkPairs: worstLink,
    worstNodePairs: worstNode,
    worstLinkPairPairs: worstPair,
    secondOrder,
  };
}
