import fs from 'node:fs';
import path from 'node:path';
import { retailChain } from '../../helpers/retail-intents';

/**
 * The designs the capacity/availability fast path is compared on
 * (fast-path.test.ts), and what is measured on each: every numeric field a
 * surface shows or a verdict reads — each link's sized capacity and price,
 * the cost breakdown, the whole validation, the learning sample's metrics
 * and label, the availability report, and the capacity-under-failure report
 * over every failure kind (per-link worst utilisation and the failure
 * causing it, worst case per kind, baseline, failures over the limit).
 *
 * `measureAll(root)` loads the modules from a source tree, so the golden
 * file can be written by the code as it was before the speed work
 * (fast-path-golden.ts) and compared with the code as it is now.
 */

type Mod = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Lib {
  generate: Mod;
  validate: Mod;
  capacity: Mod;
  traffic: Mod;
  csr: Mod;
  availability: Mod;
  sample: Mod;
  intent: Mod;
  topology: Mod;
}

export async function loadLib(root: string): Promise<Lib> {
  const load = (p: string): Promise<Mod> => import(path.resolve(root, p));
  return {
    generate: await load('generate/generate.ts'),
    validate: await load('validate/validate.ts'),
    capacity: await load('model/capacity.ts'),
    traffic: await load('model/traffic.ts'),
    csr: await load('sim/csr.ts'),
    availability: await load('sim/availability.ts'),
    sample: await load('learn/sample.ts'),
    intent: await load('model/intent.ts'),
    topology: await load('model/topology.ts'),
  };
}

const here = path.dirname(new URL(import.meta.url).pathname);

const FAMILIES = ['hub-spoke', 'dual-hub', 'tree', 'leaf-spine', 'ring', 'dual-ring', 'partial-mesh', 'full-mesh', 'hybrid'];

/** Generated cases: (intent, families); a family that is not applicable or cannot be built is recorded as such. */
function generatedCases(): { name: string; intent: unknown; families: string[] }[] {
  const realistic = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(here, '../../fixtures/intents/realistic', file), 'utf8'));
  return [
    { name: 'retail-40-high-cost', intent: retailChain(40, 'HIGH', 'cost'), families: FAMILIES },
    { name: 'retail-10-critical-balanced', intent: retailChain(10, 'CRITICAL', 'balanced'), families: FAMILIES },
    { name: 'retail-24-standard-latency', intent: retailChain(24, 'STANDARD', 'latency'), families: ['tree', 'ring', 'partial-mesh', 'hybrid'] },
    { name: 'ca-government-40', intent: realistic('ca-government-40.intent.json'), families: ['dual-hub', 'tree', 'partial-mesh', 'hybrid'] },
  ];
}

/**
 * Hand-built designs: a triangle (two nearby datacenters, one across the
 * ocean), a square with one diagonal whose two long sides share a duct, and
 * a hub with a spoke hanging off a single circuit.
 */
function handBuilt(lib: Lib): { name: string; topology: unknown; intent: unknown }[] {
  const T = lib.topology.TopologySchema;
  const site = (id: string, name: string, role: string, region: string, lat: number, lon: number, bw: number) => ({ id, name, role, region, lat, lon, bandwidthMbps: bw });
  const dev = (id: string, s: string, role = 'core') => ({ id, name: id, role, site: s, ports: 48 });
  const link = (id: string, a: string, b: string, gbps: number, km: number, w: number, srlgs: string[] = []) => ({
    id,
    source: a,
    target: b,
    capacityGbps: gbps,
    igpWeight: w,
    distanceKm: km,
    latencyMs: km / 200,
    srlgs,
  });
  const intentOf = (redundancy: string) => ({ name: 'hand-built', redundancy, goal: 'balanced', siteGroups: [{ role: 'branch', region: 'eu', count: 1 }] });
  return [
    {
      name: 'triangle',
      intent: intentOf('HIGH'),
      topology: T.parse({
        name: 'triangle',
        sites: [site('A', 'Amsterdam DC', 'datacenter', 'eu', 52.37, 4.9, 40000), site('B', 'Rotterdam DC', 'datacenter', 'eu', 51.92, 4.48, 40000), site('C', 'New York DC', 'datacenter', 'us', 40.71, -74, 20000)],
        nodes: [dev('rA', 'A'), dev('rB', 'B'), dev('rC', 'C')],
        links: [link('ab', 'rA', 'rB', 100, 60, 10, ['duct:A~B']), link('ac', 'rA', 'rC', 100, 6000, 10, ['duct:A~C']), link('cb', 'rC', 'rB', 40, 6000, 10, ['duct:B~C'])],
      }),
    },
    {
      name: 'square-shared-duct',
      intent: intentOf('STANDARD'),
      topology: T.parse({
        name: 'square',
        sites: [
          site('P', 'Paris HQ', 'hq', 'eu', 48.86, 2.35, 5000),
          site('L', 'London DC', 'datacenter', 'eu', 51.51, -0.13, 20000),
          site('F', 'Frankfurt hub', 'region-hub', 'eu', 50.11, 8.68, 5000),
          site('M', 'Madrid branch', 'branch', 'eu', 40.42, -3.7, 1000),
        ],
        nodes: [dev('p1', 'P'), dev('p2', 'P'), dev('l1', 'L'), dev('f1', 'F'), dev('m1', 'M', 'edge')],
        links: [
          link('p12', 'p1', 'p2', 100, 0, 1, ['site:P']),
          link('pl', 'p1', 'l1', 100, 450, 3, ['duct:P~L']),
          link('pf', 'p2', 'f1', 40, 570, 3, ['duct:P~F']),
          link('lf', 'l1', 'f1', 40, 640, 4, ['duct:X']),
          link('lm', 'l1', 'm1', 10, 1260, 7, ['duct:X']),
          link('pm', 'p2', 'm1', 10, 1050, 6, ['duct:P~M']),
          link('pl2', 'p2', 'l1', 10, 450, 5, ['duct:P~L#2']),
        ],
      }),
    },
    {
      name: 'hub-with-single-homed-spoke',
      intent: intentOf('NONE'),
      topology: T.parse({
        name: 'hub',
        sites: [site('H', 'Chicago hub', 'region-hub', 'us', 41.88, -87.63, 10000), site('S1', 'Denver', 'branch', 'us', 39.74, -104.99, 500), site('S2', 'Austin', 'branch', 'us', 30.27, -97.74, 500)],
        nodes: [dev('h1', 'H', 'hub'), dev('h2', 'H', 'hub'), dev('s1', 'S1', 'spoke'), dev('s2', 'S2', 'spoke')],
        links: [link('hh', 'h1', 'h2', 100, 0, 1, ['site:H']), link('a', 'h1', 's1', 1, 1480, 8), link('b', 'h2', 's1', 1, 1480, 9), link('c', 'h1', 's2', 1, 1570, 8)],
      }),
    },
  ];
}

const arr = (a: ArrayLike<number>): number[] => Array.from(a);

/** The capacity report's fields (typed arrays as plain arrays; the failure list by its words and elements). */
function capacityFields(r: Record<string, unknown>): unknown {
  const failures = (r['failures'] as { kind: string; label: string; nodes: number[]; links: number[] }[]).map((f) => `${f.kind}|${f.label}|${f.nodes.join(',')}|${f.links.join(',')}`);
  return {
    limit: r['limit'],
    totalDemandGbps: r['totalDemandGbps'],
    basis: r['basis'],
    baseline: r['baseline'],
    byKind: r['byKind'],
    perLink: arr(r['perLink'] as Float64Array),
    perLinkFailure: arr(r['perLinkFailure'] as Int32Array),
    failures,
    overLimit: r['overLimit'],
  };
}

function measureTopology(lib: Lib, t: Record<string, unknown>, intent: Record<string, unknown>): Record<string, unknown> {
  const g = lib.csr.compileTopology(t);
  const demands = lib.traffic.designDemands(t, g, intent);
  return {
    capacity: capacityFields(lib.capacity.capacityUnderFailure(t, g, demands, 0.8, lib.capacity.CLASS_FAILURES.CRITICAL)),
    availability: lib.availability.availability(t, { seed: 1 }),
  };
}

export async function measureAll(root: string): Promise<Record<string, unknown>> {
  const lib = await loadLib(root);
  const out: Record<string, unknown> = {};
  for (const c of generatedCases()) {
    const intent = lib.intent.IntentSchema.parse(c.intent);
    for (const family of c.families) {
      const key = `${c.name}/${family}`;
      let d: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      try {
        d = lib.generate.generateDesign(intent, family, 1);
      } catch (err) {
        out[key] = { notBuilt: (err as Error).message };
        continue;
      }
      const t = d['topology'];
      const sample = lib.sample.sampleFromDesign(d, intent, { id: 'x', origin: 'bench', softwareVersion: 'x', createdAt: 0 });
      out[key] = {
        links: (t.links as Record<string, unknown>[]).map((l) => [l['id'], l['source'], l['target'], l['capacityGbps'], l['costUsd'], l['transport']]),
        devices: t.nodes.length,
        cost: d['cost'],
        validation: d['validation'],
        metrics: sample.metrics,
        label: sample.label,
        ...measureTopology(lib, t, intent),
      };
    }
  }
  for (const h of handBuilt(lib)) {
    const intent = lib.intent.IntentSchema.parse(h.intent);
    const t = h.topology as Record<string, unknown>;
    out[`hand-built/${h.name}`] = { validation: lib.validate.validateDesign(t, intent), ...measureTopology(lib, t, intent) };
  }
  return out;
}

/**
 * Differences between two measurements: every string, boolean and null
 * must be equal; numbers equal to within `rel` relative (absolute near 0),
 * which is far below any figure shown and far above the rounding of a
 * summation order. Returns the paths that differ.
 */
export function differences(a: unknown, b: unknown, rel: number, at = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Object.is(a, b) || a === b) return [];
    const scale = Math.max(Math.abs(a), Math.abs(b));
    return Number.isFinite(scale) && Math.abs(a - b) <= rel * Math.max(scale, 1e-9) ? [] : [`${at}: ${a} ≠ ${b}`];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${at}: length ${a.length} ≠ ${b.length}`];
    return a.flatMap((x, i) => differences(x, b[i], rel, `${at}[${i}]`));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join('|') !== kb.join('|')) return [`${at}: keys ${ka.join(',')} ≠ ${kb.join(',')}`];
    return ka.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], rel, `${at}.${k}`));
  }
  return a === b ? [] : [`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}
