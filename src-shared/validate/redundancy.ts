import type { Redundancy } from '../model/intent';
import { bridgesAndCutNodes, connectedComponents, dfsForest, type DfsForest } from '../sim/connectivity';
import { cutLabels, linksDisconnect, twoEdgeCutClasses } from './cuts';
import { linkIdsOf, nodeIdsOf, type DesignIndex } from './design-index';
import { evidence, plural, type Evidence } from './types';

/**
 * The redundancy classes, exactly as the intent defines them, each building
 * on the one below:
 * - NONE: every device reaches every other (one component).
 * - STANDARD: no single link failure isolates an HQ, datacenter or region
 *   hub: for every bridge, the smaller side it cuts off (by device count;
 *   both sides when they are equal) holds no such site entirely.
 * - HIGH: survives any single link or node failure: no bridge and no
 *   articulation point (Tarjan, one DFS).
 * - CRITICAL: survives any two link failures (no 2-edge cut, cuts.ts), any
 *   one site outage (every device of the site down; the rest stays
 *   connected) and any one shared-risk-group outage (every link tagged with
 *   the group down). `site:` groups are site outages and are covered by
 *   those; single-link groups are covered by the bridge check.
 * Devices without a site count as important when their role is core, hub,
 * spine or super-spine. Complexity: O(n + m) up to HIGH; CRITICAL adds
 * O(n + m) per 2-edge-cut class and per multi-device site, and O(k²) per
 * shared-risk group of k links (cycle-space labels, cuts.ts; a BFS only
 * when the labels say the group may disconnect).
 */
export interface LevelVerdict {
  passed: boolean;
  message: string;
  evidence: Evidence;
}

export interface RedundancyReport {
  components: number;
  levels: Record<Redundancy, LevelVerdict>;
  achieved: Redundancy | null;
}

const IMPORTANT_SITE = new Set(['hq', 'datacenter', 'region-hub']);
const IMPORTANT_DEVICE = new Set(['core', 'hub', 'spine', 'super-spine']);

const notEvaluated = (below: string): LevelVerdict => ({
  passed: false,
  message: `not met: ${below} already fails`,
  evidence: evidence(),
});

export function assessRedundancy(x: DesignIndex): RedundancyReport {
  const { g } = x;
  const forest = dfsForest(g);
  const components = forest.componentSize.length;
  const n = g.nodeIds.length;
  const none: LevelVerdict =
    components <= 1
      ? { passed: true, message: `all ${plural(n, 'device')} are connected`, evidence: evidence() }
      : {
          passed: false,
          message: `${components} separate parts; ${plural(outsideLargest(forest).length, 'device')} cannot reach the largest part`,
          evidence: evidence(nodeIdsOf(x, outsideLargest(forest))),
        };
  if (!none.passed) {
    const skip = notEvaluated('NONE (connected)');
    return { components, achieved: null, levels: { NONE: none, STANDARD: skip, HIGH: skip, CRITICAL: skip } };
  }
  const { bridges, articulationPoints } = bridgesAndCutNodes(g, forest);
  const standard = assessStandard(x, forest, bridges);
  const high: LevelVerdict = !standard.passed
    ? notEvaluated('STANDARD')
    : bridges.length === 0 && articulationPoints.length === 0
      ? { passed: true, message: 'no single link or device failure disconnects anything', evidence: evidence() }
      : {
          passed: false,
          message:
            `${plural(bridges.length, 'link')} and ${plural(articulationPoints.length, 'device')} ` +
            'are single points of failure',
          evidence: evidence(nodeIdsOf(x, articulationPoints), linkIdsOf(x, bridges)),
        };
  const critical = high.passed ? assessCritical(x, forest) : notEvaluated('HIGH');
  const achieved = critical.passed ? 'CRITICAL' : high.passed ? 'HIGH' : standard.passed ? 'STANDARD' : 'NONE';
  return { components, achieved, levels: { NONE: none, STANDARD: standard, HIGH: high, CRITICAL: critical } };
}

/** Devices outside the largest component (the first of equal size). */
function outsideLargest(f: DfsForest): number[] {
  let big = 0;
  f.componentSize.forEach((size, c) => {
    if (size > f.componentSize[big]!) big = c;
  });
  const out: number[] = [];
  for (let v = 0; v < f.componentOf.length; v++) if (f.componentOf[v] !== big) out.push(v);
  return out;
}

function isImportant(x: DesignIndex, site: number): boolean {
  const role = x.siteRoles[site];
  if (role !== null && role !== undefined) return IMPORTANT_SITE.has(role);
  const nodes = x.siteNodes[site]!;
  return nodes.some((v) => IMPORTANT_DEVICE.has(x.topology.nodes[v]!.role));
}

function assessStandard(x: DesignIndex, f: DfsForest, bridges: number[]): LevelVerdict {
  const important = x.siteNodes.map((_, s) => s).filter((s) => x.siteNodes[s]!.length > 0 && isImportant(x, s));
  const badLinks: number[] = [];
  const isolated = new Set<number>();
  for (const e of bridges) {
    // The bridge's child end u roots a DFS subtree occupying disc[u] .. disc[u] + subtree[u) in preorder.
    const a = x.g.linkSource[e]!;
    const b = x.g.linkTarget[e]!;
    const u = f.parent[a] === b && f.parentLink[a] === e ? a : b;
    const start = f.disc[u]!;
    const size = f.subtree[u]!;
    // The smaller side is cut off; with equal halves both are (no order decides).
    const rest = f.componentSize[f.componentOf[u]!]! - size;
    let hit = false;
    for (const s of important) {
      const inside = x.siteNodes[s]!.every((v) => f.disc[v]! >= start && f.disc[v]! < start + size);
      const outside = x.siteNodes[s]!.every((v) => f.disc[v]! < start || f.disc[v]! >= start + size);
      if ((size <= rest && inside) || (rest <= size && outside)) {
        isolated.add(s);
        hit = true;
      }
    }
    if (hit) badLinks.push(e);
  }
  if (badLinks.length === 0) {
    return {
      passed: true,
      message: `no single link failure isolates any of ${plural(important.length, 'HQ, datacenter or region-hub site')}`,
      evidence: evidence(),
    };
  }
  const names = [...isolated].slice(0, 5).map((s) => x.siteNames[s]);
  return {
    passed: false,
    message: `${plural(badLinks.length, 'single link')} can isolate ${plural(isolated.size, 'important site')} (${names.join(', ')}${isolated.size > 5 ? ', …' : ''})`,
    evidence: evidence(
      [...isolated].flatMap((s) => nodeIdsOf(x, x.siteNodes[s]!)),
      linkIdsOf(x, badLinks),
    ),
  };
}

function assessCritical(x: DesignIndex, f: DfsForest): LevelVerdict {
  const { g } = x;
  const problems: string[] = [];
  const nodes: string[] = [];
  const links: string[] = [];
  const labels = cutLabels(g, f);
  const cuts = twoEdgeCutClasses(g, labels);
  if (cuts.length > 0) {
    const [a, b] = linkIdsOf(x, cuts[0]!.slice(0, 2));
    problems.push(
      cuts.length === 1 && cuts[0]!.length === 2
        ? `losing links ${a} and ${b} together disconnects the network`
        : `${plural(cuts.length, 'group')} of links where any two failures disconnect the network (e.g. ${a} and ${b})`,
    );
    // Evidence: the first pair of each group, the links to protect first.
    for (const c of cuts) links.push(...linkIdsOf(x, c.slice(0, 2)));
  }
  const failedNodes = new Uint8Array(g.nodeIds.length);
  const badSites: string[] = [];
  x.siteNodes.forEach((members, s) => {
    // With no articulation point (HIGH holds), losing one device cannot split the rest.
    if (members.length < 2) return;
    for (const v of members) failedNodes[v] = 1;
    if (connectedComponents(g, failedNodes).count > 1) {
      badSites.push(x.siteNames[s]!);
      nodes.push(...nodeIdsOf(x, members));
    }
    for (const v of members) failedNodes[v] = 0;
  });
  if (badSites.length > 0) problems.push(`losing site ${badSites.slice(0, 5).join(', ')}${badSites.length > 5 ? ', …' : ''} splits the network`);
  const groups = new Map<string, number[]>();
  for (let e = 0; e < g.linkIds.length; e++) {
    for (const tag of x.topology.links[g.linkOrigin[e]!]!.srlgs) {
      if (tag.startsWith('site:')) continue;
      const list = groups.get(tag);
      if (list) list.push(e);
      else groups.set(tag, [e]);
    }
  }
  const badGroups: string[] = [];
  for (const [tag, list] of groups) {
    if (list.length < 2) continue;
    if (linksDisconnect(g, labels, list)) {
      badGroups.push(tag);
      links.push(...linkIdsOf(x, list));
    }
  }
  if (badGroups.length > 0) problems.push(`shared-risk group ${badGroups.slice(0, 5).join(', ')}${badGroups.length > 5 ? ', …' : ''} splits the network`);
  if (problems.length === 0) {
    return {
      passed: true,
      message: 'survives any two link failures, any one site outage and any one shared-risk-group outage',
      evidence: evidence(),
    };
  }
  return { passed: false, message: problems.join('; '), evidence: evidence(nodes, links) };
}
