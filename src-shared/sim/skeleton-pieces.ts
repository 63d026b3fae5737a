import type { Chain } from './chains';
import type { SkeletonGraph } from './skeleton-graph';
import type { Lane } from './skeleton-lane';

/**
 * A failure breaks chains into pieces that hang off a surviving end (skeleton.ts):
 * pendant paths whose links carry out(beyond)·(in(component) − in(beyond)) one
 * way and (out(component) − out(beyond))·in(beyond) the other (pendant.ts), with
 * the masses of the surviving skeleton component their end lies in. Adds
 * lane l's loads of every piece (chain, lo, hi, end quadruples) into l.res;
 * `st` is the routing's state for this failure (alive branch nodes and
 * skeleton links, in-masses) and a scratch array for the components.
 */
export function addPieces(
  sk: SkeletonGraph,
  chains: readonly Chain[],
  st: { kAlive: Uint8Array; slAlive: Uint8Array; mIn: Float64Array; comp: Int32Array },
  pieces: readonly number[],
  l: Lane,
  inn: Float64Array,
): void {
  if (pieces.length === 0) return;
  const { out, res } = l;
  const nb = sk.nb;
  // Components of the surviving skeleton with every mass they hold.
  const comp = st.comp.fill(-1);
  const cOut: number[] = [];
  const cIn: number[] = [];
  const stack: number[] = [];
  for (let r = 0; r < nb; r++) {
    if (st.kAlive[r] === 0 || comp[r] !== -1) continue;
    const id = cOut.length;
    cOut.push(0);
    cIn.push(0);
    comp[r] = id;
    stack.push(r);
    while (stack.length > 0) {
      const u = stack.pop()!;
      cOut[id]! += l.mOut[u]!;
      cIn[id]! += st.mIn[u]!;
      for (let j = sk.adjOff[u]!; j < sk.adjOff[u + 1]!; j++) {
        const i = sk.adjSl[j]!;
        if (st.slAlive[i] === 0) continue;
        const w = sk.slA[i] === u ? sk.slB[i]! : sk.slA[i]!;
        if (comp[w] === -1) {
          comp[w] = id;
          stack.push(w);
        }
      }
    }
  }
  for (let c = 0; c < chains.length; c++) {
    const sl = sk.chainSl[c]!;
    if (st.slAlive[sl] === 0) continue;
    const id = comp[sk.slA[sl]!]!;
    for (const v of chains[c]!.nodes) {
      cOut[id]! += out[v]!;
      cIn[id]! += inn[v]!;
    }
  }
  for (let p = 0; p < pieces.length; p += 4) {
    const c = pieces[p]!;
    const lo = pieces[p + 1]!;
    const hi = pieces[p + 2]!;
    const end = pieces[p + 3]!;
    const ch = chains[c]!;
    const base = sk.nOff[c]! + c;
    const id = comp[sk.kOf[end === 0 ? ch.a : ch.b]!]!;
    const CO = cOut[id]!;
    const CI = cIn[id]!;
    // Walk from the far side toward the attachment; S = the nodes beyond each link.
    let so = 0;
    let si = 0;
    if (end === 1) {
      // Hanging off B: link j joins nodes j-1 and j (or B); beyond it toward A lie [lo, j).
      for (let j = lo + 1; j <= hi; j++) {
        so += out[ch.nodes[j - 1]!]!;
        si += inn[ch.nodes[j - 1]!]!;
        const slot = sk.slotAB[base + j]!; // toward B = out of S
        res[slot]! += so * (CI - si);
        res[slot ^ 1]! += (CO - so) * si;
      }
    } else {
      // Hanging off A: link j joins nodes j-1 (or A) and j; beyond it toward B lie [j, hi).
      for (let j = hi - 1; j >= lo; j--) {
        so += out[ch.nodes[j]!]!;
        si += inn[ch.nodes[j]!]!;
        const slot = sk.slotAB[base + j]!; // toward B = into S
        res[slot ^ 1]! += so * (CI - si);
        res[slot]! += (CO - so) * si;
      }
    }
  }
}
