import { linkCostUsd } from '../cost/cost';
import type { PriceBook } from '../cost/pricebook';
import { CLASS_FAILURES, capacityUnderFailure, type RoutedFailures } from '../model/capacity';
import type { Intent } from '../model/intent';
import type { Topology } from '../model/topology';
import { designDemands } from '../model/traffic';
import { compileTopology } from '../sim/csr';
import { speedFor } from './builder';

/** Largest design (devices) the generators size by routing; larger ones keep their rule-of-thumb sizes. */
export const SIZING_MAX_DEVICES = 3000;

/**
 * Sizes every link for the intent's traffic under the failures its class must
 * survive (model/capacity.ts): a link whose worst load over those failures
 * exceeds the utilisation limit is raised to the smallest standard speed (or
 * 400G LAG) that carries load / limit. Routing follows the IGP weights, not
 * capacities, so one pass settles every link. Links are only raised, never
 * lowered (a family's own minimum speeds stand). Prices follow the book.
 * Cost: one capacity-under-failure run, whose routed loads `routed` keeps
 * (sizing changes capacities only, so validating the sized design reuses them).
 */
export function sizeForFailures(t: Topology, intent: Intent, book: PriceBook, routed?: RoutedFailures): Topology {
  if (t.nodes.length > SIZING_MAX_DEVICES || t.links.length === 0) return t;
  const g = compileTopology(t);
  const kinds = intent.redundancy === 'NONE' ? [] : CLASS_FAILURES[intent.redundancy];
  const limit = intent.constraints.utilisationLimitPct / 100;
  const demands = routed?.demandsFor(t, g, intent) ?? designDemands(t, g, intent);
  routed?.keepDemands(t, g, intent, demands);
  const r = capacityUnderFailure(t, g, demands, limit, kinds, routed);
  const siteOf = new Map(t.nodes.map((d) => [d.id, d.site]));
  const links = t.links.map((l) => ({ ...l }));
  for (let e = 0; e < g.linkIds.length; e++) {
    const link = links[g.linkOrigin[e]!]!;
    const load = r.perLink[e]! * link.capacityGbps;
    if (load <= link.capacityGbps * limit + 1e-9) continue;
    link.capacityGbps = speedFor(load / limit);
    const intra = siteOf.get(link.source) === siteOf.get(link.target);
    link.costUsd = linkCostUsd(book, link.capacityGbps, link.distanceKm ?? 0, intra);
  }
  return { ...t, links };
}
