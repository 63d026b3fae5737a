import { findChains } from './chains';
import type { CompiledGraph } from './csr';
import { pendantForest } from './pendant';
import type { FailureSpec } from './sweep';

/**
 * An order of an impact sweep's scenarios that puts the single failures of
 * each chain of the pendant-stripped core (its links and interior nodes) next
 * to each other, with the positions where a worker's claimed unit may begin
 * (SweepJob.cuts): each chain's first scenario, then every position after
 * the chains. The chain impact path (impact-chains.ts) computes a chain's
 * load terms (seven skeleton routings) and its stretch terms once per worker
 * that meets the chain; in the design's own order (every link, then every
 * node) a chain's links and nodes fall in different units, so both workers
 * computed most chains' terms — a third of the sweep's CPU on the real Kdl.
 * Every scenario's figures are its own whatever the order, so the sweep
 * maps them back (`order`: position -> scenario index). Null when no
 * scenario lies on a chain (the design's order is kept).
 */
export function chainGroupedOrder(g: CompiledGraph, scenarios: readonly FailureSpec[]): { order: Int32Array; cuts: number[] } | null {
  const forest = pendantForest(g);
  const chains = findChains(forest.core);
  if (chains.chains.length === 0) return null;
  const coreLinkOf = new Int32Array(g.linkIds.length).fill(-1);
  forest.coreLinks.forEach((e, j) => (coreLinkOf[e] = j));
  const chainOf = (s: FailureSpec): number => {
    if (s.nodes.length + s.links.length !== 1) return -1;
    if (s.links.length === 1) {
      const ce = coreLinkOf[s.links[0]!]!;
      return ce < 0 ? -1 : chains.chainOfLink[ce]!;
    }
    const v = s.nodes[0]!;
    return forest.isCore[v] === 1 ? chains.chainOfNode[forest.coreIndex[v]!]! : -1;
  };
  const groups: number[][] = chains.chains.map(() => []);
  const rest: number[] = [];
  scenarios.forEach((s, i) => {
    const c = chainOf(s);
    if (c >= 0) groups[c]!.push(i);
    else rest.push(i);
  });
  const order = new Int32Array(scenarios.length);
  const cuts: number[] = [];
  let k = 0;
  for (const group of groups) {
    if (group.length === 0) continue;
    if (k > 0) cuts.push(k);
    for (const i of group) order[k++] = i;
  }
  if (k === 0) return null;
  for (const i of rest) {
    cuts.push(k);
    order[k++] = i;
  }
  return { order, cuts };
}
