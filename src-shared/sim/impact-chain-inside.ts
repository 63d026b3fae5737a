import type { Chain } from './chains';
import type { CompiledGraph } from './csr';
import type { Demands } from './ecmp';
import type { DestinationDelta, DestinationState, FailureMasks, SlotDelta } from './incremental';
import type { LatencyDelta, StretchSink } from './latency';
import { failureMasks } from './routing';
import { onShortestPath } from './shortest';

/**
 * Stretch toward a destination c inside a broken chain (impact-chains.ts).
 *
 * A failure at position p of chain A…B cuts c (at position j) off one end:
 * with p beyond c toward B, nothing reaches c from B's side any more, so the
 * routes toward c of every router outside the chain, and of the chain's
 * routers between A and c, are those with everything beyond c failed — the
 * same for every failure on that side of c (its links and routers: 2k + 1
 * scenarios per chain, each with up to k such destinations, were repaired
 * one by one: ~4,100 large repairs on the real Kdl). Their changed ratios are
 * computed once per (destination, side) and kept sorted (a run the
 * percentiles count without copying, stretch-percentiles.ts); the chain's
 * routers beyond c then hang off c (up to the cut) or off B (past it), each
 * one link's latency added to the next router's, as LatencyDelta sums a
 * single next hop, so every ratio is the same to the bit.
 */
interface InsideShared {
  /** Changed ratios of the routers outside the cut-off part, ascending. */
  readonly ratios: Float64Array;
  /** Net change of the unchanged count for those routers. */
  readonly unchangedDelta: number;
  /** Latency toward c of the ends A and B after the failure (NaN: cut off). */
  readonly atA: number;
  readonly atB: number;
}

/** Shared state for one chain at a time: a chain's scenarios are dealt together (impact-order.ts). */
export class ChainInside {
  private chainId = -1;
  /** Per position j of the current chain: [side A (cut toward B), side B (cut toward A)]. */
  private readonly memo = new Map<number, InsideShared>();

  constructor(
    private readonly g: CompiledGraph,
    private readonly traffic: Demands,
    private readonly delta: DestinationDelta,
    private readonly latency: LatencyDelta,
    private readonly scratch: SlotDelta,
    private readonly sink: StretchSink,
  ) {}

  /**
   * The stretch toward c = chain.nodes[j] (not failed) of a failure that
   * leaves [0, aEnd) hanging off A and [bStart, k) off B, into `sink`; the
   * caller has counted c's demands as unchanged (unchangedBefore).
   */
  stretchTo(id: number, chain: Chain, j: number, aEnd: number, bStart: number, c: number, st: DestinationState, base: Float64Array, sink: StretchSink): void {
    const k = chain.nodes.length;
    const cutTowardB = j < aEnd;
    const s = this.sharedOf(id, chain, j, cutTowardB, c, st, base);
    sink.unchanged += s.unchangedDelta;
    sink.addRun(s.ratios);
    if (cutTowardB) {
      // Routers between c and the cut hang off c, those past it off B.
      hangOff(this.g, this.traffic, chain, j + 1, 1, aEnd - j - 1, 0, c, base, sink);
      hangOff(this.g, this.traffic, chain, k - 1, -1, k - bStart, s.atB, c, base, sink);
    } else {
      hangOff(this.g, this.traffic, chain, j - 1, -1, j - bStart, 0, c, base, sink);
      hangOff(this.g, this.traffic, chain, 0, 1, aEnd, s.atA, c, base, sink);
    }
  }

  /** InsideShared of c at position j, the chain cut beyond c toward B (cutTowardB) or toward A: computed once. */
  private sharedOf(id: number, chain: Chain, j: number, cutTowardB: boolean, c: number, st: DestinationState, base: Float64Array): InsideShared {
    if (id !== this.chainId) {
      this.chainId = id;
      this.memo.clear();
    }
    const key = 2 * j + (cutTowardB ? 0 : 1);
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    // Everything beyond c failed, and the link from c toward that side (c may be the chain's last router).
    const nodes = cutTowardB ? chain.nodes.subarray(j + 1) : chain.nodes.subarray(0, j);
    const f = failureMasks(this.g, Array.from(nodes), [chain.links[cutTowardB ? j + 1 : j]!]);
    const sink = this.sink;
    sink.reset();
    let atA = base[chain.a]!;
    let atB = base[chain.b]!;
    if (routesOver(this.g, st.dist, f) && this.delta.apply(c, st, f, this.scratch, true, undefined, true)) {
      this.latency.run(c, st, base, this.delta, f, this.traffic, sink);
      atA = this.latency.valueAfter(chain.a, base);
      atB = this.latency.valueAfter(chain.b, base);
      this.delta.finish();
    }
    const shared: InsideShared = { ratios: sink.changed.slice(0, sink.count).sort(), unchangedDelta: sink.unchanged, atA, atB };
    this.memo.set(key, shared);
    return shared;
  }
}

/**
 * `count` routers of a broken chain from position `first`, stepping by
 * `step` (+1 toward B, −1 toward A), each hanging off the one before it (the
 * first off a router whose latency toward c is `start`): its latency is its
 * link's latency plus that router's, the sum LatencyDelta makes for a single
 * next hop. Each one with demand to c and a baseline latency moves from the
 * unchanged count to its ratio (cut off: stranded, not stretched); a ratio
 * within 1e-12 of 1 counts as unchanged again, as LatencyDelta counts it.
 */
export function hangOff(g: CompiledGraph, traffic: Demands, chain: Chain, first: number, step: 1 | -1, count: number, start: number, c: number, base: Float64Array, sink: StretchSink): void {
  const lat = g.latencies;
  let prev = start;
  for (let t = 0, m = first; t < count; t++, m += step) {
    // Link m joins routers m − 1 and m (chain.links runs from A to B).
    prev = lat[chain.links[step > 0 ? m : m + 1]!]! + prev;
    const u = chain.nodes[m]!;
    const b = base[u]!;
    if (Number.isNaN(b) || !(traffic.demand(u, c) > 0)) continue;
    sink.unchanged--;
    if (Number.isNaN(prev)) continue;
    const r = b > 0 ? prev / b : 1;
    if (Math.abs(r - 1) <= 1e-12) sink.unchanged++;
    else sink.push(r);
  }
}

/**
 * Does some surviving router route over a failed element toward the
 * destination with distances d? A failed router takes its links down with it
 * (failureMasks), so this asks of failed links only: a surviving, reachable
 * end whose shortest path uses it — exactly the routers the repair starts
 * from (DestinationDelta's seeds). When none does, no route and no latency
 * changes and the repair is skipped. routing.ts's mayTouch answers yes for
 * any reachable failed router, which toward most destinations of a branch
 * router's failure, and every one of a chain's shared terms, ran a repair
 * that changed nothing.
 */
export function routesOver(g: CompiledGraph, d: Float64Array, f: FailureMasks): boolean {
  const { linkSource, linkTarget, weights } = g;
  const fN = f.nodes;
  for (const e of f.linkList) {
    const a = linkSource[e]!;
    const b = linkTarget[e]!;
    const w = weights[e]!;
    if (fN[a] !== 1 && d[a] !== Infinity && onShortestPath(d[a]!, d[b]!, w)) return true;
    if (fN[b] !== 1 && d[b] !== Infinity && onShortestPath(d[b]!, d[a]!, w)) return true;
  }
  return false;
}
