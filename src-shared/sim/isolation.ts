import type { CompiledGraph } from './csr';

/**
 * Minimal failure sets of at most two elements (links or devices outside the
 * site) that isolate a site, e.g. "these two links isolate Branch-7".
 *
 * A site is isolated when none of its surviving devices can reach a device
 * of any other site (a device without a site is a site of its own, as in
 * impact.ts). Every device outside the site therefore counts as "outside",
 * so a failure set isolates the site exactly when it covers each external
 * link of the site: the link itself fails, or its far end does. Sets are
 * minimal (no proper subset isolates). Links inside the site are irrelevant.
 * O(B²) per site for B external links (all-pairs over candidates).
 * Sites with more than `maxBoundary` external links cannot be cut by two
 * elements unless their far ends collapse to two devices; those are still
 * found because candidates are the distinct far-end devices plus links.
 */
export interface IsolatingSet {
  site: string;
  links: string[];
  devices: string[];
}

export function isolatingSets(g: CompiledGraph, siteOf: readonly string[], maxSets = 10_000): IsolatingSet[] {
  const bySite = new Map<string, number[]>();
  siteOf.forEach((s, v) => {
    const list = bySite.get(s) ?? [];
    list.push(v);
    bySite.set(s, list);
  });
  const out: IsolatingSet[] = [];
  for (const [site, members] of bySite) {
    if (bySite.size < 2) break;
    const inSite = new Set(members);
    const boundary: { e: number; far: number }[] = [];
    for (const v of members) {
      for (let s = g.offsets[v]!; s < g.offsets[v + 1]!; s++) {
        const far = g.targets[s]!;
        if (!inSite.has(far)) boundary.push({ e: g.edgeLink[s]!, far });
      }
    }
    if (boundary.length === 0) continue; // already isolated: nothing to fail
    const farEnds = [...new Set(boundary.map((b) => b.far))];
    // Candidate elements: links as (kind 0, index), devices as (kind 1, index).
    const cands: [0 | 1, number][] = [...boundary.map((b) => [0, b.e] as [0, number]), ...farEnds.map((d) => [1, d] as [1, number])];
    const covers = (set: [0 | 1, number][]): boolean =>
      boundary.every((b) => set.some(([k, x]) => (k === 0 ? x === b.e : x === b.far)));
    const singles = cands.filter((c) => covers([c]));
    const key = (c: [0 | 1, number]): string => `${c[0]}:${c[1]}`;
    const single = new Set(singles.map(key));
    const emit = (set: [0 | 1, number][]): void => {
      out.push({
        site,
        links: set.filter((c) => c[0] === 0).map((c) => g.linkIds[c[1]]!),
        devices: set.filter((c) => c[0] === 1).map((c) => g.nodeIds[c[1]]!),
      });
    };
    for (const c of singles) emit([c]);
    // Two elements can cover at most two far ends' worth of links.
    if (farEnds.length <= 2 || boundary.length <= 2) {
      for (let i = 0; i < cands.length; i++) {
        if (single.has(key(cands[i]!))) continue;
        for (let j = i + 1; j < cands.length; j++) {
          if (single.has(key(cands[j]!))) continue;
          const pair = [cands[i]!, cands[j]!];
          if (covers(pair)) emit(pair);
          if (out.length >= maxSets) return out;
        }
      }
    }
  }
  return out;
}
