import type { Topology } from '../model/topology';

/**
 * A design compiled to a compressed-sparse-row (CSR) index on typed arrays.
 *
 * Nodes and links get dense indices (document order). Every undirected link
 * appears twice in the adjacency (once from each end), so the neighbours of
 * node `u` are `targets[offsets[u] .. offsets[u + 1])`, and `edgeLink[k]` says
 * which link the k-th adjacency slot belongs to. Parallel links stay separate
 * slots; self-loops are dropped at compile time (they never carry traffic and
 * never change connectivity).
 */
export interface CompiledGraph {
  readonly nodeIds: readonly string[];
  readonly linkIds: readonly string[];
  /** Node id -> dense index. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** n + 1 entries. */
  readonly offsets: Uint32Array;
  /** 2m entries: the neighbour at each adjacency slot. */
  readonly targets: Uint32Array;
  /** 2m entries: the link index of each adjacency slot. */
  readonly edgeLink: Uint32Array;
  /** m entries each: link endpoints as node indices. */
  readonly linkSource: Uint32Array;
  readonly linkTarget: Uint32Array;
  /** m entries: routing weight (IGP metric, 1 = hop count). */
  readonly weights: Float64Array;
  /** m entries: capacity in Gbit/s (for utilisation). */
  readonly capacities: Float64Array;
  /** m entries: one-way latency in ms (for latency stretch). */
  readonly latencies: Float64Array;
  /** m entries: index of the link in `topology.links` (self-loops shift indices). */
  readonly linkOrigin: Uint32Array;
}

/** Plain typed-array payload of a CompiledGraph, safe to post to a worker (ids travel as arrays). */
export interface CompiledGraphPayload {
  nodeIds: string[];
  linkIds: string[];
  offsets: Uint32Array;
  targets: Uint32Array;
  edgeLink: Uint32Array;
  linkSource: Uint32Array;
  linkTarget: Uint32Array;
  weights: Float64Array;
  capacities: Float64Array;
  latencies: Float64Array;
  linkOrigin: Uint32Array;
}

/**
 * Compiles a topology into CSR form.
 *
 * Links naming an unknown node throw (restoreTopology already rejects those).
 * Adjacency slots of each node are in link order, so results are deterministic.
 * Complexity: O(n + m) time and memory.
 */
export function compileTopology(t: Topology): CompiledGraph {
  const nodeIds = t.nodes.map((n) => n.id);
  const nodeIndex = new Map<string, number>();
  nodeIds.forEach((id, i) => nodeIndex.set(id, i));
  const kept: number[] = [];
  const src: number[] = [];
  const dst: number[] = [];
  t.links.forEach((l, i) => {
    const a = nodeIndex.get(l.source);
    const b = nodeIndex.get(l.target);
    if (a === undefined || b === undefined) {
      throw new Error(`link "${l.id}" names unknown node "${a === undefined ? l.source : l.target}"`);
    }
    if (a === b) return; // self-loop: dropped
    kept.push(i);
    src.push(a);
    dst.push(b);
  });
  const m = kept.length;
  const linkSource = Uint32Array.from(src);
  const linkTarget = Uint32Array.from(dst);
  const weights = new Float64Array(m);
  const capacities = new Float64Array(m);
  const latencies = new Float64Array(m);
  const linkIds: string[] = new Array<string>(m);
  for (let e = 0; e < m; e++) {
    const l = t.links[kept[e]!]!;
    linkIds[e] = l.id;
    weights[e] = l.igpWeight;
    capacities[e] = l.capacityGbps;
    latencies[e] = l.latencyMs;
  }
  return buildCsr(nodeIds, linkIds, linkSource, linkTarget, weights, capacities, latencies, Uint32Array.from(kept));
}

/** Builds the adjacency arrays from link endpoint arrays (counting sort by endpoint). */
export function buildCsr(
  nodeIds: readonly string[],
  linkIds: readonly string[],
  linkSource: Uint32Array,
  linkTarget: Uint32Array,
  weights: Float64Array,
  capacities: Float64Array,
  latencies: Float64Array,
  linkOrigin: Uint32Array,
): CompiledGraph {
  const n = nodeIds.length;
  const m = linkSource.length;
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[linkSource[e]! + 1]!++;
    offsets[linkTarget[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Uint32Array(2 * m);
  const edgeLink = new Uint32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = linkSource[e]!;
    const b = linkTarget[e]!;
    let k = fill[a]!++;
    targets[k] = b;
    edgeLink[k] = e;
    k = fill[b]!++;
    targets[k] = a;
    edgeLink[k] = e;
  }
  const nodeIndex = new Map<string, number>();
  nodeIds.forEach((id, i) => nodeIndex.set(id, i));
  return {
    nodeIds,
    linkIds,
    nodeIndex,
    offsets,
    targets,
    edgeLink,
    linkSource,
    linkTarget,
    weights,
    capacities,
    latencies,
    linkOrigin,
  };
}

/** The transferable part of a compiled graph (the map is rebuilt on the other side). */
export function toPayload(g: CompiledGraph): CompiledGraphPayload {
  return {
    nodeIds: [...g.nodeIds],
    linkIds: [...g.linkIds],
    offsets: g.offsets,
    targets: g.targets,
    edgeLink: g.edgeLink,
    linkSource: g.linkSource,
    linkTarget: g.linkTarget,
    weights: g.weights,
    capacities: g.capacities,
    latencies: g.latencies,
    linkOrigin: g.linkOrigin,
  };
}

/** Rebuilds a CompiledGraph from a payload received from another thread. */
export function fromPayload(p: CompiledGraphPayload): CompiledGraph {
  const nodeIndex = new Map<string, number>();
  p.nodeIds.forEach((id, i) => nodeIndex.set(id, i));
  return { ...p, nodeIndex };
}

/** True when every link weight is the same, so BFS replaces Dijkstra. */
export function hasUniformWeights(g: CompiledGraph): boolean {
  const w = g.weights;
  for (let e = 1; e < w.length; e++) if (w[e] !== w[0]) return false;
  return true;
}

/**
 * Each shared-risk group's compiled link indices, tags in sorted order: the
 * failure sets of the capacity model and of the survival check.
 */
export function srlgGroups(t: Topology, g: CompiledGraph): [string, number[]][] {
  const groups = new Map<string, number[]>();
  for (let e = 0; e < g.linkIds.length; e++) {
    for (const tag of t.links[g.linkOrigin[e]!]!.srlgs) {
      const list = groups.get(tag);
      if (list) list.push(e);
      else groups.set(tag, [e]);
    }
  }
  return [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
