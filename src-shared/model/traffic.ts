import type { CompiledGraph } from '../sim/csr';
import type { Intent } from './intent';
import { DEFAULT_PLANNING, PlanningSchema, type Planning } from './planning';
import type { Site, Topology } from './topology';
import { RecentResults } from '../lib/recent';

/**
 * The one traffic model: every path (generate, validate, simulate, optimise,
 * recommend, the decision pack, the what-if overlay) builds its demands here,
 * in Gbit/s, growth applied once.
 *
 * Role-aware pattern (docs/planning-model.md; shares editable per intent,
 * `traffic.shares`): a site's `bandwidthMbps` is what it sends into the WAN
 * at the busy hour, and the same comes back (symmetric flows). Of it, a
 * branch, campus, colo, region hub or HQ sends
 *   toDatacenters → every datacenter, in proportion to the datacenters' bandwidth;
 *   toHq          → the HQ site(s) (not the HQ itself);
 *   internet      → the breakout: the nearest region hub or datacenter of its
 *                   region, else the nearest one anywhere (none when the site
 *                   is itself a hub or datacenter: it breaks out locally);
 *   eastWest      → the other sites of its region and role, by bandwidth.
 * A share with nobody to receive it (internet with no hub or datacenter to
 * break out at, too) goes to the datacenters, else the HQ, else the hubs,
 * else every other site. A datacenter sends dcToDc of its
 * bandwidth to the other datacenters (replication); the rest of its stated
 * bandwidth serves the flows above. Explicit demands (`traffic.demands`,
 * site name or id, Gbit/s) are added, or are the whole matrix when the
 * pattern is `explicit`. Every volume is then multiplied by (1 + growth).
 * Complexity: O(sites × receivers).
 */
export interface SiteFlow {
  from: string;
  to: string;
  gbps: number;
}

export interface TrafficModel {
  /** Directed site-to-site flows in Gbit/s, growth included. */
  flows: SiteFlow[];
  totalGbps: number;
  growthPct: number;
  /** How it was built, in words (for reports). */
  basis: string;
}

/** The planning assumptions of a design: its intent's when given, else those stored on it, else the defaults. */
export function planningOf(t: Pick<Topology, 'planning'>, intent?: Intent): Planning {
  if (intent !== undefined) return planningFromIntent(intent);
  return t.planning ?? DEFAULT_PLANNING;
}

export function planningFromIntent(intent: Intent): Planning {
  return PlanningSchema.parse({
    growthHeadroomPct: intent.growthHeadroomPct,
    utilisationLimitPct: intent.constraints.utilisationLimitPct,
    traffic: intent.traffic,
    controlPlane: intent.controlPlane,
    finance: intent.finance,
  });
}

const HUB_ROLES = new Set(['region-hub', 'datacenter']);

function km(a: Site, b: Site): number {
  if (a.lat === undefined || b.lat === undefined || a.lon === undefined || b.lon === undefined) return a.region === b.region ? 0 : 1e9;
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The "build for N % growth" factor (intent `growthHeadroomPct`): the one
 * place it is turned into a multiplier. Every capacity check reads demands
 * through it — the planning model's own matrix (siteTraffic below) and the
 * capacity plan's forecast of measured traffic (capacity/plan.ts), where it
 * is the margin built on top of the forecast.
 */
export function buildForFactor(planning: Pick<Planning, 'growthHeadroomPct'>): number {
  return 1 + planning.growthHeadroomPct / 100;
}

/** Site flows of a design (its sites' roles, regions, coordinates and bandwidth). */
export function siteTraffic(sites: readonly Site[], planning: Planning): TrafficModel {
  const growth = buildForFactor(planning);
  // Flows keyed by site index pair (a · N + b): numeric keys keep 250,000 flows fast.
  const N = sites.length;
  const indexOf = new Map(sites.map((s, i) => [s.id, i]));
  const acc = new Map<number, number>();
  const add = (a: string, b: string, gbps: number): void => {
    if (a === b || !(gbps > 0)) return;
    const k = indexOf.get(a)! * N + indexOf.get(b)!;
    acc.set(k, (acc.get(k) ?? 0) + gbps);
  };
  const both = (a: string, b: string, gbps: number): void => {
    add(a, b, gbps);
    add(b, a, gbps);
  };
  const bw = (s: Site): number => (s.bandwidthMbps ?? 0) / 1000;
  const spread = (from: Site, to: readonly Site[], gbps: number): boolean => {
    let sum = 0;
    let any = false;
    for (const s of to) {
      if (s.id === from.id) continue;
      any = true;
      sum += Math.max(bw(s), 1e-6);
    }
    if (!any || gbps <= 0) return any;
    for (const s of to) if (s.id !== from.id) both(from.id, s.id, (gbps * Math.max(bw(s), 1e-6)) / sum);
    return true;
  };
  const sh = planning.traffic.shares;
  if (planning.traffic.pattern === 'role-aware') {
    const dcs = sites.filter((s) => s.role === 'datacenter');
    const hqs = sites.filter((s) => s.role === 'hq');
    const hubs = sites.filter((s) => s.role === 'region-hub');
    const breakouts = sites.filter((s) => HUB_ROLES.has(s.role));
    // Where an unplaceable share goes: datacenters, else HQ, else hubs, else everyone.
    const fallback = (from: Site): readonly Site[] => {
      for (const set of [dcs, hqs, hubs]) if (set.some((s) => s.id !== from.id)) return set;
      return sites;
    };
    const byRegionRole = new Map<string, Site[]>();
    for (const s of sites) {
      const k = `${s.region}\u0000${s.role}`;
      const list = byRegionRole.get(k);
      if (list) list.push(s);
      else byRegionRole.set(k, [s]);
    }
    for (const s of sites) {
      const b = bw(s);
      if (b <= 0) continue;
      if (s.role === 'datacenter') {
        if (!spread(s, dcs, b * sh.dcToDc) && dcs.length <= 1) {
          // A lone datacenter: its bandwidth serves the other sites' flows.
        }
        continue;
      }
      let rest = 0;
      if (!spread(s, dcs, b * sh.toDatacenters)) rest += b * sh.toDatacenters;
      if (!spread(s, hqs, b * sh.toHq)) rest += b * sh.toHq;
      if (!HUB_ROLES.has(s.role)) {
        const local = breakouts.filter((x) => x.region === s.region && x.id !== s.id);
        const pool = local.length > 0 ? local : breakouts.filter((x) => x.id !== s.id);
        if (pool.length > 0) {
          const near = pool.reduce((best, x) => (km(s, x) < km(s, best) ? x : best));
          both(s.id, near.id, b * sh.internet);
        } else rest += b * sh.internet;
      }
      const peers = byRegionRole.get(`${s.region}\u0000${s.role}`) ?? [];
      if (!spread(s, peers, b * sh.eastWest)) rest += b * sh.eastWest;
      if (rest > 0) spread(s, fallback(s), rest);
    }
  }
  const byKey = new Map<string, string>();
  for (const s of sites) {
    byKey.set(s.id, s.id);
    if (!byKey.has(s.name)) byKey.set(s.name, s.id);
  }
  for (const d of planning.traffic.demands) {
    const a = byKey.get(d.from);
    const b = byKey.get(d.to);
    if (a === undefined || b === undefined) throw new RangeError(`traffic demand names unknown site "${a === undefined ? d.from : d.to}"`);
    if (d.both) both(a, b, d.gbps);
    else add(a, b, d.gbps);
  }
  const flows: SiteFlow[] = [];
  let total = 0;
  for (const [k, v] of acc) {
    flows.push({ from: sites[Math.floor(k / N)]!.id, to: sites[k % N]!.id, gbps: v * growth });
    total += v * growth;
  }
  const basis =
    planning.traffic.pattern === 'explicit'
      ? `explicit site demands, +${planning.growthHeadroomPct} % growth`
      : `role-aware pattern from site bandwidth (to DCs ${pct(sh.toDatacenters)}, HQ ${pct(sh.toHq)}, internet ${pct(sh.internet)}, east–west ${pct(sh.eastWest)}, DC–DC ${pct(sh.dcToDc)}), +${planning.growthHeadroomPct} % growth`;
  return { flows, totalGbps: total, growthPct: planning.growthHeadroomPct, basis };
}

const pct = (x: number): string => `${Math.round(x * 100)} %`;

/** Device-level demands (indices into g) in Gbit/s. */
export interface DeviceDemands {
  demands: { s: number; t: number; volume: number }[];
  totalGbps: number;
  basis: string;
  /** Flows whose site has no device in the design (dropped), in Gbit/s. */
  unplacedGbps: number;
}

/**
 * Places site flows on devices: a site's traffic enters and leaves at its
 * WAN edge — the devices with a link to another site (all its devices when
 * none has one) — shared equally among them.
 */
export function deviceDemands(t: Topology, g: CompiledGraph, model: TrafficModel): DeviceDemands {
  const siteOfNode = new Map<number, string>();
  const edge = new Map<string, number[]>();
  const all = new Map<string, number[]>();
  t.nodes.forEach((d) => {
    const v = g.nodeIndex.get(d.id);
    if (v === undefined || d.site === undefined) return;
    siteOfNode.set(v, d.site);
    const list = all.get(d.site);
    if (list) list.push(v);
    else all.set(d.site, [v]);
  });
  for (let e = 0; e < g.linkIds.length; e++) {
    const a = siteOfNode.get(g.linkSource[e]!);
    const b = siteOfNode.get(g.linkTarget[e]!);
    if (a === undefined || b === undefined || a === b) continue;
    for (const [site, v] of [
      [a, g.linkSource[e]!],
      [b, g.linkTarget[e]!],
    ] as const) {
      const list = edge.get(site);
      if (!list) edge.set(site, [v]);
      else if (!list.includes(v)) list.push(v);
    }
  }
  const ends = (site: string): number[] => edge.get(site) ?? all.get(site) ?? [];
  const demands: DeviceDemands['demands'] = [];
  let total = 0;
  let unplaced = 0;
  for (const f of model.flows) {
    const a = ends(f.from);
    const b = ends(f.to);
    if (a.length === 0 || b.length === 0) {
      unplaced += f.gbps;
      continue;
    }
    const each = f.gbps / (a.length * b.length);
    for (const s of a) for (const d of b) if (s !== d) demands.push({ s, t: d, volume: each });
    total += f.gbps;
  }
  return { demands, totalGbps: total, basis: model.basis, unplacedGbps: unplaced };
}

/** The design's demands from its sites and planning assumptions (intent's when given). */
export function designDemands(t: Topology, g: CompiledGraph, intent?: Intent): DeviceDemands {
  const planning = planningOf(t, intent);
  // The families of one intent share their sites, so their site traffic: computed once (lib/recent.ts), copied out.
  const model = recentTraffic.get(JSON.stringify([t.sites, planning]), () => siteTraffic(t.sites, planning));
  return deviceDemands(t, g, { ...model, flows: model.flows.map((f) => ({ ...f })) });
}

const recentTraffic = new RecentResults<TrafficModel>(4);


/**
 * What every surface says when intent traffic carried nothing (a design whose
 * sites state no bandwidth and with no explicit demands, e.g. an import):
 * the sweep's utilisation and stranded figures are then zero by
 * construction, not because the design is sound.
 */
export function emptyIntentTrafficNote(design: string | null, fallback: string): string {
  return (
    `Intent traffic carried nothing on ${design === null ? 'this design' : `"${design}"`}: its sites state no bandwidth and no explicit demands are given, ` +
    `so utilisation and stranded demand are 0 by construction. Set site bandwidth (or demands in the intent), or ${fallback} ` +
    '(a structural estimate: 1 Mbit/s per device pair, weighted by degree).'
  );
}
