import { restoreTopology, type Topology } from '../model/topology';

/**
 * SNDlib native format reader (Orlowski et al., "SNDlib 1.0 – Survivable
 * Network Design Library", Networks 55(3), 2010). Reads META, NODES, LINKS
 * and DEMANDS as they are; ADMISSIBLE_PATHS and any other section are
 * skipped. Demands stay directed (source → target) with their values and the
 * META unit untouched. Lines starting with '#' are comments. O(file size).
 */
export interface SndlibNetwork {
  meta: Record<string, string>;
  nodes: { id: string; lon: number; lat: number }[];
  /** capacity: pre-installed; modules: the installable module capacities, smallest first. */
  links: { id: string; source: string; target: string; capacity: number; routingCost: number; modules: number[] }[];
  demands: { id: string; source: string; target: string; value: number }[];
  /** Gbit/s per demand unit from META unit (MBITPERSEC, BITSPERSEC…); undefined when unstated. */
  unitGbps: number | undefined;
}

export class SndlibError extends Error {
  override name = 'SndlibError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}: line ${line}: ${detail}`);
  }
}

const UNITS: Record<string, number> = { BITPERSEC: 1e-9, BITSPERSEC: 1e-9, KBITPERSEC: 1e-6, MBITPERSEC: 1e-3, GBITPERSEC: 1 };

/** Parses SNDlib native text. Throws SndlibError (with a line) on malformed content. */
export function parseSndlib(text: string, file = 'network.txt'): SndlibNetwork {
  const lines = text.split(/\r?\n/);
  const out: SndlibNetwork = { meta: {}, nodes: [], links: [], demands: [], unitGbps: undefined };
  let section: string | null = null;
  let depth = 0; // nesting inside a section (ADMISSIBLE_PATHS nests one level deeper)
  let sawSection = false;
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '' || line.startsWith('?')) return;
    const open = /^([A-Z_]+)\s*\($/.exec(line);
    if (section === null) {
      if (open === null) throw new SndlibError(file, lineNo, `expected a section such as "NODES (", got "${line.slice(0, 40)}"`);
      section = open[1]!;
      depth = 1;
      sawSection = true;
      return;
    }
    if (line === ')') {
      if (--depth === 0) section = null;
      return;
    }
    if (/\($/.test(line) && !/\)/.test(line)) {
      depth++; // a nested block (admissible paths of one demand)
      return;
    }
    if (depth > 1) return;
    const fail = (what: string): never => {
      throw new SndlibError(file, lineNo, `${section} entry: ${what}: "${line.slice(0, 60)}"`);
    };
    const num = (s: string | undefined, what: string): number => {
      const v = Number(s);
      if (s === undefined || !Number.isFinite(v)) fail(`${what} is not a number`);
      return v;
    };
    if (section === 'META') {
      const m = /^(\S+)\s*=\s*(.*)$/.exec(line);
      if (m) out.meta[m[1]!] = m[2]!.trim();
    } else if (section === 'NODES') {
      const m = /^(\S+)\s*\(\s*(\S+)\s+(\S+)\s*\)$/.exec(line) ?? fail('expected id ( lon lat )');
      out.nodes.push({ id: m[1]!, lon: num(m[2], 'longitude'), lat: num(m[3], 'latitude') });
    } else if (section === 'LINKS') {
      const m = /^(\S+)\s*\(\s*(\S+)\s+(\S+)\s*\)\s*(.*)$/.exec(line) ?? fail('expected id ( source target ) …');
      const mods = /\(([^)]*)\)\s*$/.exec(m[4]!);
      const rest = m[4]!.replace(/\([^)]*\)\s*$/, '').trim().split(/\s+/);
      const pairs = mods ? mods[1]!.trim().split(/\s+/).filter((x) => x !== '').map(Number) : [];
      const modules: number[] = [];
      for (let k = 0; k + 1 < pairs.length; k += 2) if (Number.isFinite(pairs[k]) && pairs[k]! > 0) modules.push(pairs[k]!);
      modules.sort((a, b) => a - b);
      out.links.push({ id: m[1]!, source: m[2]!, target: m[3]!, capacity: num(rest[0], 'capacity'), routingCost: num(rest[2] ?? '0', 'routing cost'), modules });
    } else if (section === 'DEMANDS') {
      const m = /^(\S+)\s*\(\s*(\S+)\s+(\S+)\s*\)\s+(\S+)\s+(\S+)/.exec(line) ?? fail('expected id ( source target ) unit value …');
      out.demands.push({ id: m[1]!, source: m[2]!, target: m[3]!, value: num(m[5], 'demand value') });
    }
  });
  const open: string | null = section;
  if (open !== null) throw new SndlibError(file, lines.length, `section ${String(open)} is never closed with ")"`);
  if (!sawSection) throw new SndlibError(file, 1, 'not an SNDlib native file (no sections)');
  const known = new Set(out.nodes.map((n) => n.id));
  const check = (id: string, what: string): void => {
    if (known.size > 0 && !known.has(id)) {
      const at = lines.findIndex((l) => l.includes(id) && /\(/.test(l));
      throw new SndlibError(file, at + 1, `${what} names unknown node "${id}"`);
    }
  };
  for (const l of out.links) {
    check(l.source, `link ${l.id}`);
    check(l.target, `link ${l.id}`);
  }
  for (const d of out.demands) {
    check(d.source, `demand ${d.id}`);
    check(d.target, `demand ${d.id}`);
  }
  const unit = out.meta['unit'];
  if (unit !== undefined) out.unitGbps = UNITS[unit.toUpperCase()];
  return out;
}

/** Gbit/s per unit of the file: its META unit, else Mbit/s (SNDlib's usual scale; stated in sndlibNotes). */
export const sndlibUnitGbps = (net: SndlibNetwork): number => net.unitGbps ?? 1e-3;

/** A link's capacity in file units: pre-installed, else one module of the smallest size, else 0 (none stated). */
export function sndlibLinkCapacity(l: SndlibNetwork['links'][number]): { capacity: number; from: 'pre-installed' | 'module' | 'none' } {
  if (l.capacity > 0) return { capacity: l.capacity, from: 'pre-installed' };
  if (l.modules.length > 0) return { capacity: l.modules[0]!, from: 'module' };
  return { capacity: 0, from: 'none' };
}

/**
 * Whether the demands are directed: when the file says so (META origin
 * "directed …", as GÉANT's and Abilene's measured matrices) or lists some
 * pair in both directions; SNDlib's design models otherwise treat a demand
 * as undirected, routed in both directions.
 */
export function sndlibDirected(net: SndlibNetwork): boolean {
  const origin = net.meta['origin'] ?? '';
  if (/\bundirected\b/i.test(origin)) return false;
  if (/\bdirected\b/i.test(origin)) return true;
  const seen = new Set(net.demands.map((d) => `${d.source}\u0000${d.target}`));
  return net.demands.some((d) => seen.has(`${d.target}\u0000${d.source}`));
}

/** Demands in Gbit/s, both directions for undirected files. */
export function sndlibDemands(net: SndlibNetwork): { source: string; target: string; volume: number }[] {
  const k = sndlibUnitGbps(net);
  const out = net.demands.map((d) => ({ source: d.source, target: d.target, volume: d.value * k }));
  if (!sndlibDirected(net)) for (const d of net.demands) out.push({ source: d.target, target: d.source, volume: d.value * k });
  return out;
}

/** What the reader assumed, in words, for every report on an SNDlib file. */
export function sndlibNotes(net: SndlibNetwork): string[] {
  const notes: string[] = [];
  notes.push(net.unitGbps === undefined ? 'demand and capacity values carry no unit in the file: read as Mbit/s' : `unit ${net.meta['unit']} as stated in the file`);
  notes.push(sndlibDirected(net) ? 'demands are directed (the file says so, or lists pairs both ways)' : 'demands are undirected: each is routed in both directions');
  const byModule = net.links.filter((l) => sndlibLinkCapacity(l).from === 'module');
  const none = net.links.filter((l) => sndlibLinkCapacity(l).from === 'none');
  if (byModule.length > 0) {
    const sizes = [...new Set(byModule.map((l) => l.modules[0]!))].map((c) => `${c * sndlibUnitGbps(net)} Gbit/s`);
    notes.push(`${byModule.length} of ${net.links.length} links have no pre-installed capacity: given one module of the smallest size (${sizes.join(', ')})`);
  }
  if (none.length > 0) notes.push(`${none.length} links state neither capacity nor modules: given the default 10 Gbit/s`);
  return notes;
}

/**
 * The SNDlib network as a design: nodes as routers (with coordinates),
 * links with their pre-installed capacity, else one module of the smallest
 * size (sndlibNotes says so), in Gbit/s (sndlibUnitGbps), and routing cost
 * as IGP weight when positive.
 */
export function sndlibTopology(net: SndlibNetwork, name = 'SNDlib network'): Topology {
  const toGbps = sndlibUnitGbps(net);
  return restoreTopology({
    name,
    nodes: net.nodes.map((n) => ({
      id: n.id,
      name: n.id,
      role: 'router',
      ...(Math.abs(n.lat) <= 90 && Math.abs(n.lon) <= 180 ? { lat: n.lat, lon: n.lon } : {}),
    })),
    links: net.links
      .filter((l) => l.source !== l.target)
      .map((l) => ({
        id: l.id,
        source: l.source,
        target: l.target,
        ...(sndlibLinkCapacity(l).capacity > 0 ? { capacityGbps: sndlibLinkCapacity(l).capacity * toGbps } : {}),
        ...(l.routingCost > 0 ? { igpWeight: l.routingCost } : {}),
      })),
  });
}
