import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRepetitaDemands, parseRepetitaGraph, repetitaDemands, repetitaTopology } from '../../../src-shared/io/repetita';
import { compileTopology } from '../../../src-shared/sim/csr';
import { ImpactEvaluator, IMPACT_FIELDS } from '../../../src-shared/sim/impact';
import { explicitTraffic } from '../../../src-shared/sim/traffic';
import { RoutingEngine } from '../../../src-shared/sim/routing';
import { buildScenarios } from '../../../src-shared/sim/scenarios';
import { CASES, measureAll, type RepetitaCase } from './impact-sweep-cases';

/**
 * Issue 18's impact-sweep speed work (explicit matrices as columns and a
 * dense table, scenarios routed in blocks destination by destination, the
 * report's parts on the command line's thread) must not move one figure.
 * impact-sweep.golden.json holds what the code before it (5353c08) computed
 * for every scenario of three REPETITA-shaped networks written in the test
 * (explicit matrices with zero and missing pairs, duct SRLGs, parallel
 * links, stub routers; N-1 links and devices, SRLGs, sites, regions and
 * 400 sampled N-2 pairs); the current sweep must give the same numbers —
 * equal, not close: the same additions in the same order.
 */
const here = path.dirname(new URL(import.meta.url).pathname);
const golden = JSON.parse(fs.readFileSync(path.join(here, 'impact-sweep.golden.json'), 'utf8')) as Record<string, { labels: string[]; results: number[] }>;
const src = path.join(here, '../../../src-shared');
const F = IMPACT_FIELDS.length;

/** Fields (scenario label and field name) where two sweeps differ. */
function differences(a: { labels: string[]; results: number[] }, b: { labels: string[]; results: number[] }): string[] {
  const out: string[] = [];
  if (a.labels.join('\n') !== b.labels.join('\n')) out.push('scenario list');
  for (let i = 0; i < Math.min(a.labels.length, b.labels.length); i++) {
    for (let j = 0; j < F; j++) if (!Object.is(a.results[i * F + j], b.results[i * F + j])) out.push(`${a.labels[i]}: ${IMPACT_FIELDS[j]}`);
  }
  return out;
}

/** JSON's numbers, as the golden file holds them. */
const asStored = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('the impact sweep against the code before its speed work', () => {
  it('gives every scenario of three REPETITA-shaped networks the same figures, every field', { timeout: 120_000 }, async () => {
    const now = asStored(await measureAll(src));
    // Three networks, 363 + 551 + 580 scenarios with the baseline: fewer means a case or a class went missing.
    expect(Object.keys(golden).sort()).toEqual(CASES.map((c) => c.name).sort());
    expect(Object.values(golden).map((g) => g.labels.length)).toEqual([363, 551, 580]);
    for (const c of CASES) expect(differences(now[c.name]!, golden[c.name]!), c.name).toEqual([]);
  });

  it('beyond the cache budgets (routing states and baseline latencies rebuilt per block), in blocks of any size, the figures are the same', () => {
    for (const c of CASES.slice(0, 2)) {
      const t = repetitaTopology(parseRepetitaGraph(c.graph), c.name);
      const g = compileTopology(t);
      const demands = repetitaDemands(parseRepetitaDemands(c.demands, t.nodes.length));
      const tm = explicitTraffic(g, demands.map((d) => ({ s: g.nodeIndex.get(d.source)!, t: g.nodeIndex.get(d.target)!, volume: d.volume })));
      const sites = [...new Set(t.nodes.map((d) => d.site))];
      const ctx = { siteOf: t.nodes.map((d) => sites.indexOf(d.site)), unitGbps: 1 };
      const scenarios = [...buildScenarios(t, g, { classes: ['n1-links', 'n1-nodes', 'srlg', 'sites', 'regions', 'n2-links'], n2Sample: 400, seed: 5 }), { nodes: [], links: [] }];
      for (const [cacheBytes, latencyBytes, block] of [[0, 0, 7], [0, 1e9, 1], [2e5, 3e4, 64]] as const) {
        const ev = new ImpactEvaluator(new RoutingEngine(g, tm, cacheBytes), ctx, latencyBytes);
        const out = new Float64Array(scenarios.length * F);
        for (let k = 0; k < scenarios.length; k += block) {
          const b = scenarios.slice(k, k + block);
          ev.evaluateBlock(b, out, b.map((_, j) => (k + j) * F));
        }
        const now = asStored({ labels: golden[c.name]!.labels, results: Array.from(out) });
        expect(differences(now, golden[c.name]!), `${c.name} ${cacheBytes}/${latencyBytes}/${block}`).toEqual([]);
      }
    }
  });

  it('the comparison sees one demand less, and one link 1 ms slower', { timeout: 120_000 }, async () => {
    const small = CASES.find((c) => c.name === 'small')!;
    const edits: [string, (c: RepetitaCase) => RepetitaCase][] = [
      // Each edit drops or changes one term of the figures: a demand's volume, a link's latency, a parallel circuit.
      ['one demand less', (c) => ({ ...c, demands: c.demands.replace(/\ndemand_7 (\d+) (\d+) (\d+)\n/, '\ndemand_7 $1 $2 0\n') })],
      ['one link 1 ms slower', (c) => ({ ...c, graph: c.graph.replace(/\ne0 (\d+) (\d+) (\d+) (\d+) (\d+)\n/, (_, a, b, w, bw, ms) => `\ne0 ${a} ${b} ${w} ${bw} ${Number(ms) + 1}\n`) })],
    ];
    for (const [what, edit] of edits) {
      const changed = edit(small);
      expect(changed, what).not.toEqual(small);
      const now = asStored(await measureAll(src, [changed]));
      expect(differences(now['small']!, golden['small']!).length, what).toBeGreaterThan(0);
    }
  });
});
