import type { CompiledGraph } from './csr';

/**
 * A depth-first forest of the graph (optionally with failed nodes/links
 * removed), with the Hopcroft–Tarjan low-points.
 *
 * - `disc[u]`: discovery time (-1 for failed or unvisited nodes).
 * - `low[u]`: smallest discovery time reachable from u's subtree using at most
 *   one non-tree link. Skipping only the *link* we arrived by (not every link
 *   to the parent) is what makes parallel links count as back-edges.
 * - `subtree[u]`: number of nodes in u's DFS subtree.
 * - `componentOf[u]`: component number (-1 for failed nodes); components are
 *   numbered in order of their smallest node index.
 * - `order`: nodes in discovery order (a child always comes after its parent).
 */
export interface DfsForest {
  readonly disc: Int32Array;
  readonly low: Int32Array;
  readonly parent: Int32Array;
  readonly parentLink: Int32Array;
  readonly subtree: Int32Array;
  readonly componentOf: Int32Array;
  readonly componentSize: number[];
  readonly order: Int32Array;
  /** How many nodes were visited (= length of the used prefix of `order`). */
  readonly visited: number;
}

/**
 * Iterative DFS with low-points (Tarjan 1972, "Depth-first search and linear
 * graph algorithms", SIAM J. Comput. 1(2)). Iterative so that 100k-node chains
 * cannot overflow the call stack. O(n + m) time, O(n) memory.
 */
export function dfsForest(g: CompiledGraph, failedNodes?: Uint8Array, failedLinks?: Uint8Array): DfsForest {
  const n = g.nodeIds.length;
  const { offsets, targets, edgeLink } = g;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentLink = new Int32Array(n).fill(-1);
  const subtree = new Int32Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const cursor = new Uint32Array(n);
  const stack = new Int32Array(n);
  const componentSize: number[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1 || (failedNodes !== undefined && failedNodes[root] === 1)) continue;
    const comp = componentSize.length;
    let top = 0;
    stack[0] = root;
    disc[root] = low[root] = time;
    order[time++] = root;
    cursor[root] = offsets[root]!;
    componentOf[root] = comp;
    subtree[root] = 1;
    while (top >= 0) {
      const u = stack[top]!;
      if (cursor[u]! < offsets[u + 1]!) {
        const k = cursor[u]!++;
        const e = edgeLink[k]!;
        if (e === parentLink[u]) continue;
        if (failedLinks !== undefined && failedLinks[e] === 1) continue;
        const v = targets[k]!;
        if (failedNodes !== undefined && failedNodes[v] === 1) continue;
        if (disc[v] === -1) {
          parent[v] = u;
          parentLink[v] = e;
          disc[v] = low[v] = time;
          order[time++] = v;
          cursor[v] = offsets[v]!;
          componentOf[v] = comp;
          subtree[v] = 1;
          stack[++top] = v;
        } else if (disc[v]! < low[u]!) {
          low[u] = disc[v]!;
        }
      } else {
        top--;
        const p = parent[u]!;
        if (p >= 0) {
          if (low[u]! < low[p]!) low[p] = low[u]!;
          subtree[p]! += subtree[u]!;
        }
      }
    }
    componentSize.push(subtree[root]!);
  }
  return { disc, low, parent, parentLink, subtree, componentOf, componentSize, order, visited: time };
}

/**
 * Connected components after removing failed nodes and links.
 * O(n + m). Failed nodes get component -1.
 */
export function connectedComponents(
  g: CompiledGraph,
  failedNodes?: Uint8Array,
  failedLinks?: Uint8Array,
): { count: number; componentOf: Int32Array; sizes: number[] } {
  const n = g.nodeIds.length;
  const { offsets, targets, edgeLink } = g;
  const componentOf = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (componentOf[s] !== -1 || (failedNodes !== undefined && failedNodes[s] === 1)) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    componentOf[s] = c;
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        if (failedLinks !== undefined && failedLinks[edgeLink[k]!] === 1) continue;
        const v = targets[k]!;
        if (componentOf[v] !== -1 || (failedNodes !== undefined && failedNodes[v] === 1)) continue;
        componentOf[v] = c;
        queue[tail++] = v;
      }
    }
    sizes.push(tail);
  }
  return { count: sizes.length, componentOf, sizes };
}

/**
 * Bridges and articulation points from one DFS (Tarjan).
 *
 * A link (p, u) with u a DFS child of p is a bridge iff low[u] > disc[p]; a
 * link with a parallel twin is never a bridge because the twin is a back-edge.
 * A non-root p is an articulation point iff some child u has low[u] >= disc[p];
 * a root iff it has two or more DFS children. O(n + m).
 */
export function findBridgesAndArticulationPoints(g: CompiledGraph): {
  bridges: number[];
  articulationPoints: number[];
} {
  return bridgesAndCutNodes(g, dfsForest(g));
}

/** Same as findBridgesAndArticulationPoints, reusing a DFS forest already computed. */
export function bridgesAndCutNodes(
  g: CompiledGraph,
  f: DfsForest,
): { bridges: number[]; articulationPoints: number[] } {
  const n = g.nodeIds.length;
  const bridges: number[] = [];
  const isCut = new Uint8Array(n);
  const rootChildren = new Int32Array(n);
  for (let i = 0; i < f.visited; i++) {
    const u = f.order[i]!;
    const p = f.parent[u]!;
    if (p < 0) continue;
    if (f.low[u]! > f.disc[p]!) bridges.push(f.parentLink[u]!);
    if (f.parent[p]! < 0) rootChildren[p]!++;
    else if (f.low[u]! >= f.disc[p]!) isCut[p] = 1;
  }
  const articulationPoints: number[] = [];
  for (let u = 0; u < n; u++) {
    if (isCut[u] === 1 || (f.parent[u]! < 0 && rootChildren[u]! >= 2)) articulationPoints.push(u);
  }
  bridges.sort((a, b) => a - b);
  return { bridges, articulationPoints };
}
