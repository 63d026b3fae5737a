import { costDesign, linkCostUsd, opticsCostUsd } from '../cost/cost';
import { DEFAULT_PRICE_BOOK, type PriceBook } from '../cost/pricebook';
import { INTRA_SITE_LATENCY_MS, igpWeightForLatency } from '../generate/geo';
import { routeBetween } from '../model/latency';
import type { Device, Link, Topology } from '../model/topology';
import { bridgesAndCutNodes, connectedComponents, dfsForest } from '../sim/connectivity';
import { compileTopology } from '../sim/csr';
import { assess, meetsClass } from './metrics';
import type { StepProposal, StrategyInput } from './strategies';

/** Devices per side considered when looking for the cheapest new link. */
export const SIDE_CANDIDATES = 30;

/**
 * Raise resilience: add the cheapest link that removes a bridge or an
 * articulation point (Tarjan, sim/connectivity.ts). For a bridge, the two
 * sides it separates are joined; for a cut node, the smallest piece its
 * failure leaves is joined to the largest. The new link goes between the
 * SIDE_CANDIDATES devices of each side nearest to the other side, priced by
 * the price book (circuit + optics at the route length), excluding a
 * duplicate of the bridge itself when another pair exists (a parallel
 * circuit in the same duct would not survive the duct being cut). Once the
 * graph is 2-connected, the validation's CRITICAL evidence (2-edge cuts,
 * SRLG and site outages) names the links or devices to protect, and the
 * same search joins the pieces their failure leaves. One link per step.
 * O(k² + n + m) per candidate piece, k = SIDE_CANDIDATES.
 * Reference: Eswaran & Tarjan (1976), "Augmentation problems", SIAM J.
 * Comput. 5(4) — here greedy and price-aware rather than optimal.
 */
export function proposeResilience(input: StrategyInput): StepProposal | null {
  const book = input.priceBook ?? DEFAULT_PRICE_BOOK;
  const t = input.topology;
  const base = assess(t, input.intent, book);
  const g = compileTopology(t);
  const { bridges, articulationPoints } = bridgesAndCutNodes(g, dfsForest(g));
  let failedNodes: Uint8Array | undefined;
  let failedLinks: Uint8Array | undefined;
  let what: string;
  if (bridges.length > 0) {
    failedLinks = new Uint8Array(g.linkIds.length);
    failedLinks[bridges[0]!] = 1;
    what = `bridge ${g.linkIds[bridges[0]!]}`;
  } else if (articulationPoints.length > 0) {
    failedNodes = new Uint8Array(g.nodeIds.length);
    failedNodes[articulationPoints[0]!] = 1;
    what = `articulation point ${g.nodeIds[articulationPoints[0]!]}`;
  } else {
    const critical = base.validation.checks.find((c) => c.id === 'redundancy.critical');
    if (!critical || critical.passed || critical.evidence.links.length + critical.evidence.nodes.length === 0) return null;
    failedLinks = new Uint8Array(g.linkIds.length);
    failedNodes = new Uint8Array(g.nodeIds.length);
    for (const id of critical.evidence.links) {
      const e = g.linkIds.indexOf(id);
      if (e >= 0) failedLinks[e] = 1;
    }
    for (const id of critical.evidence.nodes) {
      const v = g.nodeIndex.get(id);
      if (v !== undefined) failedNodes[v] = 1;
    }
    what = `the CRITICAL weak spot (${[...critical.evidence.links, ...critical.evidence.nodes].slice(0, 4).join(', ')})`;
  }
  const comp = connectedComponents(g, failedNodes, failedLinks);
  if (comp.count < 2) return null;
  const order = comp.sizes.map((s, c) => ({ s, c })).sort((a, b) => a.s - b.s || a.c - b.c);
  const small = order[0]!.c;
  const large = order[order.length - 1]!.c;
  const byId = new Map(t.nodes.map((d) => [d.id, d]));
  const members = (c: number) => g.nodeIds.filter((_, v) => comp.componentOf[v] === c).map((id) => byId.get(id)!);
  const link = cheapestJoin(t, members(small), members(large), book, bridges.length > 0 ? g.linkIds[bridges[0]!]! : null);
  if (!link) return null;
  const next: Topology = { ...t, links: [...t.links, link] };
  const after = assess(next, input.intent, book);
  if (!meetsClass(after.validation, input.keep)) return null;
  const added = costDesign(next, book).totalUsd - base.metrics.costUsd;
  const fixed = base.metrics.bridges + base.metrics.articulationPoints - after.metrics.bridges - after.metrics.articulationPoints;
  return {
    rule: 'resilience: cheapest link removing a single point of failure',
    rationale: `${what} splits the design; adding ${link.source}–${link.target} (${link.distanceKm ?? 0} km, ${Math.round(added).toLocaleString('en-US')} USD) joins the pieces; bridges ${base.metrics.bridges}→${after.metrics.bridges}, cut devices ${base.metrics.articulationPoints}→${after.metrics.articulationPoints}, class ${base.metrics.redundancy}→${after.metrics.redundancy}.`,
    patch: [{ op: 'add-link', link }],
    before: base.metrics,
    after: after.metrics,
    expected: { metric: 'singlePointsOfFailure', delta: fixed, unit: 'elements' },
  };
}

const coords = (t: Topology, d: Device): [number, number] | null => {
  if (d.lat !== undefined && d.lon !== undefined) return [d.lat, d.lon];
  const s = t.sites.find((x) => x.id === d.site);
  return s?.lat !== undefined && s.lon !== undefined ? [s.lat, s.lon] : null;
};

function cheapestJoin(t: Topology, a: Device[], b: Device[], book: PriceBook, avoid: string | null): Link | null {
  const avoidLink = avoid ? t.links.find((l) => l.id === avoid) : undefined;
  const cap = Math.max(1, ...t.links.filter((l) => a.some((d) => d.id === l.source || d.id === l.target)).map((l) => l.capacityGbps));
  // Each side's devices nearest to the other side's centroid (devices without coordinates last).
  const centroid = (side: Device[]): [number, number] | null => {
    const pts = side.map((d) => coords(t, d)).filter((p): p is [number, number] => p !== null);
    if (pts.length === 0) return null;
    return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
  };
  const pick = (side: Device[], other: Device[]) => {
    const c = centroid(other);
    const dist = (d: Device) => {
      const p = coords(t, d);
      return c && p ? routeBetween({ lat: p[0], lon: p[1] }, { lat: c[0], lon: c[1] }).km : Infinity;
    };
    return side
      .map((d, i) => ({ d, i, km: dist(d) }))
      .sort((x, y) => x.km - y.km || x.i - y.i)
      .slice(0, SIDE_CANDIDATES)
      .map((x) => x.d);
  };
  let best: { cost: number; a: Device; b: Device; km: number; ms: number } | null = null;
  const pa = pick(a, b);
  const pb = pick(b, a);
  for (const x of pa) {
    for (const y of pb) {
      const dup = avoidLink && ((avoidLink.source === x.id && avoidLink.target === y.id) || (avoidLink.source === y.id && avoidLink.target === x.id));
      const cx = coords(t, x);
      const cy = coords(t, y);
      const sameSite = x.site !== undefined && x.site === y.site;
      // The one latency model (model/latency.ts): named subsea corridors, route factors.
      const route = sameSite || !cx || !cy ? null : routeBetween({ lat: cx[0], lon: cx[1] }, { lat: cy[0], lon: cy[1] });
      const km = route?.km ?? 0;
      const cost = linkCostUsd(book, cap, km, sameSite || km === 0) + opticsCostUsd(book, cap, km) + (dup ? 1e12 : 0);
      if (!best || cost < best.cost) best = { cost, a: x, b: y, km, ms: route && km > 0 ? route.latencyMs : INTRA_SITE_LATENCY_MS };
    }
  }
  if (!best) return null;
  let k = t.links.length + 1;
  while (t.links.some((l) => l.id === `opt-${k}`)) k++;
  const latencyMs = best.ms;
  return {
    id: `opt-${k}`,
    source: best.a.id,
    target: best.b.id,
    capacityGbps: cap,
    igpWeight: igpWeightForLatency(latencyMs),
    latencyMs,
    distanceKm: best.km,
    srlgs: [],
  };
}
