import { addDestinationLoads } from './ecmp';
import type { DagPush } from './dualhomed-push';
import type { Leaves } from './dualhomed-leaves';
import type { StretchBase } from './impact-chains';
import type { DestinationDelta, DestinationState, FailureMasks, SlotDelta } from './incremental';
import type { LatencyDelta, StretchSink } from './latency';
import { mayTouch, type RoutingEngine } from './routing';
import { onShortestPath } from './shortest';
import type { TwinReplay } from './twin-replay';

/** What the core-router closed form works with: the leaf path's engine, leaves, masses and scratch. */
export interface CoreNodeParts {
  readonly engine: RoutingEngine;
  readonly leaves: Leaves;
  readonly masses: Float64Array;
  readonly scratch: SlotDelta;
  readonly delta: DestinationDelta;
  readonly latency: LatencyDelta;
  readonly push: DagPush;
  /** Per node: 1 for a leaf with another leaf among its ends. */
  readonly leafEnds: Uint8Array;
  /** Twin destinations among those repaired, answered from a twin's repair (twin-replay.ts). */
  readonly twins: TwinReplay | null;
  /** Destinations of failed routers taken in closed form and repaired (for tests and benchmarks). */
  readonly coreCounts: { closed: number; repaired: number };
}

/**
 * The stretch and load changes of a failed router d that is not a leaf (a
 * distribution, spine or core router), toward every destination, into
 * `sink` and `parts.scratch`.
 *
 * On a hierarchical design such a failure changed every destination's
 * routes — d's dual-homed leaves all send through d — so the general path
 * repaired all of them (~150 ms a scenario at 5,000 devices). But toward a
 * destination c that no router other than d's leaves reaches through d
 * (most of them: the core routes around distribution routers), only those
 * leaves move: each leaf re-splits its own traffic over its remaining ends,
 * which follow c's baseline DAG (none of them passes through d), and d's
 * own traffic to c is gone. That is the leaf scenarios' closed form, per
 * (leaf, destination): a push of the split's change from the ends, and the
 * leaf's new latency from its ends' baseline latencies (leafStretch, the
 * sums in the incremental update's order). Destinations some other router
 * reaches through d — and d itself — are repaired as the general path does.
 */
/** Destination c (the i-th) repaired as the general path does, or answered from a twin repaired before it. */
function repair(parts: CoreNodeParts, i: number, c: number, st: DestinationState, f: FailureMasks, sink: StretchSink, base: StretchBase): void {
  const { engine, twins, delta, scratch } = parts;
  const cls = twins !== null ? twins.classOf[i]! : -1;
  if (cls >= 0 && twins!.replay(0, cls, c, f, scratch, sink, base.latencyOf(i, st)) !== 0) return;
  if (!mayTouch(engine.g, st.dist, f)) {
    if (cls >= 0) twins!.untouched(0, cls, c, f);
    return;
  }
  const logged = cls >= 0 && twins!.begin(0, cls, c, f, delta);
  if (!delta.apply(c, st, f, scratch, true)) {
    if (logged) twins!.nothing(0, delta);
    return;
  }
  const lat = base.latencyOf(i, st);
  parts.latency.run(c, st, lat, delta, f, engine.traffic, sink);
  if (logged) twins!.end(0, delta, parts.latency, lat);
  delta.finish();
}

export function coreNodeStretch(parts: CoreNodeParts, d: number, f: FailureMasks, sink: StretchSink, base: StretchBase, groups: LeafGroups): void {
  const { engine, leaves, masses, scratch, push } = parts;
  const g = engine.g;
  const { offsets, targets, edgeLink, weights, linkSource } = g;
  const dests = engine.destinationNodes;
  const D = dests.length;
  const { sigOf, endDist, linkOff, links, sigOff, sigEnd, sigWeight, ends } = leaves;
  const val = scratch.value;
  const add = (slot: number, x: number): void => {
    val[slot]! += x;
  };
  const md = masses[d]!;
  parts.twins?.startBlock(1);
  for (let i = 0; i < D; i++) {
    const c = dests[i]!;
    const st = engine.destinationState(i);
    if (c === d) {
      addDestinationLoads(g, st.dagOff, st.slots, st.flow, -1, scratch);
      continue;
    }
    sink.unchanged += base.unchangedBefore(i, c, f);
    const dist = st.dist;
    const dd = dist[d]!;
    if (dd === Infinity) continue; // nothing reaches c through d, and d sends nothing to it
    // Does a router other than d's leaves route through d toward c? Or a leaf with a leaf for a
    // neighbour: a leaf re-splitting over its ends needs their routes unchanged, and a leaf end
    // routing through d would change too.
    let through = false;
    for (let s = offsets[d]!; s < offsets[d + 1]! && !through; s++) {
      const x = targets[s]!;
      if ((sigOf[x]! < 0 || parts.leafEnds[x] === 1) && x !== c && onShortestPath(dist[x]!, dd, weights[edgeLink[s]!]!)) through = true;
    }
    if (through) {
      parts.coreCounts.repaired++;
      repair(parts, i, c, st, f, sink, base);
      continue;
    }
    parts.coreCounts.closed++;
    const mc = masses[c]!;
    push.begin();
    // d's own traffic to c, and the leaves' shares that reached c through d, leave d's DAG.
    let atD = -md * mc;
    for (let gi = 0; gi < groups.count; gi++) {
      const sig = groups.sig[gi]!;
      const j0 = sigOff[sig]!;
      const j1 = sigOff[sig + 1]!;
      // The group's split toward c before and after (every member splits the same way: one signature).
      let old = Infinity;
      let now = Infinity;
      for (let j = j0; j < j1; j++) {
        const x = endDist[sigEnd[j]! * D + i]! + sigWeight[j]!;
        if (x < old) old = x;
        if (ends[sigEnd[j]!] !== d && x < now) now = x;
      }
      if (old === Infinity) continue;
      // Its next hops toward c: unchanged unless d is among them.
      let k0 = 0;
      let viaD = false;
      for (let j = j0; j < j1; j++) {
        if (!onShortestPath(old, endDist[sigEnd[j]! * D + i]!, sigWeight[j]!)) continue;
        k0++;
        if (ends[sigEnd[j]!] === d) viaD = true;
      }
      if (!viaD) continue;
      let k1 = 0;
      if (now !== Infinity) for (let j = j0; j < j1; j++) if (ends[sigEnd[j]!] !== d && onShortestPath(now, endDist[sigEnd[j]! * D + i]!, sigWeight[j]!)) k1++;
      // The members sending to c (c itself sends nothing to itself).
      const self = sigOf[c] === sig && groups.member[c] === groups.stamp;
      const mass = groups.mass[gi]! - (self ? mc : 0);
      const acc = groups.acc;
      const a0 = groups.accOff[gi]!;
      for (let j = j0; j < j1; j++) {
        const a = ends[sigEnd[j]!]!;
        const ad = endDist[sigEnd[j]! * D + i]!;
        let x = 0;
        if (onShortestPath(old, ad, sigWeight[j]!)) x -= 1 / k0;
        if (a !== d && now !== Infinity && onShortestPath(now, ad, sigWeight[j]!)) x += 1 / k1;
        if (x === 0) continue;
        // Each member's uplink j carries m_u × Σ_c m_c x: summed here, spread over the members at the end.
        acc[a0 + j - j0]! += mc * x;
        if (self) {
          const l = links[linkOff[c]! + j - j0]!;
          val[2 * l + (linkSource[l] === c ? 0 : 1)]! -= mc * mc * x;
        }
        const y = mass * mc * x;
        if (a === d) atD += y;
        else if (a !== c && y !== 0) push.inject(st, a, y);
      }
      for (let k = groups.start[gi]!; k < groups.start[gi + 1]!; k++) {
        const u = groups.members[k]!;
        if (u !== c) leafStretch(engine, leaves, masses, u, i, -1, d, sink);
      }
    }
    if (atD !== 0) push.inject(st, d, atD);
    push.flow(st, add);
  }
  // The members' uplinks: m_u × the group's sums.
  for (let gi = 0; gi < groups.count; gi++) {
    const a0 = groups.accOff[gi]!;
    for (let k = groups.start[gi]!; k < groups.start[gi + 1]!; k++) {
      const u = groups.members[k]!;
      const mu = masses[u]!;
      for (let q = linkOff[u]!; q < linkOff[u + 1]!; q++) {
        const l = links[q]!;
        val[2 * l + (linkSource[l] === u ? 0 : 1)]! += mu * groups.acc[a0 + q - linkOff[u]!]!;
      }
    }
  }
}

/** The leaves of a failed router grouped by signature (members sharing every split decision). */
export interface LeafGroups {
  count: number;
  /** Per group: its signature, its members' total mass, its members at members[start[g] … start[g + 1]], its uplink sums at acc[accOff[g] …]. */
  sig: Int32Array;
  mass: Float64Array;
  start: Int32Array;
  members: Int32Array;
  accOff: Int32Array;
  acc: Float64Array;
  /** Per node: `stamp` when it is a member (this failure's), for the test c ∈ group. */
  member: Int32Array;
  stamp: number;
}

/** Groups the leaves `nbrs` of a failed router by signature; `member` is reused across calls (stamped). */
export function leafGroups(leaves: Leaves, masses: Float64Array, nbrs: Int32Array, member: Int32Array, stamp: number): LeafGroups {
  const bySig = new Map<number, number[]>();
  for (const u of nbrs) {
    member[u] = stamp;
    const s = leaves.sigOf[u]!;
    const list = bySig.get(s);
    if (list === undefined) bySig.set(s, [u]);
    else list.push(u);
  }
  const count = bySig.size;
  const sig = new Int32Array(count);
  const mass = new Float64Array(count);
  const start = new Int32Array(count + 1);
  const members = new Int32Array(nbrs.length);
  const accOff = new Int32Array(count + 1);
  let gi = 0;
  let k = 0;
  for (const [s, list] of bySig) {
    sig[gi] = s;
    start[gi] = k;
    accOff[gi + 1] = accOff[gi]! + leaves.sigOff[s + 1]! - leaves.sigOff[s]!;
    for (const u of list) {
      members[k++] = u;
      mass[gi]! += masses[u]!;
    }
    gi++;
  }
  start[count] = k;
  return { count, sig, mass, start, members, accOff, acc: new Float64Array(accOff[count]!), member, stamp };
}

/**
 * Leaf v's demand toward the i-th destination after its link e failed, or
 * (e = -1) every link to its end `gone`: when a failed link was one of its
 * next hops, its new latency from its surviving next hops (LatencyDelta's
 * sum) against the baseline's (meanLatencyOnDag's sum), pushed into `sink`
 * as the incremental update counts it (cut off: no longer unchanged, not
 * stretched). The caller has counted the destination's demands as
 * unchanged (unchangedBefore).
 */
export function leafStretch(engine: RoutingEngine, leaves: Leaves, masses: Float64Array, v: number, i: number, e: number, gone: number, sink: StretchSink): void {
  const { offsets, targets, edgeLink, weights, latencies } = engine.g;
  const c = engine.destinationNodes[i]!;
  const D = engine.destinationNodes.length;
  const { endIndex, endDist, endLat } = leaves;
  if (!(masses[v]! * masses[c]! > 0)) return;
  const s0 = offsets[v]!;
  const s1 = offsets[v + 1]!;
  // A slot is lost when it is link e or goes to `gone` (inline: a closure per call cost as much as the rest).
  let d = Infinity;
  let d2 = Infinity;
  for (let s = s0; s < s1; s++) {
    const x = endDist[endIndex[targets[s]!]! * D + i]! + weights[edgeLink[s]!]!;
    if (x < d) d = x;
    if (edgeLink[s] !== e && targets[s] !== gone && x < d2) d2 = x;
  }
  if (d === Infinity) return;
  let sum = 0;
  let k = 0;
  let uses = false;
  for (let s = s0; s < s1; s++) {
    const l = edgeLink[s]!;
    const a = endIndex[targets[s]!]! * D + i;
    if (!onShortestPath(d, endDist[a]!, weights[l]!)) continue;
    if (l === e || targets[s] === gone) uses = true;
    sum += latencies[l]! + endLat[a]!;
    k++;
  }
  if (!uses) return;
  const was = sum / k;
  sink.unchanged--;
  if (d2 === Infinity) return; // cut off: stranded, not stretched
  let sum2 = 0;
  let k2 = 0;
  for (let s = s0; s < s1; s++) {
    const l = edgeLink[s]!;
    if (l === e || targets[s] === gone) continue;
    const a = endIndex[targets[s]!]! * D + i;
    if (!onShortestPath(d2, endDist[a]!, weights[l]!)) continue;
    sum2 += latencies[l]! + endLat[a]!;
    k2++;
  }
  const r = was > 0 ? sum2 / k2 / was : 1;
  if (Math.abs(r - 1) <= 1e-12) sink.unchanged++;
  else sink.push(r);
}
