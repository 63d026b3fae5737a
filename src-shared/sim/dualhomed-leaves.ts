import { SweepCancelled, type RoutingEngine } from './routing';
import type { StretchBase } from './impact-chains';
import { onShortestPath } from './shortest';

/** Routers of at most this many links are looked at as leaves (dual-homed, single-homed, a few parallel uplinks). */
const LEAF_MAX_LINKS = 4;

/**
 * The leaf routers of a routed design: routers of a few links that no
 * shortest path between two other routers crosses (no neighbour has one
 * of them as next hop toward any other destination) — an access layer's
 * dual-homed edge routers, single-homed stubs. A failure of a leaf or of
 * one of its links then moves only the leaf's own traffic: every other
 * pair keeps its routes (the closed form of impact-dualhomed.ts).
 *
 * Leaves sharing the same (neighbour, weight) list form one signature:
 * toward every destination they split their traffic over the same
 * neighbours, so their out-traffic is one vector per signature. `ends`
 * are the leaves' neighbours; `endDist`/`endLat` hold, per end and
 * destination, its baseline distance and ECMP-mean latency (end-major:
 * a scenario reads one row per end, sequentially).
 */
export interface Leaves {
  /** Per node: its signature, or -1 when it is not a leaf. */
  readonly sigOf: Int32Array;
  /** Per leaf: its links in signature-entry order (sorted by neighbour, weight, link), at linkOff[v] …. */
  readonly linkOff: Int32Array;
  readonly links: Int32Array;
  /** Per leaf link (same positions as links): the end it goes to. */
  readonly linkEnd: Int32Array;
  /** Per leaf link (same positions as links): the signature the leaf has with that link failed, -1 when it has none left. */
  readonly reduced: Int32Array;
  /** Signatures: entries' end index and weight, at sigOff[s] … sigOff[s + 1]. */
  readonly sigOff: Int32Array;
  readonly sigEnd: Int32Array;
  readonly sigWeight: Float64Array;
  /** Distinct neighbours of leaves and the index of each node among them (-1: not an end). */
  readonly ends: Int32Array;
  readonly endIndex: Int32Array;
  readonly endDist: Float64Array;
  readonly endLat: Float64Array;
  /** Destination index of each node, -1 when nobody sends to it. */
  readonly destIndex: Int32Array;
}

/** Set-up progress (done of total); false cancels the set-up (SweepCancelled), as the engine's baseline tick does. */
export type Tick = (done: number, total: number) => boolean;

/** Finds the leaves of a routed design with acyclic DAGs; null when there are none. */
export function findLeaves(engine: RoutingEngine, base: StretchBase, tick: Tick = () => true): Leaves | null {
  const g = engine.g;
  const n = g.nodeIds.length;
  const { offsets, targets, edgeLink, weights } = g;
  const dests = engine.destinationNodes;
  const D = dests.length;
  const destIndex = new Int32Array(n).fill(-1);
  for (let i = 0; i < D; i++) destIndex[dests[i]!] = i;
  const candidate = new Uint8Array(n);
  const endIndex = new Int32Array(n).fill(-1);
  const ends: number[] = [];
  for (let v = 0; v < n; v++) {
    const deg = offsets[v + 1]! - offsets[v]!;
    if (deg === 0 || deg > LEAF_MAX_LINKS) continue;
    candidate[v] = 1;
  }
  for (let v = 0; v < n; v++) {
    if (candidate[v] !== 1) continue;
    for (let s = offsets[v]!; s < offsets[v + 1]!; s++) {
      const a = targets[s]!;
      if (a === v) candidate[v] = 0; // a self-loop: not a leaf
      else if (endIndex[a] === -1) endIndex[a] = ends.push(a) - 1;
    }
  }
  if (ends.length === 0) return null;
  const E = ends.length;
  const endDist = new Float64Array(E * D);
  const endLat = new Float64Array(E * D);
  for (let i = 0; i < D; i++) {
    if (!tick(i + 1, 2 * D)) throw new SweepCancelled();
    const st = engine.destinationState(i);
    const lat = base.latencyOf(i, st);
    for (let a = 0; a < E; a++) {
      endDist[a * D + i] = st.dist[ends[a]!]!;
      endLat[a * D + i] = lat[ends[a]!]!;
    }
  }
  // A candidate is a leaf when no neighbour routes through it toward any other destination.
  for (let v = 0; v < n; v++) {
    if (candidate[v] !== 1) continue;
    const a0 = offsets[v]!;
    const a1 = offsets[v + 1]!;
    for (let i = 0; i < D && candidate[v] === 1; i++) {
      if (dests[i] === v) continue;
      let dv = Infinity;
      for (let s = a0; s < a1; s++) {
        const d = endDist[endIndex[targets[s]!]! * D + i]! + weights[edgeLink[s]!]!;
        if (d < dv) dv = d;
      }
      if (dv === Infinity) continue;
      for (let s = a0; s < a1; s++) {
        const a = targets[s]!;
        // A neighbour nearer through v than its own distance says v is on its shortest path (buildDag's test).
        if (onShortestPath(endDist[endIndex[a]! * D + i]!, dv, weights[edgeLink[s]!]!) && a !== dests[i]) {
          candidate[v] = 0;
          break;
        }
      }
    }
  }
  // Signatures: a leaf's (end, weight) entries sorted; links in the same order.
  const sigOf = new Int32Array(n).fill(-1);
  const linkOff = new Int32Array(n + 1);
  const links: number[] = [];
  const linkEnd: number[] = [];
  const reduced: number[] = [];
  const keys = new Map<string, number>();
  const sigOff: number[] = [0];
  const sigEnd: number[] = [];
  const sigWeight: number[] = [];
  for (let v = 0; v < n; v++) {
    linkOff[v] = links.length;
    if (candidate[v] !== 1) continue;
    const mine: number[] = [];
    for (let s = offsets[v]!; s < offsets[v + 1]!; s++) mine.push(s);
    mine.sort((x, y) => targets[x]! - targets[y]! || weights[edgeLink[x]!]! - weights[edgeLink[y]!]! || edgeLink[x]! - edgeLink[y]!);
    for (const s of mine) {
      links.push(edgeLink[s]!);
      linkEnd.push(targets[s]!);
    }
    const entries = mine.map((s) => [endIndex[targets[s]!]!, weights[edgeLink[s]!]!] as const);
    sigOf[v] = signatureId(entries, keys, sigOff, sigEnd, sigWeight);
    for (let q = 0; q < entries.length; q++) {
      const rest = entries.filter((_, j) => j !== q);
      reduced.push(rest.length === 0 ? -1 : signatureId(rest, keys, sigOff, sigEnd, sigWeight));
    }
  }
  linkOff[n] = links.length;
  if (keys.size === 0) return null;
  return {
    sigOf,
    linkOff,
    links: Int32Array.from(links),
    linkEnd: Int32Array.from(linkEnd),
    reduced: Int32Array.from(reduced),
    sigOff: Int32Array.from(sigOff),
    sigEnd: Int32Array.from(sigEnd),
    sigWeight: Float64Array.from(sigWeight),
    ends: Int32Array.from(ends),
    endIndex,
    endDist,
    endLat,
    destIndex,
  };
}

/**
 * The id of a signature (sorted entries), added when new. A single entry
 * always carries all traffic through its one end, whatever its weight, so
 * single-entry signatures are keyed by the end alone.
 */
function signatureId(
  entries: readonly (readonly [number, number])[],
  keys: Map<string, number>,
  sigOff: number[],
  sigEnd: number[],
  sigWeight: number[],
): number {
  const key = entries.length === 1 ? `${entries[0]![0]}` : entries.map(([a, w]) => `${a}:${w}`).join(',');
  const hit = keys.get(key);
  if (hit !== undefined) return hit;
  const id = keys.size;
  keys.set(key, id);
  for (const [a, w] of entries) {
    sigEnd.push(a);
    sigWeight.push(w);
  }
  sigOff.push(sigEnd.length);
  return id;
}
