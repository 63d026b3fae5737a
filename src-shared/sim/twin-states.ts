import type { CompiledGraph } from './csr';
import { buildDag } from './ecmp';
import type { DestinationState } from './incremental';
import type { TrafficMatrix } from './traffic';
import { twinClasses } from './twin-replay';

/**
 * The routing baseline's state of a twin destination as a relabelling of its
 * class leader's (twin-replay.ts says when two routers are twins): swapping
 * the leader s and the twin t maps the weighted graph and the demands to
 * themselves, so toward t
 *
 * - every router's distance is its image's distance toward s. Exactly, in
 *   floating point too: a distance is the least of its neighbours' distances
 *   plus the link's weight (Dijkstra's fixed point), and the swap maps those
 *   sums to the same sums;
 * - the DAG is buildDag's on those distances (the same function of the same
 *   numbers as routing t itself);
 * - a router's through-flow is its image's toward s: equal in real
 *   arithmetic; in floating point a common neighbour of s and t may receive
 *   the same shares in another order when routers tie in distance (the
 *   shortest-path order breaks ties by the heap), so it can round
 *   differently, at the level of one ulp. On the generated hybrids every
 *   derived state was checked against routing the twin itself
 *   (scripts/bench/twin-states-check.ts).
 *
 * Used only where a sweep's states would not fit its memory otherwise (the
 * shared baseline of a 20,000-device design: ~1,800 states kept instead of
 * ~20,000), so below that nothing changes.
 */
export class TwinStates {
  private constructor(
    /** Per destination index: the destination index whose state it relabels, -1 when it has its own. */
    readonly leaderOf: Int32Array,
    /** Destination indices with a state of their own, ascending. */
    readonly own: Int32Array,
    /** Per destination index: its rank among `own`, -1 when relabelled. */
    readonly rankOf: Int32Array,
  ) {}

  /**
   * Twins of the destinations (every member of a class interchangeable with
   * its first, which keeps the state), or null when there are none.
   */
  static build(g: CompiledGraph, traffic: Pick<TrafficMatrix, 'interchangeable'>, dests: Int32Array): TwinStates | null {
    const classOf = twinClasses(g, traffic, dests, () => true);
    if (classOf === null) return null;
    const D = dests.length;
    const leaderOf = new Int32Array(D).fill(-1);
    const first = new Map<number, number>();
    let twins = 0;
    for (let i = 0; i < D; i++) {
      const k = classOf[i]!;
      if (k < 0) continue;
      const l = first.get(k);
      if (l === undefined) first.set(k, i);
      else if (traffic.interchangeable!(dests[l]!, dests[i]!)) {
        leaderOf[i] = l;
        twins++;
      }
    }
    if (twins === 0) return null;
    const own = new Int32Array(D - twins);
    const rankOf = new Int32Array(D).fill(-1);
    for (let i = 0, r = 0; i < D; i++) {
      if (leaderOf[i]! >= 0) continue;
      rankOf[i] = r;
      own[r++] = i;
    }
    return new TwinStates(leaderOf, own, rankOf);
  }

  /**
   * Twin t's state from its leader s's, into `out` (dist, flow and dagOff of
   * n, n and n + 1 entries; slots as long as the adjacency). Returns its DAG's
   * size. O(n + m).
   */
  static relabel(g: CompiledGraph, lead: DestinationState, s: number, t: number, out: DestinationState): number {
    const { dist, flow } = out;
    dist.set(lead.dist);
    flow.set(lead.flow);
    dist[s] = lead.dist[t]!;
    dist[t] = lead.dist[s]!;
    flow[s] = lead.flow[t]!;
    flow[t] = lead.flow[s]!;
    return buildDag(g, dist, out.dagOff, out.slots);
  }
}
