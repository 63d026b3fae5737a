/**
 * Brute-force references for property tests: delete, recount, route from
 * scratch. Deliberately naive (O(n²) Dijkstra, BFS per check) and written
 * without the simulator's code so the two can disagree.
 */
export interface Multigraph {
  n: number;
  /** [a, b, weight]; self-loops allowed here (the simulator drops them). */
  edges: [number, number, number][];
}

export function componentsOf(g: Multigraph, deadNodes: Set<number>, deadEdges: Set<number>): number[] {
  const comp = new Array<number>(g.n).fill(-1);
  let c = 0;
  for (let s = 0; s < g.n; s++) {
    if (comp[s] !== -1 || deadNodes.has(s)) continue;
    const stack = [s];
    comp[s] = c;
    while (stack.length) {
      const u = stack.pop()!;
      g.edges.forEach(([a, b], i) => {
        if (deadEdges.has(i)) return;
        const v = a === u ? b : b === u ? a : -1;
        if (v < 0 || deadNodes.has(v) || comp[v] !== -1) return;
        comp[v] = c;
        stack.push(v);
      });
    }
    c++;
  }
  return comp;
}

/** Baseline-connected pairs of surviving nodes that are disconnected after the failure. */
export function lostPairs(g: Multigraph, deadNodes: Set<number>, deadEdges: Set<number>): number {
  const before = componentsOf(g, new Set(), new Set());
  const after = componentsOf(g, deadNodes, deadEdges);
  let lost = 0;
  for (let x = 0; x < g.n; x++) {
    for (let y = x + 1; y < g.n; y++) {
      if (deadNodes.has(x) || deadNodes.has(y)) continue;
      if (before[x] === before[y] && after[x] !== after[y]) lost++;
    }
  }
  return lost;
}

/**
 * Directed loads (key `${edgeIndex}:${fromNode}`) of uniform all-pairs
 * traffic with per-hop ECMP, on the graph minus failed elements.
 */
export function bruteLoads(
  g: Multigraph,
  deadNodes: Set<number>,
  deadEdges: Set<number>,
  demand: (s: number, t: number) => number = () => 1,
): Map<string, number> {
  const load = new Map<string, number>();
  const live = g.edges.map(([a, b], i) => !deadEdges.has(i) && a !== b && !deadNodes.has(a) && !deadNodes.has(b));
  for (let t = 0; t < g.n; t++) {
    if (deadNodes.has(t)) continue;
    const dist = new Array<number>(g.n).fill(Infinity);
    const done = new Array<boolean>(g.n).fill(false);
    dist[t] = 0;
    for (;;) {
      let u = -1;
      for (let v = 0; v < g.n; v++) if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
      if (u < 0) break;
      done[u] = true;
      g.edges.forEach(([a, b, w], i) => {
        if (!live[i]) return;
        const v = a === u ? b : b === u ? a : -1;
        if (v >= 0 && dist[u]! + w < dist[v]!) dist[v] = dist[u]! + w;
      });
    }
    const flow = new Array<number>(g.n).fill(0);
    const order = [...Array(g.n).keys()].filter((v) => dist[v]! < Infinity && v !== t).sort((x, y) => dist[y]! - dist[x]!);
    for (const u of order) {
      flow[u]! += demand(u, t);
      const hops: [number, number][] = [];
      g.edges.forEach(([a, b, w], i) => {
        if (!live[i]) return;
        const v = a === u ? b : b === u ? a : -1;
        if (v >= 0 && dist[v]! + w === dist[u]) hops.push([i, v]);
      });
      for (const [i, v] of hops) {
        const share = flow[u]! / hops.length;
        flow[v]! += share;
        const key = `${i}:${u}`;
        load.set(key, (load.get(key) ?? 0) + share);
      }
    }
  }
  return load;
}
