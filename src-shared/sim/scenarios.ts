import { mulberry32 } from '../lib/rng';
import type { Topology } from '../model/topology';
import type { CompiledGraph } from './csr';
import type { FailureSpec } from './sweep';

/**
 * Failure scenario classes over a design:
 * - n1-links / n1-nodes: every single link / device;
 * - n2-links: every unordered pair of links, or a seeded random sample of
 *   `n2Sample` distinct pairs when there are more (Floyd's sampling);
 * - srlg: each shared-risk link group (links sharing a tag fail together);
 * - sites: each site (all its devices); devices without a site are skipped;
 * - regions: each region (all devices in it, by device region or site region);
 * - custom: any hand-picked set of device and link ids (the what-if).
 */
export const SCENARIO_CLASSES = ['n1-links', 'n1-nodes', 'n2-links', 'srlg', 'sites', 'regions'] as const;
export type ScenarioClass = (typeof SCENARIO_CLASSES)[number] | 'custom';

export interface Scenario extends FailureSpec {
  readonly cls: ScenarioClass;
  readonly label: string;
}

export interface ScenarioOptions {
  classes: readonly ScenarioClass[];
  /** Largest number of link pairs before sampling (default 20,000). */
  n2Sample?: number;
  seed?: number;
  custom?: readonly { label?: string; nodes?: readonly string[]; links?: readonly string[] }[];
}


/** Index pair (a < b) of the k-th unordered pair of m items in row order. */
function pairAt(k: number, m: number): [number, number] {
  // Row a holds m-1-a pairs; walk rows (m ≤ a few thousand, called ≤ sample times).
  let a = 0;
  let rest = k;
  while (rest >= m - 1 - a) {
    rest -= m - 1 - a;
    a++;
  }
  return [a, a + 1 + rest];
}

/** Builds the scenarios of the requested classes, in class order then element order. */
export function buildScenarios(t: Topology, g: CompiledGraph, opts: ScenarioOptions): Scenario[] {
  const out: Scenario[] = [];
  const m = g.linkIds.length;
  const n = g.nodeIds.length;
  const linkIndex = new Map<string, number>();
  g.linkIds.forEach((id, i) => linkIndex.set(id, i));
  for (const cls of opts.classes) {
    if (cls === 'n1-links') {
      for (let e = 0; e < m; e++) out.push({ cls, label: `link ${g.linkIds[e]}`, nodes: [], links: [e] });
    } else if (cls === 'n1-nodes') {
      for (let v = 0; v < n; v++) out.push({ cls, label: `device ${g.nodeIds[v]}`, nodes: [v], links: [] });
    } else if (cls === 'n2-links') {
      const all = (m * (m - 1)) / 2;
      const limit = opts.n2Sample ?? 20_000;
      const pick: number[] = [];
      if (all <= limit) {
        for (let k = 0; k < all; k++) pick.push(k);
      } else {
        // Floyd's algorithm: `limit` distinct indices, uniformly, seeded.
        const r = mulberry32(opts.seed ?? 1);
        const chosen = new Set<number>();
        for (let j = all - limit; j < all; j++) {
          const k = Math.floor(r() * (j + 1));
          chosen.add(chosen.has(k) ? j : k);
        }
        pick.push(...[...chosen].sort((x, y) => x - y));
      }
      for (const k of pick) {
        const [a, b] = pairAt(k, m);
        out.push({ cls, label: `links ${g.linkIds[a]} + ${g.linkIds[b]}`, nodes: [], links: [a, b] });
      }
    } else if (cls === 'srlg') {
      const groups = new Map<string, number[]>();
      for (let e = 0; e < m; e++) {
        for (const tag of t.links[g.linkOrigin[e]!]!.srlgs) {
          const list = groups.get(tag) ?? [];
          list.push(e);
          groups.set(tag, list);
        }
      }
      for (const [tag, links] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        out.push({ cls, label: `SRLG ${tag}`, nodes: [], links });
      }
    } else if (cls === 'sites' || cls === 'regions') {
      const siteRegion = new Map(t.sites.map((s) => [s.id, s.region]));
      const groups = new Map<string, number[]>();
      t.nodes.forEach((d, i) => {
        const v = g.nodeIndex.get(d.id);
        if (v === undefined) return;
        const key = cls === 'sites' ? d.site : (d.region ?? (d.site !== undefined ? siteRegion.get(d.site) : undefined));
        if (key === undefined) return;
        const list = groups.get(key) ?? [];
        list.push(v);
        groups.set(key, list);
        void i;
      });
      const names = new Map(t.sites.map((s) => [s.id, s.name]));
      for (const [key, nodes] of groups) {
        out.push({ cls, label: `${cls === 'sites' ? 'site' : 'region'} ${names.get(key) ?? key}`, nodes, links: [] });
      }
    }
  }
  for (const c of opts.custom ?? []) {
    const nodes = (c.nodes ?? []).map((id) => {
      const v = g.nodeIndex.get(id);
      if (v === undefined) throw new RangeError(`what-if names unknown device "${id}"`);
      return v;
    });
    const links = (c.links ?? []).map((id) => {
      const e = linkIndex.get(id);
      if (e === undefined) throw new RangeError(`what-if names unknown link "${id}"`);
      return e;
    });
    out.push({ cls: 'custom', label: c.label ?? [...(c.nodes ?? []), ...(c.links ?? [])].join(' + '), nodes, links });
  }
  return out;
}
