import type { Topology } from '../../../src-shared/model/topology';
import { elementNamer } from '../../../src-shared/model/names';
import type { FailureKind } from '../../canvas/types';

/** One toggle of the what-if panel: what it fails (kind, id) and how it reads. */
export interface Chip {
  kind: Extract<FailureKind, 'sites' | 'regions' | 'srlgs'>;
  id: string;
  /** The name shown (a site's name, a duct's two sites), never a bare id when a name exists. */
  label: string;
  region: string;
  /** The site's role; for a shared-risk group its sort (duct, building, other). */
  role: string;
}

export type GroupBy = 'region' | 'role';

export interface ChipGroup {
  key: string;
  chips: Chip[];
}

const UNKNOWN = '(none)';

/**
 * The chips for a design's sites, regions and shared-risk groups, named. A
 * shared-risk group's region is the one most of its links' ends stand in, so
 * ducts group with the sites they join.
 */
export function buildChips(t: Topology, ids: { sites: readonly string[]; regions: readonly string[]; srlgs: readonly string[] }): Chip[] {
  const namer = elementNamer(t);
  const site = new Map(t.sites.map((s) => [s.id, s]));
  const deviceRegion = new Map(t.nodes.map((d) => [d.id, d.region ?? (d.site !== undefined ? site.get(d.site)?.region : undefined) ?? UNKNOWN]));
  const srlgRegions = new Map<string, Map<string, number>>();
  for (const l of t.links) {
    for (const tag of l.srlgs) {
      let counts = srlgRegions.get(tag);
      if (!counts) srlgRegions.set(tag, (counts = new Map<string, number>()));
      for (const end of [l.source, l.target]) {
        const r = deviceRegion.get(end) ?? UNKNOWN;
        counts.set(r, (counts.get(r) ?? 0) + 1);
      }
    }
  }
  const mostly = (counts: Map<string, number> | undefined): string =>
    counts === undefined ? UNKNOWN : [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? UNKNOWN;
  const srlgRole = (tag: string): string => (tag.startsWith('duct:') ? 'duct' : tag.startsWith('site:') ? 'building' : 'other shared risk');
  return [
    ...ids.sites.map((id): Chip => {
      const s = site.get(id);
      return { kind: 'sites', id, label: s?.name ?? id, region: s?.region ?? UNKNOWN, role: s?.role ?? UNKNOWN };
    }),
    ...ids.regions.map((id): Chip => ({ kind: 'regions', id, label: id, region: id, role: 'region' })),
    ...ids.srlgs.map((tag): Chip => ({ kind: 'srlgs', id: tag, label: namer.srlg(tag), region: mostly(srlgRegions.get(tag)), role: srlgRole(tag) })),
  ];
}

/** Chips whose name, id, region or role holds every word of the query (case-insensitive). */
export function filterChips(chips: readonly Chip[], query: string): Chip[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...chips];
  return chips.filter((c) => {
    const hay = `${c.label} ${c.id} ${c.region} ${c.role}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Groups by region or role, largest group first (then by name), chips by name inside each. */
export function groupChips(chips: readonly Chip[], by: GroupBy): ChipGroup[] {
  const groups = new Map<string, Chip[]>();
  for (const c of chips) {
    const key = by === 'region' ? c.region : c.role;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(c);
  }
  return [...groups]
    .map(([key, cs]) => ({ key, chips: cs.sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true })) }))
    .sort((a, b) => b.chips.length - a.chips.length || a.key.localeCompare(b.key));
}
