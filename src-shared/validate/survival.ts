import { bridgesAndCutNodes, connectedComponents, dfsForest, type DfsForest } from '../sim/connectivity';
import { srlgGroups, type CompiledGraph } from '../sim/csr';
import { createRng } from '../lib/rng';
import { cycleSpaceLabels } from './cuts';
import type { DesignIndex } from './design-index';

/**
 * Failure elements and site-level survival, the ground the redundancy classes
 * stand on (redundancy.ts). An element is a link, a device or a shared-risk
 * group (every link carrying one SRLG tag: a duct, a building). After a
 * failure the *surviving sites* are those with a working device; they stay
 * connected when one component holds a device of every one of them. Two
 * circuits are diverse only when no single element takes both: they share
 * neither a duct (SRLG) nor a device.
 */
export type ElementKind = 'link' | 'device' | 'srlg';

export interface Element {
  kind: ElementKind;
  /** Link or device index; for an SRLG, its tag. */
  id: number | string;
  links: number[];
  nodes: number[];
  label: string;
}

/** Every link, device and shared-risk group of two or more links (`site:` groups are site outages, not elements). */
export function failureElements(x: DesignIndex): Element[] {
  const { g, topology: t } = x;
  const out: Element[] = [];
  for (let e = 0; e < g.linkIds.length; e++) out.push({ kind: 'link', id: e, links: [e], nodes: [], label: `link ${g.linkIds[e]}` });
  for (let v = 0; v < g.nodeIds.length; v++) out.push({ kind: 'device', id: v, links: [], nodes: [v], label: `device ${g.nodeIds[v]}` });
  for (const [tag, links] of srlgGroups(t, g)) {
    // `site:` groups are a building's own cabling: its loss is a site outage (devices too), checked as such.
    if (links.length >= 2 && !tag.startsWith('site:')) out.push({ kind: 'srlg', id: tag, links, nodes: [], label: `shared-risk group ${tag}` });
  }
  return out;
}

/** Failure masks with reusable buffers: apply elements, test, clear. */
export class FailureState {
  readonly nodes: Uint8Array;
  readonly links: Uint8Array;
  private readonly touchedNodes: number[] = [];
  private readonly touchedLinks: number[] = [];
  constructor(private readonly g: CompiledGraph) {
    this.nodes = new Uint8Array(g.nodeIds.length);
    this.links = new Uint8Array(g.linkIds.length);
  }
  apply(el: Element): void {
    for (const e of el.links) this.failLink(e);
    for (const v of el.nodes) {
      if (this.nodes[v] === 0) {
        this.nodes[v] = 1;
        this.touchedNodes.push(v);
      }
      for (let k = this.g.offsets[v]!; k < this.g.offsets[v + 1]!; k++) this.failLink(this.g.edgeLink[k]!);
    }
  }
  private failLink(e: number): void {
    if (this.links[e] === 0) {
      this.links[e] = 1;
      this.touchedLinks.push(e);
    }
  }
  clear(): void {
    for (const v of this.touchedNodes) this.nodes[v] = 0;
    for (const e of this.touchedLinks) this.links[e] = 0;
    this.touchedNodes.length = 0;
    this.touchedLinks.length = 0;
  }
}

export interface SiteSplit {
  /** Surviving sites left outside the component holding the most sites. */
  cutOff: number[];
  surviving: number;
}

/**
 * Which surviving sites lose the rest: the component with devices of the most
 * sites (then the most devices) is the network; every surviving site without
 * a device in it is cut off (all of them when two components tie). A split
 * of surviving sites is any non-empty cutOff when more than one component
 * holds sites. O(n + m).
 */
export function siteSplit(x: DesignIndex, f: FailureState): SiteSplit {
  const { componentOf, count } = connectedComponents(x.g, f.nodes, f.links);
  const sitesIn = new Int32Array(count);
  const seen = new Int32Array(count).fill(-1);
  let surviving = 0;
  x.siteNodes.forEach((members, s) => {
    let alive = false;
    for (const v of members) {
      const c = componentOf[v]!;
      if (c < 0) continue;
      alive = true;
      if (seen[c] !== s) {
        seen[c] = s;
        sitesIn[c]!++;
      }
    }
    if (alive) surviving++;
  });
  // The network is the component with devices of the most sites (then the most devices);
  // with a tie no side is the network, so every surviving site counts as cut off.
  const sizes = new Int32Array(count);
  for (let v = 0; v < componentOf.length; v++) if (componentOf[v]! >= 0) sizes[componentOf[v]!]!++;
  let main = 0;
  let tie = false;
  for (let c = 1; c < count; c++) {
    const better = sitesIn[c]! - sitesIn[main]! || sizes[c]! - sizes[main]!;
    if (better > 0) {
      main = c;
      tie = false;
    } else if (better === 0) tie = true;
  }
  const cutOff: number[] = [];
  if (count > 1 && sitesIn[main]! < surviving) {
    x.siteNodes.forEach((members, s) => {
      let alive = false;
      let inMain = false;
      for (const v of members) {
        const c = componentOf[v]!;
        if (c < 0) continue;
        alive = true;
        if (c === main && !tie) inMain = true;
      }
      if (alive && !inMain) cutOff.push(s);
    });
  }
  return { cutOff, surviving };
}

/**
 * Cycle-space labels of the graph with some links and nodes failed
 * (validate/cuts.ts explains the method): a set of surviving links can
 * disconnect the surviving graph only when its labels are linearly dependent.
 */
export interface ReducedLabels {
  lo: Uint32Array;
  hi: Uint32Array;
}

export function reducedLabels(g: CompiledGraph, forest: DfsForest, failedLinks: Uint8Array, seed = 0): ReducedLabels {
  return cycleSpaceLabels(g, forest, createRng(seed, 'survival-cuts'), failedLinks);
}

/** Whether the surviving links in `links` have dependent labels (so may hold a cut). O(k²). */
export function mayCut(labels: ReducedLabels, links: readonly number[], failedLinks: Uint8Array): boolean {
  const basis: [number, number][] = [];
  for (const e of links) {
    if (failedLinks[e] === 1) continue;
    let a = labels.lo[e]!;
    let b = labels.hi[e]!;
    for (const [bl, bh] of basis) {
      const pivot = leadingBit(bh, bl);
      if (hasBit(b, a, pivot)) {
        a = (a ^ bl) >>> 0;
        b = (b ^ bh) >>> 0;
      }
    }
    if (a === 0 && b === 0) return true;
    basis.push([a, b]);
    basis.sort((p, q) => leadingBit(q[1], q[0]) - leadingBit(p[1], p[0]));
  }
  return false;
}

function leadingBit(hi: number, lo: number): number {
  if (hi !== 0) return 63 - Math.clz32(hi);
  return lo === 0 ? -1 : 31 - Math.clz32(lo);
}

function hasBit(hi: number, lo: number, bit: number): boolean {
  return bit >= 32 ? ((hi >>> (bit - 32)) & 1) === 1 : ((lo >>> bit) & 1) === 1;
}

/**
 * Elements that may split the surviving graph once `f` is applied: links that
 * became bridges, devices that became cut vertices, SRLGs whose surviving
 * links are dependent. Any element that splits surviving sites is among them
 * (a site-level split is a device-level split of the component that held
 * every site). O(n + m + Σ k²).
 */
export function splitCandidates(x: DesignIndex, elements: readonly Element[], f: FailureState): Element[] {
  const { g } = x;
  const forest = dfsForest(g, f.nodes, f.links);
  const { bridges, articulationPoints } = bridgesAndCutNodes(g, forest);
  const bridge = new Set(bridges);
  const cut = new Set(articulationPoints);
  const labels = reducedLabels(g, forest, f.links);
  const out: Element[] = [];
  for (const el of elements) {
    if (el.kind === 'link') {
      if (bridge.has(el.id as number)) out.push(el);
    } else if (el.kind === 'device') {
      const v = el.id as number;
      if (f.nodes[v] === 1) continue;
      // A device is a candidate when it is a cut vertex, or a leaf whose loss empties nothing else (never a split).
      if (cut.has(v)) out.push(el);
    } else if (el.links.some((e) => bridge.has(e)) || mayCut(labels, el.links, f.links)) {
      out.push(el);
    }
  }
  return out;
}
