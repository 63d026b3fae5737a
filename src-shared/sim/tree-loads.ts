import { connectedComponents } from './connectivity';
import type { FailureMasks } from './incremental';
import type { PendantForest } from './pendant';

/**
 * Loads on the links of the pendant trees (pendant.ts) in closed form, for
 * compressed.ts: a tree link above subtree S in component C carries
 * out(S)·(in(C) − in(S)) upward and (out(C) − out(S))·in(S) downward.
 */

/** Core components after a failure, their masses (Σ of each core node's tree), and each full-graph node's component (via its root). */
export interface SplitComponents {
  compOut: number[];
  compIn: number[];
  compOf: Int32Array;
}

export function splitComponents(f: PendantForest, subOut: Float64Array, subIn: Float64Array, fm: FailureMasks): SplitComponents {
  const comps = connectedComponents(f.core, fm.nodes, fm.links);
  const compOut = new Array<number>(comps.count).fill(0);
  const compIn = new Array<number>(comps.count).fill(0);
  for (let i = 0; i < f.coreNodes.length; i++) {
    const c = comps.componentOf[i]!;
    if (c < 0) continue;
    compOut[c]! += subOut[f.coreNodes[i]!]!;
    compIn[c]! += subIn[f.coreNodes[i]!]!;
  }
  const compOf = new Int32Array(f.rootOf.length);
  for (let v = 0; v < compOf.length; v++) compOf[v] = comps.componentOf[f.coreIndex[f.rootOf[v]!]!]!;
  return { compOut, compIn, compOf };
}

/**
 * Largest closed-form load on tree links. `cut` (a stripped node) leaves
 * its component with its subtree; when `failedNode` is that node or a core
 * node, its children's subtrees become components of their own. `top` is
 * scratch (one entry per node). subOut/subIn: each node's subtree masses.
 */
export function treeMax(
  f: PendantForest,
  subOut: Float64Array,
  subIn: Float64Array,
  top: Int32Array,
  compOf: Int32Array,
  compOut: number[],
  compIn: number[],
  cut: number,
  failedNode: number,
  /** Receives each tree link's load (the larger direction), for a caller weighing loads by capacity. */
  visit?: (link: number, load: number) => void,
): number {
  // Nodes below a failed node get the child subtree they are in as their component.
  const lo = failedNode >= 0 ? f.tin[failedNode]! : 0;
  const hi = failedNode >= 0 ? f.tout[failedNode]! : 0;
  for (let j = lo + 1; j < hi; j++) {
    const y = f.pre[j]!;
    top[y] = f.parent[y] === failedNode ? y : top[f.parent[y]!]!;
  }
  const cutLo = cut >= 0 ? f.tin[cut]! : 0;
  const cutHi = cut >= 0 ? f.tout[cut]! : 0;
  const cutOut = cut >= 0 ? subOut[cut]! : 0;
  const cutIn = cut >= 0 ? subIn[cut]! : 0;
  const cutRoot = cut >= 0 ? f.rootOf[cut]! : -1;
  const cutComp = cut >= 0 ? compOf[cut]! : -2;
  let max = 0;
  for (const y of f.stripped) {
    if (y === cut || f.parent[y] === failedNode) continue; // its own link failed
    const ty = f.tin[y]!;
    let so = subOut[y]!;
    let si = subIn[y]!;
    let co: number;
    let ci: number;
    if (failedNode >= 0 && ty > lo && ty < hi) {
      const t = top[y]!; // its own component now: the subtree of a child of the failed node
      co = subOut[t]!;
      ci = subIn[t]!;
    } else if (cut >= 0 && ty > cutLo && ty < cutHi) {
      co = cutOut; // inside the cut-off subtree (failed link above `cut`)
      ci = cutIn;
    } else {
      const c = compOf[y]!;
      if (c < 0) continue; // hangs from a failed core node: handled above
      co = compOut[c]!;
      ci = compIn[c]!;
      if (cut >= 0 && c === cutComp) {
        co -= cutOut; // the cut-off part no longer belongs to this component
        ci -= cutIn;
        if (f.rootOf[y] === cutRoot && f.tin[y]! < cutLo && f.tout[y]! >= cutHi) {
          so -= cutOut; // an ancestor of the cut: its subtree shrank
          si -= cutIn;
        }
      }
    }
    const up = so * (ci - si);
    const down = (co - so) * si;
    if (up > max) max = up;
    if (down > max) max = down;
    if (visit !== undefined) visit(f.parentLink[y]!, Math.max(up, down));
  }
  return max;
}
