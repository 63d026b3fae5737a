/**
 * REPETITA-shaped networks written in the test (no ../shared data): Rocketfuel-style
 * router labels in cities, integer IGP weights 100–1600 (Sprint's range),
 * capacities and delays, parallel links, single-homed stub routers, each
 * city pair's links one duct (an SRLG), and an explicit demand matrix with
 * some zero and some missing pairs — in the REPETITA text format, read by
 * the app's own reader. measureAll runs the full impact sweep (every
 * scenario class, N-2 sampled) of each on one thread with the sim modules
 * found under `root`, so the same cases measure the current code and an old
 * source tree (impact-sweep-golden.ts).
 */
import path from 'node:path';
import { mulberry32 } from '../../../src-shared/lib/rng';

type Mod = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Deterministic generator (mulberry32), so the cases are the same text every run and in every tree. */
const rng = mulberry32;

const CITIES = ['San+Jose,+CA', 'Dallas,+TX', 'New+York,+NY', 'Chicago,+IL', 'Atlanta,+GA', 'Seattle,+WA', 'Denver,+CO', 'Kansas+City,+MO', 'Anaheim,+CA', 'London,+UK', 'Tokyo,+Japan', 'Orlando,+FL', 'Boston,+MA', 'Relay,+MD'];

export interface RepetitaCase {
  name: string;
  graph: string;
  demands: string;
}

/** One network of `cities` PoPs with 1–maxPerCity routers each, plus stubs; its graph and demand files. */
export function repetitaCase(name: string, seed: number, cities: number, maxPerCity: number): RepetitaCase {
  const r = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const labels: string[] = [];
  const cityOf: number[] = [];
  const byCity: number[][] = [];
  for (let c = 0; c < cities; c++) {
    byCity.push([]);
    for (let k = int(1, maxPerCity); k > 0; k--) {
      byCity[c]!.push(labels.length);
      cityOf.push(c);
      labels.push(`${CITIES[c % CITIES.length]}${c >= CITIES.length ? 'x' : ''}${1000 + labels.length}`);
    }
  }
  const edges: [number, number, number, number, number][] = []; // a, b, weight, kbit/s, ms
  const link = (a: number, b: number, w: number): void => {
    const bw = [155_000, 622_000, 2_488_000, 9_953_000][int(0, 3)]!;
    edges.push([a, b, w, bw, int(1, 40)]);
  };
  // Inside a city: a chain of its routers (cheap weights).
  for (const rs of byCity) for (let k = 1; k < rs.length; k++) link(rs[k - 1]!, rs[k]!, int(1, 3) * 100);
  // Between cities: a ring, chords, and parallel circuits on some spans (Sprint has many).
  const pick = (c: number): number => byCity[c]![int(0, byCity[c]!.length - 1)]!;
  for (let c = 0; c < cities; c++) {
    const d = (c + 1) % cities;
    const w = int(2, 16) * 100;
    link(pick(c), pick(d), w);
    if (r() < 0.35) link(pick(c), pick(d), r() < 0.5 ? w : int(2, 16) * 100);
  }
  for (let k = 0; k < Math.floor(cities * 0.8); k++) {
    const a = int(0, cities - 1);
    const b = int(0, cities - 1);
    if (a !== b) link(pick(a), pick(b), int(2, 16) * 100);
  }
  // Single-homed stub routers in some cities (their failure strands their demand).
  for (let k = 0; k < Math.ceil(cities / 4); k++) {
    const c = int(0, cities - 1);
    const v = labels.length;
    cityOf.push(c);
    labels.push(`${CITIES[c % CITIES.length]}${c >= CITIES.length ? 'x' : ''}${1000 + v}`);
    byCity[c]!.push(v);
    link(pick(c), v, 100);
  }
  const n = labels.length;
  const graph = [`NODES ${n}`, 'label x y', ...labels.map((l, i) => `${l} ${(i * 7) % 90} ${(i * 13) % 180}`), '', `EDGES ${edges.length * 2}`, 'label src dest weight bw delay'];
  edges.forEach(([a, b, w, bw, ms], i) => graph.push(`e${2 * i} ${a} ${b} ${w} ${bw} ${ms}`, `e${2 * i + 1} ${b} ${a} ${w} ${bw} ${ms}`));
  const rows: string[] = [];
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < n; t++) {
      if (s === t || r() < 0.08) continue; // some pairs absent
      rows.push(`demand_${rows.length} ${s} ${t} ${r() < 0.05 ? 0 : int(1, 9000)}`);
    }
  }
  return { name, graph: `${graph.join('\n')}\n`, demands: [`DEMANDS ${rows.length}`, 'label src dest bw', ...rows, ''].join('\n') };
}

export const CASES: readonly RepetitaCase[] = [repetitaCase('small', 3, 8, 3), repetitaCase('medium', 11, 14, 5), repetitaCase('wide', 29, 22, 4)];

/** Every scenario's IMPACT_FIELDS of every case, as the sim modules under `root` compute them (one thread). */
export async function measureAll(root: string, cases: readonly RepetitaCase[] = CASES): Promise<Record<string, { labels: string[]; results: number[] }>> {
  const load = (p: string): Promise<Mod> => import(path.resolve(root, p));
  const [repetita, csr, scenariosMod, job] = await Promise.all([load('io/repetita.ts'), load('sim/csr.ts'), load('sim/scenarios.ts'), load('sim/job.ts')]);
  const out: Record<string, { labels: string[]; results: number[] }> = {};
  for (const c of cases) {
    const t = repetita.repetitaTopology(repetita.parseRepetitaGraph(c.graph, `${c.name}.graph`), c.name);
    const demands = repetita.repetitaDemands(repetita.parseRepetitaDemands(c.demands, t.nodes.length, `${c.name}.demands`)) as { source: string; target: string; volume: number }[];
    const g = csr.compileTopology(t);
    const scenarios = scenariosMod.buildScenarios(t, g, { classes: ['n1-links', 'n1-nodes', 'srlg', 'sites', 'regions', 'n2-links'], n2Sample: 400, seed: 5 }) as { label: string; nodes: number[]; links: number[] }[];
    const sites = new Map<string, number>();
    const siteOf = (t.nodes as { site?: string }[]).map((d) => (d.site === undefined ? -1 : sites.has(d.site) ? sites.get(d.site)! : (sites.set(d.site, sites.size), sites.size - 1)));
    // The job runSweep sends its workers (src-main/workers/sweep.ts), the baseline last.
    const sweep = {
      graph: csr.toPayload(g),
      traffic: { kind: 'explicit', demands: demands.map((d) => ({ s: g.nodeIndex.get(d.source), t: g.nodeIndex.get(d.target), volume: d.volume })) },
      scenarios: [...scenarios.map((s) => ({ nodes: s.nodes, links: s.links })), { nodes: [], links: [] }],
      mode: 'impact',
      impact: { siteOf, unitGbps: 1 },
    };
    out[c.name] = { labels: [...scenarios.map((s) => s.label), 'baseline'], results: Array.from(job.runJobInline(sweep) as Float64Array) };
  }
  return out;
}
