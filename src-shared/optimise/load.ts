import type { Topology } from '../model/topology';
import { compileTopology, type CompiledGraph } from '../sim/csr';
import { capacityUnderFailure } from '../model/capacity';
import { designDemands } from '../model/traffic';
import type { PatchOp } from './patch';
import { assess, meetsClass } from './metrics';
import type { StepProposal, StrategyInput } from './strategies';

/** Largest design the load strategy sweeps (nodes). */
export const LOAD_MAX_NODES = 400;
/** Weight multipliers tried on a bottleneck link, and bottleneck links tried per step. */
export const WEIGHT_FACTORS = [2, 1.5, 3] as const;
/** Multipliers tried on the least loaded links (to attract traffic). */
export const LOWER_FACTORS = [0.5, 0.75] as const;
export const BOTTLENECKS_TRIED = 6;

/**
 * Worst link utilisation over the baseline and every single link, shared-risk
 * group or device failure, with ECMP routing on the IGP weights and the one
 * traffic model (model/traffic.ts, Gbit/s, the design's planning assumptions)
 * — the same figures validate and simulate print (model/capacity.ts).
 * Utilisation = directed load / capacity. Also returns the link that
 * carries the worst figure. Cost: the routing baseline plus one incremental
 * update per scenario (routing.ts).
 */
export interface LoadProfile {
  /** Worst utilisation of any link in any scenario. */
  value: number;
  /** The link carrying it (-1 when there are no links). */
  link: number;
  /** Per link: its worst utilisation over the scenarios. */
  perLink: Float64Array;
  /** Highest utilisation with nothing failed. */
  baseline: number;
}

/** Mean of the TOP_K largest per-link worst cases: the secondary objective once the maximum is pinned. */
export const TOP_K = 10;
export function topMean(perLink: Float64Array): number {
  const s = [...perLink].sort((a, b) => b - a).slice(0, TOP_K);
  return s.length ? s.reduce((a, b) => a + b, 0) / s.length : 0;
}

export function worstN1Utilisation(t: Topology, g: CompiledGraph = compileTopology(t)): LoadProfile {
  const perLink = new Float64Array(g.linkIds.length);
  if (g.nodeIds.length < 2 || g.linkIds.length === 0) return { value: 0, link: -1, perLink, baseline: 0 };
  // The one traffic model (model/traffic.ts) under every single link, shared-risk group and device failure.
  const r = capacityUnderFailure(t, g, designDemands(t, g), 1, ['link', 'srlg', 'device']);
  let worst = r.baseline?.utilisation ?? 0;
  let link = r.baseline !== null ? g.linkIds.indexOf(r.baseline.link) : -1;
  for (const k of ['link', 'srlg', 'device'] as const) {
    const c = r.byKind[k];
    if (c !== null && c.utilisation > worst + 1e-12) {
      worst = c.utilisation;
      link = g.linkIds.indexOf(c.link);
    }
  }
  return { value: worst, link, perLink: r.perLink, baseline: r.baseline?.utilisation ?? 0 };
}

/**
 * The weight changes one load-balancing step tries, in order: raise the IGP
 * weight of one of the BOTTLENECKS_TRIED links with the highest worst case
 * (×2, ×1.5, ×3), or lower one of the least loaded (×0.5, ×0.75). Shared by
 * the optimiser's load strategy and the capacity plan's zero-capex
 * alternative (capacity/igp.ts), which judge a move by their own demands.
 */
export function weightMoves(t: Topology, g: CompiledGraph, perLink: Float64Array): { e: number; to: number }[] {
  // Bottlenecks: links by decreasing worst-case utilisation (index order on ties).
  const byLoad = [...perLink.keys()].sort((x, y) => perLink[y]! - perLink[x]! || x - y);
  const moves: { e: number; to: number }[] = [];
  const add = (e: number, f: number): void => {
    const w = t.links[g.linkOrigin[e]!]!.igpWeight;
    const to = f > 1 ? Math.max(w + 1, Math.round(w * f)) : Math.max(1, Math.round(w * f));
    if (to !== w) moves.push({ e, to });
  };
  for (const e of byLoad.slice(0, BOTTLENECKS_TRIED)) for (const f of WEIGHT_FACTORS) add(e, f);
  for (const e of byLoad.slice(-BOTTLENECKS_TRIED).reverse()) for (const f of LOWER_FACTORS) add(e, f);
  return moves;
}

/**
 * Balance load: raise the IGP weight of one of the BOTTLENECKS_TRIED links
 * with the highest worst-case (N-1) utilisation (×2, ×1.5, ×3), or lower
 * one of the least loaded (×0.5, ×0.75) to attract traffic, and keep
 * the first change that lowers the worst case — or, when the worst case is
 * pinned (a link every path must use), keeps it and lowers the mean of the
 * TOP_K most loaded links — without losing the class. A local search in
 * the style of Fortz & Thorup (2000), "Internet traffic engineering by
 * optimizing OSPF weights", INFOCOM — one weight per step.
 * O(BOTTLENECKS_TRIED · 5 · sweep).
 */
export function proposeLoadBalance(input: StrategyInput): StepProposal | null {
  const t = input.topology;
  if (t.nodes.length > LOAD_MAX_NODES) {
    throw new RangeError(`load balancing sweeps designs up to ${LOAD_MAX_NODES} devices; this one has ${t.nodes.length}`);
  }
  const g = compileTopology(t);
  const base = worstN1Utilisation(t, g);
  if (base.link < 0) return null;
  const baseTop = topMean(base.perLink);
  const before = assess(t, input.intent, input.priceBook);
  for (const { e, to } of weightMoves(t, g, base.perLink)) {
    const link = t.links[g.linkOrigin[e]!]!;
    {
      const patch: PatchOp[] = [{ op: 'set-weight', linkId: link.id, from: link.igpWeight, to }];
      const next: Topology = { ...t, links: t.links.map((l) => (l.id === link.id ? { ...l, igpWeight: to } : l)) };
      const after = worstN1Utilisation(next);
      const better = after.value < base.value * (1 - 1e-6) || (after.value <= base.value * (1 + 1e-9) && topMean(after.perLink) < baseTop * (1 - 1e-3));
      if (!better) continue;
      const assessed = assess(next, input.intent, input.priceBook);
      if (!meetsClass(assessed.validation, input.keep)) continue;
      const pts = (x: number) => Math.round(x * 10000) / 100;
      return {
        rule: 'load: IGP weight lowering worst-case N-1 utilisation',
        rationale: `Link ${link.id} reaches ${pts(base.perLink[e]!)} % under its worst single failure; ${to > link.igpWeight ? 'raising' : 'lowering'} the IGP weight of ${link.id} ${link.igpWeight}→${to} moves traffic ${to > link.igpWeight ? 'off it' : 'onto it'}: worst case ${pts(base.value)} %→${pts(after.value)} %, mean of the ${TOP_K} most loaded links ${pts(baseTop)} %→${pts(topMean(after.perLink))} %.`,
        patch,
        before: { ...before.metrics, worstN1Utilisation: base.value },
        after: { ...assessed.metrics, worstN1Utilisation: after.value },
        expected: { metric: 'topLinksWorstN1Utilisation', delta: Math.round(100 * (pts(baseTop) - pts(topMean(after.perLink)))) / 100, unit: 'percentage points' },
      };
    }
  }
  return null;
}
