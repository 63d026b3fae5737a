import { elementNamer } from '../../../src-shared/model/names';
import type { Device, Link, Topology } from '../../../src-shared/model/topology';

/** An element in both designs whose properties differ, with what changed in words. */
export interface Changed {
  /** Its id in the first design and in the second (a link may carry another id). */
  a: string;
  b: string;
  what: string[];
}

/**
 * What tells design `b` from design `a`. Devices are matched by id, then by
 * name; links by the devices they join (matched as above), parallel links in
 * order, never by link id (generators number links, so l7 of one family is
 * not l7 of another). Ids are `a`'s for removed, `b`'s for added.
 */
export interface DesignDiff {
  devices: { added: string[]; removed: string[]; changed: Changed[] };
  links: { added: string[]; removed: string[]; changed: Changed[] };
}

const DEVICE_FIELDS: { key: 'name' | 'role' | 'site' | 'model' | 'ports'; word: string }[] = [
  { key: 'name', word: 'name' },
  { key: 'role', word: 'role' },
  { key: 'site', word: 'site' },
  { key: 'model', word: 'model' },
  { key: 'ports', word: 'ports' },
];

const num = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

function linkChanges(x: Link, y: Link): string[] {
  const out: string[] = [];
  if (x.capacityGbps !== y.capacityGbps) out.push(`capacity ${num(x.capacityGbps)} → ${num(y.capacityGbps)} Gbit/s`);
  if (x.igpWeight !== y.igpWeight) out.push(`IGP weight ${x.igpWeight} → ${y.igpWeight}`);
  if ((x.transport ?? '') !== (y.transport ?? '')) out.push(`transport ${x.transport ?? 'none'} → ${y.transport ?? 'none'}`);
  if ((x.lagMembers ?? 1) !== (y.lagMembers ?? 1)) out.push(`LAG members ${x.lagMembers ?? 1} → ${y.lagMembers ?? 1}`);
  if (Math.abs(x.latencyMs - y.latencyMs) > 0.005) out.push(`latency ${x.latencyMs.toFixed(2)} → ${y.latencyMs.toFixed(2)} ms`);
  const sx = [...x.srlgs].sort().join(',');
  const sy = [...y.srlgs].sort().join(',');
  if (sx !== sy) out.push('shared-risk groups');
  return out;
}

export function diffDesigns(a: Topology, b: Topology): DesignDiff {
  // Devices: by id, then the rest by name.
  const bById = new Map(b.nodes.map((d) => [d.id, d]));
  const bByName = new Map<string, Device>();
  for (const d of b.nodes) if (!bByName.has(d.name)) bByName.set(d.name, d);
  const match = new Map<string, string>(); // a id → b id
  const taken = new Set<string>();
  for (const d of a.nodes) {
    if (bById.has(d.id)) {
      match.set(d.id, d.id);
      taken.add(d.id);
    }
  }
  for (const d of a.nodes) {
    if (match.has(d.id)) continue;
    const other = bByName.get(d.name);
    if (other !== undefined && !taken.has(other.id) && !a.nodes.some((x) => x.id === other.id)) {
      match.set(d.id, other.id);
      taken.add(other.id);
    }
  }
  const devices: DesignDiff['devices'] = { added: [], removed: [], changed: [] };
  for (const d of a.nodes) {
    const other = match.get(d.id);
    if (other === undefined) {
      devices.removed.push(d.id);
      continue;
    }
    const y = bById.get(other)!;
    const what = DEVICE_FIELDS.filter((f) => (d[f.key] ?? null) !== (y[f.key] ?? null)).map((f) => `${f.word} ${d[f.key] ?? 'none'} → ${y[f.key] ?? 'none'}`);
    if (what.length > 0) devices.changed.push({ a: d.id, b: other, what });
  }
  for (const d of b.nodes) if (!taken.has(d.id)) devices.added.push(d.id);

  // Links: by their matched ends (unordered), parallels in order.
  const pairKey = (x: string, y: string): string => (x < y ? `${x}\n${y}` : `${y}\n${x}`);
  const bLinks = new Map<string, Link[]>();
  for (const l of b.links) {
    const k = pairKey(l.source, l.target);
    const list = bLinks.get(k);
    if (list) list.push(l);
    else bLinks.set(k, [l]);
  }
  const links: DesignDiff['links'] = { added: [], removed: [], changed: [] };
  const used = new Set<string>();
  for (const l of a.links) {
    const s = match.get(l.source);
    const t = match.get(l.target);
    const candidates = s === undefined || t === undefined ? undefined : bLinks.get(pairKey(s, t));
    const y = candidates?.find((c) => !used.has(c.id));
    if (y === undefined) {
      links.removed.push(l.id);
      continue;
    }
    used.add(y.id);
    const what = linkChanges(l, y);
    if (what.length > 0) links.changed.push({ a: l.id, b: y.id, what });
  }
  for (const l of b.links) if (!used.has(l.id)) links.added.push(l.id);
  return { devices, links };
}

/** The element ids to colour on each design's canvas: `a` shows what was removed and changed, `b` what was added and changed. */
export function diffMarks(d: DesignDiff): {
  a: { added: Set<string>; removed: Set<string>; changed: Set<string> };
  b: { added: Set<string>; removed: Set<string>; changed: Set<string> };
} {
  return {
    a: { added: new Set(), removed: new Set([...d.devices.removed, ...d.links.removed]), changed: new Set([...d.devices.changed, ...d.links.changed].map((c) => c.a)) },
    b: { added: new Set([...d.devices.added, ...d.links.added]), removed: new Set(), changed: new Set([...d.devices.changed, ...d.links.changed].map((c) => c.b)) },
  };
}

/** One line per difference, in names, for the list under the canvases. */
export interface DiffLine {
  change: 'added' | 'removed' | 'changed';
  kind: 'device' | 'link';
  text: string;
}

export function diffInWords(d: DesignDiff, a: Topology, b: Topology): DiffLine[] {
  const na = elementNamer(a);
  const nb = elementNamer(b);
  return [
    ...d.devices.added.map((id): DiffLine => ({ change: 'added', kind: 'device', text: nb.device(id) })),
    ...d.links.added.map((id): DiffLine => ({ change: 'added', kind: 'link', text: nb.link(id) })),
    ...d.devices.removed.map((id): DiffLine => ({ change: 'removed', kind: 'device', text: na.device(id) })),
    ...d.links.removed.map((id): DiffLine => ({ change: 'removed', kind: 'link', text: na.link(id) })),
    ...d.devices.changed.map((c): DiffLine => ({ change: 'changed', kind: 'device', text: `${nb.device(c.b)}: ${c.what.join('; ')}` })),
    ...d.links.changed.map((c): DiffLine => ({ change: 'changed', kind: 'link', text: `${nb.link(c.b)}: ${c.what.join('; ')}` })),
  ];
}
