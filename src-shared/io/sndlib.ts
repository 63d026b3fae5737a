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
  links: { id: string; source: string; target: string; capacity: number; routingCost: number }[];
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
      const rest = m[4]!.split(/\s+/);
      out.links.push({ id: m[1]!, source: m[2]!, target: m[3]!, capacity: num(rest[0], 'capacity'), routingCost: num(rest[2] ?? '0', 'routing cost') });
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

/**
 * The SNDlib network as a design: nodes as routers (with coordinates),
 * links with their pre-installed capacity (in Gbit/s when the unit is known,
 * else read as Mbit/s) and routing cost as IGP weight when positive.
 */
export function sndlibTopology(net: SndlibNetwork, name = 'SNDlib network'): Topology {
  const toGbps = net.unitGbps ?? 1e-3;
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
        ...(l.capacity > 0 ? { capacityGbps: l.capacity * toGbps } : {}),
        ...(l.routingCost > 0 ? { igpWeight: l.routingCost } : {}),
      })),
  });
}
