import { buildCsr, type CompiledGraph } from './csr';

/**
 * Pendant trees: what is left hanging off the "core" when degree-1 nodes are
 * stripped repeatedly (a node with one link; parallel links count, so a
 * doubly attached node stays in the core). Each stripped node x keeps its
 * parent p(x) and the link e(x) to it; the core node a tree hangs from is
 * its root. A component that is a tree collapses to one core node.
 *
 * Traffic between a tree and the rest of the network crosses the tree's
 * links in closed form and enters the core at the root, so the core can be
 * routed with node masses (the Σ of its trees) instead of every node:
 * exact for product-form demands, and far fewer destinations on access-heavy
 * networks. O(n + m) to build.
 */
export interface PendantForest {
  /** 1 for core nodes. */
  readonly isCore: Uint8Array;
  /** Parent of a stripped node (-1 for core nodes). */
  readonly parent: Int32Array;
  /** Link to the parent (-1 for core nodes). */
  readonly parentLink: Int32Array;
  /** Core node each node hangs from (itself for core nodes). */
  readonly rootOf: Int32Array;
  /** Preorder of the forest (each core node followed by its tree); subtree of x = pre[tin[x] .. tout[x]). */
  readonly pre: Int32Array;
  readonly tin: Int32Array;
  readonly tout: Int32Array;
  /** Stripped nodes (the tree links are their parentLink). */
  readonly stripped: Int32Array;
  /** Core graph: its node i is full-graph node coreNodes[i]; its link j is full-graph link coreLinks[j]. */
  readonly core: CompiledGraph;
  readonly coreNodes: Int32Array;
  readonly coreLinks: Int32Array;
  /** Full-graph node -> core index (-1 when stripped). */
  readonly coreIndex: Int32Array;
}

export function pendantForest(g: CompiledGraph): PendantForest {
  const n = g.nodeIds.length;
  const m = g.linkIds.length;
  const degree = new Int32Array(n);
  for (let v = 0; v < n; v++) degree[v] = g.offsets[v + 1]! - g.offsets[v]!;
  const isCore = new Uint8Array(n).fill(1);
  const linkGone = new Uint8Array(m);
  const parent = new Int32Array(n).fill(-1);
  const parentLink = new Int32Array(n).fill(-1);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (degree[v] === 1) queue.push(v);
  const strippedList: number[] = [];
  for (let qi = 0; qi < queue.length; qi++) {
    const x = queue[qi]!;
    if (degree[x] !== 1 || isCore[x] === 0) continue;
    for (let s = g.offsets[x]!; s < g.offsets[x + 1]!; s++) {
      const e = g.edgeLink[s]!;
      if (linkGone[e] === 1) continue;
      const p = g.targets[s]!;
      isCore[x] = 0;
      linkGone[e] = 1;
      parent[x] = p;
      parentLink[x] = e;
      degree[x] = 0;
      strippedList.push(x);
      if (--degree[p]! === 1) queue.push(p);
      break;
    }
  }
  // Children lists (CSR over parents) and preorder from every core node.
  const childCount = new Int32Array(n + 1);
  for (const x of strippedList) childCount[parent[x]! + 1]!++;
  for (let v = 0; v < n; v++) childCount[v + 1]! += childCount[v]!;
  const fill = childCount.slice(0, n);
  const children = new Int32Array(strippedList.length);
  for (const x of strippedList) children[fill[parent[x]!]!++] = x;
  const pre = new Int32Array(n);
  const tin = new Int32Array(n);
  const tout = new Int32Array(n);
  const rootOf = new Int32Array(n);
  const stack: number[] = [];
  let time = 0;
  for (let r = 0; r < n; r++) {
    if (isCore[r] === 0) continue;
    // Iterative DFS: push node, then on pop record its end after the subtree.
    stack.push(r);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top < 0) {
        tout[~top] = time;
        stack.pop();
        continue;
      }
      stack[stack.length - 1] = ~top;
      tin[top] = time;
      pre[time++] = top;
      rootOf[top] = r;
      for (let k = childCount[top]!; k < childCount[top + 1]!; k++) stack.push(children[k]!);
    }
  }
  const coreNodes: number[] = [];
  const coreIndex = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (isCore[v] === 1) {
      coreIndex[v] = coreNodes.length;
      coreNodes.push(v);
    }
  }
  const coreLinks: number[] = [];
  for (let e = 0; e < m; e++) if (linkGone[e] === 0) coreLinks.push(e);
  const cm = coreLinks.length;
  const src = new Uint32Array(cm);
  const dst = new Uint32Array(cm);
  const w = new Float64Array(cm);
  const cap = new Float64Array(cm);
  const lat = new Float64Array(cm);
  coreLinks.forEach((e, j) => {
    src[j] = coreIndex[g.linkSource[e]!]!;
    dst[j] = coreIndex[g.linkTarget[e]!]!;
    w[j] = g.weights[e]!;
    cap[j] = g.capacities[e]!;
    lat[j] = g.latencies[e]!;
  });
  const core = buildCsr(
    coreNodes.map((v) => g.nodeIds[v]!),
    coreLinks.map((e) => g.linkIds[e]!),
    src,
    dst,
    w,
    cap,
    lat,
    Uint32Array.from(coreLinks),
  );
  return {
    isCore,
    parent,
    parentLink,
    rootOf,
    pre,
    tin,
    tout,
    stripped: Int32Array.from(strippedList),
    core,
    coreNodes: Int32Array.from(coreNodes),
    coreLinks: Int32Array.from(coreLinks),
    coreIndex,
  };
}
