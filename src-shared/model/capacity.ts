import type { Redundancy } from './intent';
import type { Topology } from './topology';
import { srlgGroups, type CompiledGraph } from '../sim/csr';
import { SlotDelta } from '../sim/incremental';
import { LocalFailureDeltas } from '../sim/local-deltas';
import { failureMasks, RoutingEngine } from '../sim/routing';
import { explicitTraffic } from '../sim/traffic';
import type { DeviceDemands } from './traffic';
import { failureKey, type RoutedFailures } from './routed-failures';
import { TwinFailures } from './twin-failures';

export { RoutedFailures } from './routed-failures';

/**
 * Capacity under failure, the hard check (as Cisco WAE's worst-case
 * analysis): the intent's demands (model/traffic.ts, Gbit/s) are routed by
 * ECMP on the IGP weights — so a backup circuit with a higher metric carries
 * traffic only when routing sends it there — and, for every failure in the
 * set a redundancy class must survive, every surviving link's utilisation
 * (directed load / capacity, per direction) is measured. Per link: its worst
 * utilisation and the failure causing it. A failure is survived only when no
 * link exceeds the limit afterwards.
 *
 * Failure sets (see redundancy.ts for the connectivity side):
 *   STANDARD — every single link and every shared-risk group (duct, site building);
 *   HIGH     — plus every single device;
 *   CRITICAL — plus every single site outage. Pairs of failures are checked
 *              for connectivity (redundancy.ts), not for load: their number
 *              grows with the square of the design (stated in the report).
 * Cost: one routing baseline plus one incremental update and an O(m) scan
 * per failure (sim/routing.ts).
 */
export type FailureKind = 'link' | 'srlg' | 'device' | 'site';

export interface FailureCase {
  kind: FailureKind;
  /** In words: "link l19 (Paris HQ – Ashburn DC) fails", "the Paris HQ–Ashburn DC duct is cut". */
  label: string;
  nodes: number[];
  links: number[];
}

export const CLASS_FAILURES: Record<Exclude<Redundancy, 'NONE'>, FailureKind[]> = {
  STANDARD: ['link', 'srlg'],
  HIGH: ['link', 'srlg', 'device'],
  CRITICAL: ['link', 'srlg', 'device', 'site'],
};

export interface WorstCase {
  link: string;
  /** "l19 (Paris HQ – Ashburn DC)". */
  linkLabel: string;
  utilisation: number;
  loadGbps: number;
  capacityGbps: number;
  /** The failure, in words ("no failure" for the baseline). */
  failure: string;
  failureKind: FailureKind | 'none';
}

export interface CapacityReport {
  limit: number;
  totalDemandGbps: number;
  basis: string;
  baseline: WorstCase | null;
  /** Worst case over each kind of failure (null when the design has none of that kind). */
  byKind: Record<FailureKind, WorstCase | null>;
  /** Per link index: worst utilisation over the failures evaluated, and which failure (-1 = baseline). */
  perLink: Float64Array;
  perLinkFailure: Int32Array;
  failures: FailureCase[];
  /** Failures that push a link over the limit. */
  overLimit: number;
  /** Link ids by index (for evidence). */
  linkIds: readonly string[];
}

const siteNameMap = (t: Topology): Map<string, string> => new Map(t.sites.map((s) => [s.id, s.name]));

/** Labels links by the sites they join: "l19 (Paris HQ – Ashburn DC)" or "l3 (inside London DC)". O(n) to build. */
export function linkLabeller(t: Topology, g: CompiledGraph): (e: number) => string {
  const names = siteNameMap(t);
  const siteOf = new Map(t.nodes.map((d) => [d.id, d.site !== undefined ? (names.get(d.site) ?? d.site) : d.id]));
  return (e) => {
    const link = t.links[g.linkOrigin[e]!]!;
    const a = siteOf.get(link.source) ?? link.source;
    const b = siteOf.get(link.target) ?? link.target;
    return a === b ? `${link.id} (inside ${a})` : `${link.id} (${a} – ${b})`;
  };
}

/** The failures of the given kinds, labelled in words. */
export function failureCases(t: Topology, g: CompiledGraph, kinds: readonly FailureKind[]): FailureCase[] {
  const out: FailureCase[] = [];
  const names = siteNameMap(t);
  const want = new Set(kinds);
  const label = linkLabeller(t, g);
  if (want.has('link')) {
    for (let e = 0; e < g.linkIds.length; e++) out.push({ kind: 'link', label: `link ${label(e)} fails`, nodes: [], links: [e] });
  }
  if (want.has('srlg')) {
    for (const [tag, links] of srlgGroups(t, g)) {
      // A one-link group is that link's own failure, already counted; a `site:` group is the
      // building's cabling, whose loss is a site outage (kind 'site').
      if ((links.length < 2 && want.has('link')) || tag.startsWith('site:')) continue;
      out.push({ kind: 'srlg', label: srlgLabel(tag, names), nodes: [], links });
    }
  }
  if (want.has('device')) {
    const byId = new Map(t.nodes.map((d) => [d.id, d]));
    g.nodeIds.forEach((id, v) => {
      const d = byId.get(id);
      const where = d?.site !== undefined ? ` at ${names.get(d.site) ?? d.site}` : '';
      out.push({ kind: 'device', label: `device ${id}${where} fails`, nodes: [v], links: [] });
    });
  }
  if (want.has('site')) {
    const bySite = new Map<string, number[]>();
    t.nodes.forEach((d) => {
      const v = g.nodeIndex.get(d.id);
      if (v === undefined || d.site === undefined) return;
      const list = bySite.get(d.site);
      if (list) list.push(v);
      else bySite.set(d.site, [v]);
    });
    for (const [site, nodes] of bySite) out.push({ kind: 'site', label: `site ${names.get(site) ?? site} is lost`, nodes, links: [] });
  }
  return out;
}

/** "the Paris HQ–Ashburn DC duct is cut", "the London DC building (site:…) is lost", or the tag. */
export function srlgLabel(tag: string, names: ReadonlyMap<string, string>): string {
  if (tag.startsWith('duct:')) {
    const [a, b] = tag.slice(5).split('~');
    if (a !== undefined && b !== undefined) return `the ${names.get(a) ?? a}–${names.get(b) ?? b} duct is cut`;
  }
  if (tag.startsWith('site:')) return `every circuit inside ${names.get(tag.slice(5)) ?? tag.slice(5)} fails (shared building risk)`;
  return `shared-risk group ${tag} fails`;
}

/** Load-change buffers a capacity run holds at once (a block of failures routed together). */
const BLOCK_BYTES = 1 << 20;

/**
 * Routes the demands and measures every failure of `kinds`. `limit` is a
 * fraction (0.8 = 80 %). `routed`, when given, supplies the loads of an
 * earlier run on the same routing and keeps this run's for a later one.
 */
export function capacityUnderFailure(
  t: Topology,
  g: CompiledGraph,
  demands: DeviceDemands,
  limit: number,
  kinds: readonly FailureKind[] = CLASS_FAILURES.CRITICAL,
  routed?: RoutedFailures,
): CapacityReport {
  const m = g.linkIds.length;
  const perLink = new Float64Array(m);
  const perLinkFailure = new Int32Array(m).fill(-1);
  const byKind: Record<FailureKind, WorstCase | null> = { link: null, srlg: null, device: null, site: null };
  const failures = failureCases(t, g, kinds);
  const report: CapacityReport = {
    limit,
    totalDemandGbps: demands.totalGbps,
    basis: demands.basis,
    baseline: null,
    byKind,
    perLink,
    perLinkFailure,
    failures,
    overLimit: 0,
    linkIds: g.linkIds,
  };
  if (m === 0 || demands.demands.length === 0) return report;
  // The routing engine (one shortest-path DAG and ECMP pass per destination) is built only when some load is not held.
  let engine: RoutingEngine | null = null;
  const engineOf = (): RoutingEngine => (engine ??= new RoutingEngine(g, explicitTraffic(g, demands.demands)));
  // Failures local to one device (a branch's uplink, the branch itself) in closed form (sim/local-deltas.ts).
  let local: LocalFailureDeltas | null = null;
  const held = routed?.baselineFor(g, demands.demands) ?? null;
  const baseLoad = held ?? engineOf().baseLoad;
  const recording = routed !== undefined && held === null ? routed.bind(g, demands.demands, baseLoad) : routed !== undefined;
  const slots = 2 * m;
  const label = linkLabeller(t, g);
  const caseOf = (e: number, load: number, failure: string, kind: WorstCase['failureKind']): WorstCase => ({
    link: g.linkIds[e]!,
    linkLabel: label(e),
    utilisation: load / g.capacities[e]!,
    loadGbps: load,
    capacityGbps: g.capacities[e]!,
    failure,
    failureKind: kind,
  });
  // Scans loads after a failure (-1: baseline); returns the worst slot's link and load.
  const scan = (dv: Float64Array | null, failed: Uint8Array | null, index: number): { e: number; load: number; u: number } => {
    let best = { e: -1, load: 0, u: -1 };
    for (let s = 0; s < slots; s++) {
      const e = s >> 1;
      if (failed !== null && failed[e] === 1) continue;
      const load = baseLoad[s]! + (dv !== null ? dv[s]! : 0);
      const u = load / g.capacities[e]!;
      if (u > perLink[e]! + 1e-12) {
        perLink[e] = u;
        perLinkFailure[e] = index;
      }
      if (u > best.u + 1e-12) best = { e, load, u };
    }
    return best;
  };
  const b = scan(null, null, -1);
  if (b.e >= 0) report.baseline = caseOf(b.e, b.load, 'no failure', 'none');
  // Failures in blocks, routed destination by destination (RoutingEngine.failureDeltas), then scanned in order.
  const block = Math.max(1, Math.min(failures.length, Math.floor(BLOCK_BYTES / (8 * slots))));
  const deltas = Array.from({ length: block }, () => new SlotDelta(slots));
  // Failures that are a twin's relabelled (twin-failures.ts), found when the first failure is routed; the deltas later blocks copy.
  let twins: TwinFailures | false | null = null;
  const kept = new Map<number, Float64Array>();
  for (let i0 = 0; i0 < failures.length; i0 += block) {
    const i1 = Math.min(failures.length, i0 + block);
    const masks = failures.slice(i0, i1).map((f) => failureMasks(g, f.nodes, f.links));
    const keys = failures.slice(i0, i1).map((f) => (recording ? failureKey(f) : ''));
    const todo: number[] = [];
    const copied: number[] = [];
    for (let k = 0; k < i1 - i0; k++) {
      deltas[k]!.reset();
      if (recording && routed!.read(keys[k]!, deltas[k]!.value)) continue;
      twins ??= TwinFailures.build(g, engineOf().traffic, failures) ?? false;
      const j = twins === false ? -1 : twins.sourceOf[i0 + k]!;
      // A twin's failure relabelled: its source is earlier in this block (done below, in order) or kept.
      if (j >= i0 || (j >= 0 && kept.has(j))) copied.push(k);
      else todo.push(k);
    }
    if (todo.length > 0) {
      (local ??= new LocalFailureDeltas(engineOf())).failureDeltas(
        todo.map((k) => masks[k]!),
        todo.map((k) => deltas[k]!),
      );
    }
    for (const k of copied) {
      const j = (twins as TwinFailures).sourceOf[i0 + k]!;
      (twins as TwinFailures).relabel(i0 + k, j >= i0 ? deltas[j - i0]!.value : kept.get(j)!, deltas[k]!.value);
    }
    // Kept in failure order, as before (RoutedFailures packs them in that order).
    if (recording) for (const k of [...todo, ...copied].sort((a, b) => a - b)) routed!.keep(keys[k]!, deltas[k]!.value);
    if (twins !== null && twins !== false) {
      for (const j of [...kept.keys()]) if (twins.lastUse[j]! < i1) kept.delete(j);
      for (let i = i0; i < i1; i++) if (twins.lastUse[i]! >= i1) kept.set(i, deltas[i - i0]!.value.slice());
    }
    for (let i = i0; i < i1; i++) {
      const f = failures[i]!;
      const w = scan(deltas[i - i0]!.value, masks[i - i0]!.links, i);
      if (w.e < 0) continue;
      if (w.u > limit + 1e-12) report.overLimit++;
      const prev = byKind[f.kind];
      if (prev === null || w.u > prev.utilisation + 1e-12) byKind[f.kind] = caseOf(w.e, w.load, f.label, f.kind);
    }
  }
  return report;
}

/** Whether every failure of the class (and the baseline) keeps all links within the limit. */
export function survivesClass(r: CapacityReport, cls: Exclude<Redundancy, 'NONE'>): boolean {
  if (r.baseline !== null && r.baseline.utilisation > r.limit + 1e-12) return false;
  return CLASS_FAILURES[cls].every((k) => r.byKind[k] === null || r.byKind[k].utilisation <= r.limit + 1e-12);
}

/** The worst case over the failures of a class (the baseline when nothing worse). */
export function worstFor(r: CapacityReport, cls: Exclude<Redundancy, 'NONE'>): WorstCase | null {
  let w = r.baseline;
  for (const k of CLASS_FAILURES[cls]) {
    const c = r.byKind[k];
    if (c !== null && (w === null || c.utilisation > w.utilisation)) w = c;
  }
  return w;
}

/** "worst case: l19 (Paris HQ – Ashburn DC) at 135 % (1,350 of 1,000 Gbit/s) when the Paris HQ–Ashburn DC duct is cut". */
export function describeWorst(w: WorstCase | null): string {
  if (w === null) return 'no link carries traffic';
  const when = w.failureKind === 'none' ? 'with nothing failed' : `when ${w.failure}`;
  return `worst case: ${w.linkLabel} at ${formatPct(w.utilisation)} (${formatGbps(w.loadGbps)} of ${formatGbps(w.capacityGbps)}) ${when}`;
}

export const formatPct = (x: number): string => `${x >= 10 ? Math.round(x * 100).toLocaleString('en-US') : (x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
export const formatGbps = (x: number): string =>
  x >= 10 ? `${Math.round(x).toLocaleString("en-US")} Gbit/s` : x >= 1 ? `${x.toFixed(1)} Gbit/s` : `${(x * 1000).toFixed(0)} Mbit/s`;

/** Largest standard port speed; faster links are LAGs of it (generate/builder.ts SPEEDS_GBPS). */
export const LAG_MEMBER_GBPS = 400;

/** Ports a link takes at each end: one per LAG member (stated, else capacity over 400G in 400G members). */
export function lagMembers(link: { capacityGbps: number; lagMembers?: number | undefined }): number {
  if (link.lagMembers !== undefined) return link.lagMembers;
  return link.capacityGbps > LAG_MEMBER_GBPS ? Math.ceil(link.capacityGbps / LAG_MEMBER_GBPS - 1e-9) : 1;
}

/** Largest design (devices) validation routes traffic for; above it the capacity check points to simulate. */
export const CAPACITY_MAX_DEVICES = 3000;
