import { deviceCostUsd, linkCostUsd } from '../cost/cost';
import type { PriceBook } from '../cost/pricebook';
import { redundancyRank, type Intent } from '../model/intent';
import type { Link, Topology } from '../model/topology';
import { INTRA_SITE_LATENCY_MS, igpWeightForLatency } from './geo';

const CORE_SITES = new Set(['hq', 'datacenter', 'region-hub']);

/**
 * Two devices at every HQ, datacenter and region-hub site when the intent asks
 * for HIGH or more (the class requires it: one device is a single point of
 * failure for the site). A core site a family built with one device gets a
 * twin of the same role and ports, joined to it by an intra-site link, and
 * every second circuit of the site moves to the twin — so two circuits of the
 * site, including parallel circuits to the same remote site, end on different
 * devices. Costs follow the price book. O(n + m).
 */
export function hardenCoreSites(t: Topology, intent: Intent, book: PriceBook): Topology {
  if (redundancyRank(intent.redundancy) < redundancyRank('HIGH')) return t;
  const bySite = new Map<string, string[]>();
  for (const d of t.nodes) if (d.site !== undefined) bySite.set(d.site, [...(bySite.get(d.site) ?? []), d.id]);
  const siteOf = new Map(t.nodes.map((d) => [d.id, d.site]));
  const nodes = [...t.nodes];
  const links: Link[] = t.links.map((l) => ({ ...l }));
  let next = t.links.length;
  const ids = new Set(t.links.map((l) => l.id));
  const newLinkId = (): string => {
    let id: string;
    do id = `l${++next}`;
    while (ids.has(id));
    ids.add(id);
    return id;
  };
  for (const site of t.sites) {
    const members = bySite.get(site.id) ?? [];
    if (!CORE_SITES.has(site.role) || members.length !== 1 || t.sites.length < 2) continue;
    const lone = t.nodes.find((d) => d.id === members[0])!;
    const twinId = `${lone.id}-b`;
    nodes.push({ ...lone, id: twinId, name: `${lone.name} (B)`, costUsd: deviceCostUsd(book, lone.role, lone.ports) });
    let k = 0;
    for (const l of links) {
      const end = l.source === lone.id ? 'source' : l.target === lone.id ? 'target' : null;
      if (end === null || siteOf.get(end === 'source' ? l.target : l.source) === site.id) continue;
      if (k++ % 2 === 1) l[end] = twinId;
    }
    const cap = Math.max(...links.filter((l) => l.source === lone.id || l.target === lone.id || l.source === twinId || l.target === twinId).map((l) => l.capacityGbps), 10);
    links.push({
      id: newLinkId(),
      source: lone.id,
      target: twinId,
      capacityGbps: cap,
      igpWeight: igpWeightForLatency(INTRA_SITE_LATENCY_MS),
      latencyMs: INTRA_SITE_LATENCY_MS,
      distanceKm: 0,
      srlgs: [`site:${site.id}`],
      costUsd: linkCostUsd(book, cap, 0, true),
    });
  }
  return { ...t, nodes, links };
}
