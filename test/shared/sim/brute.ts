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
  return bruteLoadsMany(g, deadNodes, deadEdges, [demand])[0]!;
}

/**
 * bruteLoads for several demands on one failure: the routing (distances and
 * equal-cost next hops) is found once and each demand's flow pushed down it,
 * in the same order as bruteLoads alone, so each map is the one bruteLoads
 * gives, number for number. Each node's live links are listed once, in link
 * order (the per-node scan of every link was most of the property tests' time).
 */
export function bruteLoadsMany(
  g: Multigraph,
  deadNodes: Set<number>,
  deadEdges: Set<number>,
  demands: readonly ((s: number, t: number) => number)[],
): Map<string, number>[] {
  // Loads by directed link slot (2 × link + 0 from its first end, 1 from its second), keyed at the end in
  // the order each was first loaded, as bruteLoads's map always was.
  const acc = demands.map(() => ({ sum: new Float64Array(2 * g.edges.length), seen: new Uint8Array(2 * g.edges.length), first: [] as number[] }));
  const adj: [number, number, number, number][][] = Array.from({ length: g.n }, () => []);
  g.edges.forEach(([a, b, w], i) => {
    if (deadEdges.has(i) || a === b || deadNodes.has(a) || deadNodes.has(b)) return;
    adj[a]!.push([i, b, w, 2 * i]);
    adj[b]!.push([i, a, w, 2 * i + 1]);
  });
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
      for (const [, v, w] of adj[u]!) if (dist[u]! + w < dist[v]!) dist[v] = dist[u]! + w;
    }
    const order = [...Array(g.n).keys()].filter((v) => dist[v]! < Infinity && v !== t).sort((x, y) => dist[y]! - dist[x]!);
    const hopsOf = order.map((u) => adj[u]!.filter(([, v, w]) => dist[v]! + w === dist[u]));
    demands.forEach((demand, k) => {
      const { sum, seen, first } = acc[k]!;
      const flow = new Array<number>(g.n).fill(0);
      order.forEach((u, j) => {
        flow[u]! += demand(u, t);
        const hops = hopsOf[j]!;
        for (const [, v, , slot] of hops) {
          const share = flow[u]! / hops.length;
          flow[v]! += share;
          if (seen[slot] === 0) {
            seen[slot] = 1;
            first.push(slot);
          }
          sum[slot] = sum[slot]! + share;
        }
      });
    });
  }
  return acc.map(({ sum, first }) => new Map(first.map((slot) => [`${slot >> 1}:${g.edges[slot >> 1]![slot & 1]}`, sum[slot]!])));
}
