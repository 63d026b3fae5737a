import { costDesign } from '../cost/cost';
import type { PriceBook } from '../cost/pricebook';
import { lagMembers } from '../model/capacity';
import type { Finance } from '../model/planning';
import type { Link, Topology } from '../model/topology';
import type { PatchOp } from '../optimise/patch';
import { SPEEDS_GBPS } from '../generate/builder';

/**
 * The module steps a capacity plan may take (docs/capacity-plan.md), each as
 * a patch on the design and priced by the one cost model:
 * - upgrade: every member of the circuit to the smallest standard port speed
 *   (generate/builder.ts SPEEDS_GBPS: 1, 10, 25, 40, 100, 400G — the speeds
 *   the price book's optics and circuit tiers are listed at) that carries the
 *   worst-case load within the limit;
 * - parallel: more circuits of the same speed on the same route, bundled
 *   (a LAG: one build, one path, each member its own circuit and optics —
 *   docs/cost-model.md), so a duct cut still takes them all;
 * - diverse: a new circuit between the ends of the failed circuit on a route
 *   of its own (a new duct), so the failure that forces the reroute no
 *   longer takes every path between them.
 */

/** Most members a planned LAG may have: an editable assumption (router LAGs take 8–64 members; 8 keeps one bundle on one line card). */
export const MAX_LAG_MEMBERS = 8;

export interface CostDelta {
  capexUsd: number;
  monthlyUsd: number;
  tcoUsd: number;
}

/**
 * Cost change of replacing `before` links by `after` (either may be empty),
 * with the ends' site bandwidth grown by `siteGrowth` (the committed rate of
 * a branch access follows the forecast), from costDesign on the design cut
 * down to the links' two ends: a design's
 * cost is a sum over its devices and links, so the devices cancel and the
 * difference is exactly the whole design's. O(1) in the design's size.
 */
export function priceDelta(t: Topology, before: readonly Link[], after: readonly Link[], book: PriceBook, finance: Finance, siteGrowth: (siteId: string) => number = () => 1): CostDelta {
  const ends = new Set([...before, ...after].flatMap((l) => [l.source, l.target]));
  const nodes = t.nodes.filter((d) => ends.has(d.id));
  const siteIds = new Set(nodes.map((d) => d.site));
  // A branch access is bought at its committed rate, from the site's bandwidth (cost/cost.ts): grown to the period the step is due in.
  const sites = t.sites.filter((s) => siteIds.has(s.id)).map((s) => (s.bandwidthMbps === undefined ? s : { ...s, bandwidthMbps: s.bandwidthMbps * siteGrowth(s.id) }));
  const a = costDesign({ ...t, sites, nodes, links: [...before] }, book, finance);
  const b = costDesign({ ...t, sites, nodes, links: [...after] }, book, finance);
  return { capexUsd: b.capexUsd - a.capexUsd, monthlyUsd: b.mrcUsd - a.mrcUsd, tcoUsd: b.totalUsd - a.totalUsd };
}

/** "10G", "2×100G", "500M". */
export function describeCapacity(gbps: number, members: number): string {
  const each = gbps / members;
  const speed = each >= 1 ? `${Number(each.toFixed(each >= 10 ? 0 : 1))}G` : `${Math.round(each * 1000)}M`;
  return members > 1 ? `${members}×${speed}` : speed;
}

export interface CapacityCandidate {
  kind: 'upgrade' | 'parallel';
  patch: PatchOp[];
  link: Link;
  after: Link;
  gbps: number;
  members: number;
}

/** The capacity steps that carry `needGbps` (worst-case load / limit) on `link`: at most one upgrade and one parallel. */
export function capacityCandidates(link: Link, needGbps: number): CapacityCandidate[] {
  const members = lagMembers(link);
  const speed = link.capacityGbps / members;
  const out: CapacityCandidate[] = [];
  const make = (kind: CapacityCandidate['kind'], gbps: number, m: number): void => {
    const after: Link = { ...link, capacityGbps: gbps, lagMembers: m };
    out.push({
      kind,
      link,
      after,
      gbps,
      members: m,
      patch: [{ op: 'set-capacity', linkId: link.id, from: { gbps: link.capacityGbps, members }, to: { gbps, members: m } }],
    });
  };
  const next = SPEEDS_GBPS.find((s) => s > speed + 1e-9 && s * members >= needGbps - 1e-9);
  if (next !== undefined) make('upgrade', next * members, members);
  const m = Math.ceil(needGbps / speed - 1e-9);
  if (m > members && m <= MAX_LAG_MEMBERS) make('parallel', speed * m, m);
  return out;
}

/** A new circuit beside `failed` on a route of its own: same ends, speed and IGP weight; a new duct tag. */
export function diverseCircuit(t: Topology, failed: Link, taken: ReadonlySet<string>): { link: Link; patch: PatchOp[] } {
  const siteOf = new Map(t.nodes.map((d) => [d.id, d.site ?? d.id]));
  const a = siteOf.get(failed.source)!;
  const b = siteOf.get(failed.target)!;
  let n = 1;
  while (taken.has(`${failed.id}-div${n}`)) n++;
  const id = `${failed.id}-div${n}`;
  const link: Link = {
    ...failed,
    id,
    lagMembers: lagMembers(failed),
    // The building risks of its two ends stay; the duct is its own.
    srlgs: [...failed.srlgs.filter((s) => s.startsWith('site:')), `duct:${a}~${b}#div${n}`],
  };
  delete (link as Partial<Link>).sourcePort;
  delete (link as Partial<Link>).targetPort;
  delete (link as Partial<Link>).costUsd;
  return { link, patch: [{ op: 'add-link', link }] };
}
