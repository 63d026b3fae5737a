import type { CompiledGraph } from './csr';

/** ECMP-mean latency from every node to destination c over its DAG. O(n + |DAG|). */
export function meanLatency(
  g: CompiledGraph,
  order: Int32Array,
  reached: number,
  dagOff: Int32Array,
  slots: Int32Array,
  out: Float64Array,
): void {
  out.fill(NaN);
  if (reached === 0) return;
  out[order[0]!] = 0;
  for (let i = 1; i < reached; i++) {
    const u = order[i]!;
    const a = dagOff[u]!;
    const b = dagOff[u + 1]!;
    let sum = 0;
    for (let j = a; j < b; j++) {
      const s = slots[j]!;
      sum += g.latencies[g.edgeLink[s]!]! + out[g.targets[s]!]!;
    }
    out[u] = b > a ? sum / (b - a) : NaN;
  }
}

/**
 * The same ECMP-mean latencies as meanLatency without the shortest-path
 * search that orders the nodes: a depth-first walk of the baseline DAG that
 * evaluates each node after its next hops. Each node's value is the same sum
 * in the same slot order, so the figures are identical; callers use it only
 * when the DAG is known acyclic (see dagIsAcyclic). O(n + |DAG|); it halves
 * the baseline's shortest-path searches (a 5,000-device design spent ~3 s of
 * CPU per worker ordering nodes again for this).
 */
export function meanLatencyOnDag(
  g: CompiledGraph,
  c: number,
  dist: Float64Array,
  dagOff: Int32Array,
  slots: Int32Array,
  out: Float64Array,
  stack: Int32Array,
  state: Uint8Array,
): void {
  const n = dist.length;
  out.fill(NaN);
  state.fill(0);
  const { targets, edgeLink, latencies } = g;
  for (let r = 0; r < n; r++) {
    if (state[r] !== 0 || dist[r] === Infinity) continue;
    let sp = 0;
    stack[sp++] = r;
    while (sp > 0) {
      const x = stack[sp - 1]!;
      if (state[x] === 2) {
        sp--;
        continue;
      }
      const a = dagOff[x]!;
      const b = dagOff[x + 1]!;
      if (state[x] === 0) {
        state[x] = 1;
        for (let j = a; j < b; j++) {
          const w = targets[slots[j]!]!;
          if (state[w] === 0) stack[sp++] = w;
        }
        continue;
      }
      // Every next hop of x is evaluated.
      state[x] = 2;
      sp--;
      if (x === c) {
        out[x] = 0;
        continue;
      }
      let sum = 0;
      for (let j = a; j < b; j++) {
        const s = slots[j]!;
        sum += latencies[edgeLink[s]!]! + out[targets[s]!]!;
      }
      out[x] = b > a ? sum / (b - a) : NaN;
    }
  }
}

/**
 * Can a baseline DAG have a cycle, or a next hop at the same distance? Only
 * when some weight is within onShortestPath's tolerance (1e-12 of a distance)
 * of 0; distances are at most the sum of the weights, so a smallest weight
 * above 1e-12 × that sum rules both out, and the shortest-path order puts
 * every next hop before its node, as meanLatencyOnDag's walk does.
 */
export function dagIsAcyclic(weights: Float64Array): boolean {
  let min = Infinity;
  let sum = 0;
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e]!;
    if (!(w >= 0) || !Number.isFinite(w)) return false;
    if (w < min) min = w;
    sum += w;
  }
  return weights.length === 0 || min > 1e-12 * sum;
}
