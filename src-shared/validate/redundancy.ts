import type { Redundancy } from '../model/intent';
import { connectedComponents, dfsForest, type DfsForest } from '../sim/connectivity';
import { failureElements, FailureState, siteSplit, splitCandidates, type Element } from './survival';
import { cutLabels, linksDisconnect, twoEdgeCutClasses } from './cuts';
import { linkIdsOf, nodeIdsOf, type DesignIndex } from './design-index';
import { evidence, plural, type Evidence } from './types';

/**
 * The redundancy classes as survivable failure sets (docs/planning-model.md),
 * each including the one below. Elements are links, devices and shared-risk
 * groups (survival.ts); "surviving sites" are sites with a working device.
 * - NONE: every device reaches every other (one component).
 * - STANDARD: no single link or shared-risk-group (duct) failure cuts off an
 *   HQ, datacenter or region-hub site from the rest.
 * - HIGH: no single link, device or shared-risk-group failure disconnects
 *   two surviving sites, and every HQ, datacenter and region-hub site has
 *   two devices (a lone device, or a one-device core site, is a single point
 *   of failure).
 * - CRITICAL: no failure of any two elements, in any mix, disconnects
 *   surviving sites, and no single site outage splits the rest. A design of
 *   one site cannot meet it (a site outage leaves nothing).
 * Two circuits in one duct or on one device therefore never count as diverse.
 * Checked exactly: the single failures that can split anything are the
 * bridges, cut vertices and dependent SRLGs (one DFS plus cycle-space labels,
 * confirmed with a BFS); for pairs, the same after each first element:
 * O(E · (n + m)) for E elements. Above CRITICAL_EXACT_WORK that product,
 * only link pairs, site outages and SRLGs are checked: they can refute
 * CRITICAL but not certify it, so the class is reported as not certified.
 * Devices without a site count as important when their role is core, hub,
 * spine or super-spine; they form a site of their own.
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

/** Largest elements × (devices + links) for which every pair of elements is checked. */
export const CRITICAL_EXACT_WORK = 30_000_000;

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
  if (!none.passed || n === 0) {
    const skip = notEvaluated('NONE (connected)');
    return { components, achieved: n === 0 ? null : null, levels: { NONE: none, STANDARD: skip, HIGH: skip, CRITICAL: skip } };
  }
  const elements = failureElements(x);
  const standard = assessStandard(x, elements);
  const high = standard.passed ? assessHigh(x, elements) : notEvaluated('STANDARD');
  const critical = high.passed ? assessCritical(x, forest, elements) : notEvaluated('HIGH');
  const achieved = critical.passed ? 'CRITICAL' : high.passed ? 'HIGH' : standard.passed ? 'STANDARD' : 'NONE';
  return { components, achieved, levels: { NONE: none, STANDARD: standard, HIGH: high, CRITICAL: critical } };
}

const siteList = (x: DesignIndex, sites: Iterable<number>): string => {
  const names = [...sites].map((s) => x.siteNames[s]!);
  return `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;
};

function assessStandard(x: DesignIndex, elements: readonly Element[]): LevelVerdict {
  const important = x.siteNodes.map((_, s) => s).filter((s) => x.siteNodes[s]!.length > 0 && isImportant(x, s));
  const isImp = new Set(important);
  const f = new FailureState(x.g);
  const singles = elements.filter((el) => el.kind !== 'device');
  const bad: Element[] = [];
  const isolated = new Set<number>();
  for (const el of splitCandidates(x, singles, f)) {
    f.apply(el);
    const hit = siteSplit(x, f).cutOff.filter((s) => isImp.has(s));
    f.clear();
    if (hit.length > 0) {
      bad.push(el);
      hit.forEach((s) => isolated.add(s));
    }
  }
  if (bad.length === 0) {
    return {
      passed: true,
      message: `no single link or shared-risk-group (duct) failure cuts off any of ${plural(important.length, 'HQ, datacenter or region-hub site')}`,
      evidence: evidence(),
    };
  }
  return {
    passed: false,
    message: `${plural(bad.length, 'single failure')} (${bad.slice(0, 3).map((e) => e.label).join(', ')}${bad.length > 3 ? ', …' : ''}) can cut off ${plural(isolated.size, 'important site')} (${siteList(x, isolated)})`,
    evidence: evidence(
      [...isolated].flatMap((s) => nodeIdsOf(x, x.siteNodes[s]!)),
      bad.flatMap((el) => linkIdsOf(x, el.links)),
    ),
  };
}

function assessHigh(x: DesignIndex, elements: readonly Element[]): LevelVerdict {
  const { g } = x;
  if (g.nodeIds.length < 2) {
    return { passed: false, message: 'one device: when it fails nothing is left (HIGH needs no single point of failure)', evidence: evidence(nodeIdsOf(x, [0])) };
  }
  // Real HQ, datacenter and hub sites only: a device without a site is a "site" of one by construction.
  const lone = x.siteNodes.map((_, s) => s).filter((s) => x.siteNodes[s]!.length === 1 && x.siteRoles[s] !== null && isImportant(x, s));
  const f = new FailureState(g);
  const bad: Element[] = [];
  const cut = new Set<number>();
  for (const el of splitCandidates(x, elements, f)) {
    f.apply(el);
    const split = siteSplit(x, f).cutOff;
    f.clear();
    if (split.length > 0) {
      bad.push(el);
      split.forEach((s) => cut.add(s));
    }
  }
  if (bad.length === 0 && lone.length === 0) {
    return { passed: true, message: 'no single link, device or shared-risk-group failure disconnects surviving sites; every core site has two devices', evidence: evidence() };
  }
  const problems: string[] = [];
  if (bad.length > 0) {
    problems.push(`${plural(bad.length, 'single failure')} disconnect surviving sites (${bad.slice(0, 3).map((e) => e.label).join(', ')}${bad.length > 3 ? ', …' : ''}; cut off: ${siteList(x, cut)})`);
  }
  if (lone.length > 0) problems.push(`${plural(lone.length, 'HQ, datacenter or hub site')} stand on one device (${siteList(x, lone)})`);
  return {
    passed: false,
    message: problems.join('; '),
    evidence: evidence(
      [...bad.flatMap((el) => nodeIdsOf(x, el.nodes)), ...lone.flatMap((s) => nodeIdsOf(x, x.siteNodes[s]!))],
      bad.flatMap((el) => linkIdsOf(x, el.links)),
    ),
  };
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

function assessCriticalApprox(x: DesignIndex, f: DfsForest): LevelVerdict {
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

/** Site outages: the rest must stay connected. */
function siteOutageSplits(x: DesignIndex): number[] {
  const f = new FailureState(x.g);
  const bad: number[] = [];
  x.siteNodes.forEach((members, s) => {
    if (members.length === 0) return;
    f.apply({ kind: 'device', id: -1, links: [], nodes: members, label: '' });
    if (siteSplit(x, f).cutOff.length > 0) bad.push(s);
    f.clear();
  });
  return bad;
}

function assessCritical(x: DesignIndex, forest: DfsForest, elements: readonly Element[]): LevelVerdict {
  const { g } = x;
  const sites = x.siteNodes.filter((m) => m.length > 0).length;
  if (sites < 2) {
    return {
      passed: false,
      message: 'one site: a site outage (power, fire, flood) takes the whole network down; CRITICAL needs the service to survive at another site',
      evidence: evidence(),
    };
  }
  const work = elements.length * (g.nodeIds.length + g.linkIds.length);
  if (work > CRITICAL_EXACT_WORK) {
    // Not certified without the exact check: the link-pair, site and SRLG test can only refute it.
    const v = assessCriticalApprox(x, forest);
    const why = `${elements.length.toLocaleString('en-US')} elements are too many to check every pair of failures here`;
    return v.passed
      ? { passed: false, message: `not certified: ${why}; no link pair, site outage or shared-risk group splits it`, evidence: v.evidence }
      : { ...v, message: `${v.message} (${why}; pairs involving devices were not enumerated)` };
  }
  const f = new FailureState(g);
  const pairs: [Element, Element][] = [];
  let count = 0;
  const index = new Map(elements.map((el, i) => [el, i]));
  // The verdict needs one failing pair; EVIDENCE_PAIRS of them are reported, then the search stops.
  for (let i = 0; i < elements.length && count < EVIDENCE_PAIRS; i++) {
    const a = elements[i]!;
    f.apply(a);
    const candidates = splitCandidates(x, elements, f);
    f.clear();
    for (const b of candidates) {
      if (index.get(b)! <= i || count >= EVIDENCE_PAIRS) continue;
      f.apply(a);
      f.apply(b);
      if (siteSplit(x, f).cutOff.length > 0) {
        count++;
        pairs.push([a, b]);
      }
      f.clear();
    }
  }
  const outages = siteOutageSplits(x);
  if (count === 0 && outages.length === 0) {
    return { passed: true, message: 'no failure of any two elements (links, devices, shared-risk groups) disconnects surviving sites, and no site outage splits the rest', evidence: evidence() };
  }
  const problems: string[] = [];
  if (count > 0) problems.push(`${count >= EVIDENCE_PAIRS ? `at least ${count} pairs` : plural(count, 'pair')} of failures disconnect surviving sites (e.g. ${pairs.slice(0, 3).map(([a, b]) => `${a.label} + ${b.label}`).join('; ')})`);
  if (outages.length > 0) problems.push(`losing site ${siteList(x, outages)} splits the rest`);
  return {
    passed: false,
    message: problems.join('; '),
    evidence: evidence(
      [...pairs.flatMap(([a, b]) => nodeIdsOf(x, [...a.nodes, ...b.nodes])), ...outages.flatMap((s) => nodeIdsOf(x, x.siteNodes[s]!))],
      pairs.flatMap(([a, b]) => linkIdsOf(x, [...a.links, ...b.links])),
    ),
  };
}

const EVIDENCE_PAIRS = 20;
