import type { Topology } from '../../../src-shared/model/topology';
import { CLUSTER_ABOVE, clusterOf } from './clusters';
import type { LayoutAlgorithm } from './elkGraph';
import { extentOf } from './extent';

/**
 * How big a graph each ELK algorithm may be given. Measured in Node with
 * elkjs 0.12 (docs/views.md, CPU time on this project's 2-core machine):
 * layered takes ~1.3 s CPU at 100 nodes / 370 edges, ~2.1 s at 250 / 960 and
 * ~6.8 s on the 100 sites / 762 site pairs of bench:ui's 1,000 devices;
 * force and stress grow much faster, ~1.4 s at 100 nodes and ~8.5 s at 250
 * (the 25 s "Force" of issue 19 at 249 devices). Past a limit the same
 * algorithm runs on the site graph (one box per site, devices in a grid
 * inside), and past the site limit the instant site packing is used.
 */
const DEVICE_LIMIT: Record<LayoutAlgorithm, { nodes: number; links: number }> = {
  layered: { nodes: CLUSTER_ABOVE, links: 1000 },
  radial: { nodes: CLUSTER_ABOVE, links: Infinity }, // radial lays out a spanning tree only
  force: { nodes: 60, links: 300 },
  stress: { nodes: 60, links: 300 },
};
const SITE_LIMIT: Record<LayoutAlgorithm, { sites: number; pairs: number }> = {
  layered: { sites: 150, pairs: 400 },
  radial: { sites: 400, pairs: Infinity },
  force: { sites: 60, pairs: 300 },
  stress: { sites: 60, pairs: 300 },
};

const NAMES: Record<LayoutAlgorithm, string> = { layered: 'Layered', radial: 'Radial', force: 'Force', stress: 'Stress' };

export type LayoutPlan = { level: 'devices' | 'sites' | 'packing'; notice: string | null };

export function layoutPlan(t: Topology, algorithm: LayoutAlgorithm): LayoutPlan {
  const lim = DEVICE_LIMIT[algorithm];
  if (t.nodes.length <= lim.nodes && t.links.length <= lim.links) return { level: 'devices', notice: null };
  const of = clusterOf(t);
  const clusters = new Set(of.values()).size;
  const pairs = new Set<string>();
  for (const l of t.links) {
    const a = of.get(l.source);
    const b = of.get(l.target);
    if (a !== undefined && b !== undefined && a !== b) pairs.add(a < b ? `${a}|${b}` : `${b}|${a}`);
  }
  const name = NAMES[algorithm];
  if (clusters <= SITE_LIMIT[algorithm].sites && pairs.size <= SITE_LIMIT[algorithm].pairs) {
    return {
      level: 'sites',
      notice: `${name} was run on the ${clusters} sites (devices in a grid inside each): on all ${t.nodes.length} devices and ${t.links.length} links it would take too long.`,
    };
  }
  return {
    level: 'packing',
    notice: `${name} cannot place ${clusters} sites linked in ${pairs.size} pairs quickly; the sites were packed by region and neighbourhood instead. The Sites and Regions views show how they connect.`,
  };
}

/**
 * An automatic first layout this much wider than tall (or taller than wide)
 * is a ribbon: on a 16:10 canvas its boxes are drawn at a quarter of their
 * size or less and nothing can be read. ELK layered does this to WAN-shaped
 * designs, whose many branches fall into one layer: measured aspect 21 on the
 * 249-device hybrid of issue 19, 34 on its hub-and-spoke, 6.2 on the shipped
 * global-enterprise hybrid, 4.8 on bench:ui's 250 devices; the site packing
 * gives those 1.7–2.4. An editable threshold, not a law.
 */
export const RIBBON_ASPECT = 4;
/** Below this many devices a ribbon still fits the screen at a readable size. */
export const RIBBON_MIN_DEVICES = 100;

/** True when positions of boxes `w` × `h` spread into a ribbon (see RIBBON_ASPECT). */
export function isRibbon(positions: ReadonlyMap<string, { x: number; y: number }>, w: number, h: number): boolean {
  if (positions.size < RIBBON_MIN_DEVICES) return false;
  const { x0, x1, y0, y1 } = extentOf(positions.values());
  const width = x1 - x0 + w;
  const height = y1 - y0 + h;
  return width > RIBBON_ASPECT * height || height > RIBBON_ASPECT * width;
}
