import type { Family } from '../model/topology';

/**
 * Relative CPU of verifying each family on a large intent (generate, size,
 * validate, measure), measured by `npm run bench:recommend` at 500 sites
 * (retail chain, HIGH): partial mesh ~3.3 s — its failures re-route transit
 * for every destination —, dual hub ~1.9, tree and hybrid ~1.4, hub and
 * spoke ~0.8; the others are not built at that size (rings, full mesh,
 * leaf-spine are not applicable) and count as average.
 */
const FAMILY_WORK: Partial<Record<Family, number>> = { 'partial-mesh': 3.3, 'dual-hub': 1.9, tree: 1.4, hybrid: 1.4, 'hub-spoke': 0.8 };

/** A family's relative work to generate and measure (FAMILY_WORK; 1.5 for those not measured): decides order, never results. */
export function familyWork(family: Family): number {
  return FAMILY_WORK[family] ?? 1.5;
}
