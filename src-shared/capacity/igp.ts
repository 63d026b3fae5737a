import { linkLabeller, type CapacityReport } from '../model/capacity';
import type { Topology } from '../model/topology';
import { LOAD_MAX_NODES, weightMoves } from '../optimise/load';
import { compileTopology, type CompiledGraph } from '../sim/csr';
import type { IgpAlternative } from './types';

/** Capacity checks the zero-capex search may spend (each routes every failure of the set). */
export const IGP_MAX_EVALUATIONS = 60;

const worst = (r: CapacityReport): number => r.perLink.reduce((m, v) => Math.max(m, v), 0);

/**
 * The zero-capex alternative: IGP weight changes alone (the optimiser's load
 * moves, optimise/load.ts weightMoves — Fortz & Thorup style, one weight per
 * step) judged by the plan's own check on the last period's demands; kept
 * while the worst case falls, then verified on every period. It "suffices"
 * only when every link stays within the limit in every period with the
 * weights changed. Designs above the optimiser's size limit are not tried.
 */
export function igpAlternative(
  t: Topology,
  periods: number,
  run: (t: Topology, g: CompiledGraph, k: number) => CapacityReport,
  limit: number,
): IgpAlternative {
  if (t.nodes.length > LOAD_MAX_NODES) {
    return { tried: false, suffices: false, changes: [], worstBefore: NaN, worstAfter: NaN, note: `not tried: ${t.nodes.length} devices is above the weight search's limit of ${LOAD_MAX_NODES}` };
  }
  const last = periods - 1;
  let cur = t;
  let g = compileTopology(cur);
  let r = run(cur, g, last);
  const worstBefore = worst(r);
  let best = worstBefore;
  let evaluations = 0;
  const changes: IgpAlternative['changes'] = [];
  const label = linkLabeller(t, compileTopology(t));
  const indexOf = new Map(t.links.map((l, i) => [l.id, i]));
  if (worstBefore <= limit + 1e-12) {
    return { tried: true, suffices: true, changes: [], worstBefore, worstAfter: worstBefore, note: 'no link exceeds the limit in the last period: nothing to re-optimise' };
  }
  search: while (evaluations < IGP_MAX_EVALUATIONS) {
    for (const m of weightMoves(cur, g, r.perLink)) {
      if (evaluations >= IGP_MAX_EVALUATIONS) break search;
      evaluations++;
      const link = cur.links[g.linkOrigin[m.e]!]!;
      const next: Topology = { ...cur, links: cur.links.map((l) => (l.id === link.id ? { ...l, igpWeight: m.to } : l)) };
      const g2 = compileTopology(next);
      const r2 = run(next, g2, last);
      if (worst(r2) < best * (1 - 1e-6)) {
        const prev = changes.find((c) => c.link === link.id);
        if (prev) prev.to = m.to;
        else changes.push({ link: link.id, linkLabel: label(indexOf.get(link.id)!), from: link.igpWeight, to: m.to });
        cur = next;
        g = g2;
        r = r2;
        best = worst(r2);
        if (best <= limit + 1e-12) break search;
        continue search;
      }
    }
    break;
  }
  let worstAfter = best;
  for (let k = 0; k < last && changes.length > 0; k++) worstAfter = Math.max(worstAfter, worst(run(cur, g, k)));
  const suffices = worstAfter <= limit + 1e-12 && changes.length > 0;
  const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;
  return {
    tried: true,
    suffices,
    changes,
    worstBefore,
    worstAfter,
    note: suffices
      ? `${changes.length} IGP weight change${changes.length === 1 ? '' : 's'} keep every link within the limit in every period (worst ${pct(worstBefore)} → ${pct(worstAfter)}), at no capex: verified in the twin`
      : changes.length > 0
        ? `weight changes lower the worst case ${pct(worstBefore)} → ${pct(worstAfter)} but not within the limit: capacity is needed (${evaluations} moves tried)`
        : `no single weight change lowers the worst case (${pct(worstBefore)}; ${evaluations} moves tried): capacity is needed`,
  };
}
