// Run: npx tsx scripts/bench/kdl-analyze-phases.ts [FILE.graphml] [--moved] (default: $NETTWIN_EXTRA_ZOO/Kdl.graphml; says "absent" without it).
// Where the real Kdl's N-1 max-load sweep spends its time, by failure kind (one thread).
import fs from 'node:fs';
import os from 'node:os';
import { importGraphml } from '../../src-shared/io/graphml';
import { compileTopology } from '../../src-shared/sim/csr';
import { CompressedSweep } from '../../src-shared/sim/compressed';
import { n1Scenarios } from '../../src-shared/sim/sweep';
import { findChains } from '../../src-shared/sim/chains';
import { buildSkeletonGraph } from '../../src-shared/sim/skeleton-graph';

/** CPU ms of this process (the comparable figure on a shared machine). */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const args = process.argv.slice(2).filter((a) => a !== '--moved');
const file = args[0] ?? `${process.env.NETTWIN_EXTRA_ZOO ?? '/work/notes/data/zoo-extra'}/Kdl.graphml`;
if (!fs.existsSync(file)) {
  console.log(`${file}: absent`);
  process.exit(0);
}
const g = compileTopology(importGraphml(fs.readFileSync(file, 'utf8'), 'Kdl').topology);
const n = g.nodeIds.length;
const ones = new Float64Array(n).fill(1);
let t0 = cpu();
const sw = new CompressedSweep(g, ones, ones);
const setup = cpu() - t0;
const f = sw.forest;
const ch = findChains(f.core);
const kind = (s: { readonly nodes: readonly number[]; readonly links: readonly number[] }): string => {
  if (s.nodes.length === 1) {
    const v = s.nodes[0]!;
    if (f.isCore[v] !== 1) return 'tree node';
    const c = f.coreIndex[v]!;
    return ch.chainOfNode[c]! >= 0 ? 'chain node' : 'branch node';
  }
  const e = s.links[0]!;
  if (f.isCore[g.linkSource[e]!] !== 1 || f.isCore[g.linkTarget[e]!] !== 1) return 'tree link';
  const ce = f.coreLinks.indexOf(e);
  return ch.chainOfLink[ce]! >= 0 ? 'chain link' : 'direct link';
};
const by = new Map<string, [number, number]>();
const scen = n1Scenarios(g);
t0 = cpu();
let sum = 0;
for (const s of scen) {
  const a = cpu();
  sum += sw.maxLoad(s);
  const k = kind(s);
  const e = by.get(k) ?? [0, 0];
  e[0]++;
  e[1] += cpu() - a;
  by.set(k, e);
}
console.log(`${file}: ${n} nodes, core ${f.coreNodes.length}, chains ${ch.chains.length}; setup ${setup.toFixed(0)} ms, scenarios ${(cpu() - t0).toFixed(0)} ms (checksum ${sum}); load ${os.loadavg()[0]!.toFixed(1)}`);
for (const [k, [c, ms]] of by) console.log(`  ${k.padEnd(12)} ${String(c).padStart(5)} ${ms.toFixed(0).padStart(6)} ms`);

// --moved: what a failure changes on the skeleton (branch routers; each direct link and each whole chain one link):
// the (row, router) pairs whose distance moves, against the rows touched at all. A per-row repair (today's
// rows) redoes every destination of a touched row; a repair by moved pairs would redo only these.
if (!process.argv.includes('--moved')) process.exit(0);
const sk = buildSkeletonGraph(f.core, ch);
const nb = sk.nb;
/** Distances toward every branch node with skeleton links `alive` and branch node `dead` (-1: none) removed. */
function allRows(alive: Uint8Array, dead: number): Float64Array {
  const d = new Float64Array(nb * nb).fill(Infinity);
  for (let s = 0; s < nb; s++) {
    if (s === dead) continue;
    const o = s * nb;
    d[o + s] = 0;
    const done = new Uint8Array(nb);
    for (;;) {
      let u = -1;
      for (let v = 0; v < nb; v++) if (done[v] === 0 && d[o + v]! < Infinity && (u < 0 || d[o + v]! < d[o + u]!)) u = v;
      if (u < 0) break;
      done[u] = 1;
      for (let j = sk.adjOff[u]!; j < sk.adjOff[u + 1]!; j++) {
        const v = sk.adjTo[j]!;
        if (alive[sk.adjSl[j]!] === 0 || v === dead) continue;
        if (d[o + u]! + sk.adjW[j]! < d[o + v]!) d[o + v] = d[o + u]! + sk.adjW[j]!;
      }
    }
  }
  return d;
}
const ns = sk.slA.length;
const all = new Uint8Array(ns).fill(1);
const d0 = allRows(all, -1);
const moved = new Map<string, [number, number, number, number]>(); // failures, moved pairs, pairs, rows with a move
const tally = (k: string, d: Float64Array, dead: number): void => {
  const e = moved.get(k) ?? [0, 0, 0, 0];
  e[0]++;
  for (let s = 0; s < nb; s++) {
    if (s === dead) continue;
    let any = false;
    for (let u = 0; u < nb; u++) {
      if (u === dead) continue;
      e[2]++;
      if (d[s * nb + u] !== d0[s * nb + u]) {
        e[1]++;
        any = true;
      }
    }
    if (any) e[3]++;
  }
  moved.set(k, e);
};
for (let i = 0; i < ns; i++) {
  const alive = all.slice();
  alive[i] = 0;
  tally(sk.slChain[i]! >= 0 ? 'chain' : 'direct link', allRows(alive, -1), -1);
}
for (let u = 0; u < nb; u++) tally('branch node', allRows(all, u), u);
console.log(`skeleton: ${nb} branch routers, ${ns} skeleton links; what one failure changes (all rows):`);
for (const [k, [nf, mv, pairs, rows]] of moved) {
  console.log(`  ${k.padEnd(12)} ${String(nf).padStart(4)} failures: ${((100 * mv) / pairs).toFixed(1)} % of (row, router) distances move; ${((100 * rows) / nf / nb).toFixed(1)} % of rows have one that moves`);
}
