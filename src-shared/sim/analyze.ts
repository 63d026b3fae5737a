import type { CompiledGraph } from './csr';
import { bridgesAndCutNodes, dfsForest } from './connectivity';
import { linkPairFailurePairs, singleFailurePairs } from './cutpairs';
import { CompressedSweep } from './compressed';
import { n1Scenarios } from './sweep';

/**
 * The `nettwin analyze` report, exactly as ../shared/spec/analyze-contract.md
 * defines it. Key order matches the contract so JSON output diffs cleanly.
 */
export interface AnalyzeReport {
  graph: { nodes: number; links: number; components: number };
  bridges: string[];
  articulationPoints: string[];
  baseline: { maxLinkLoad?: number };
  linkFailures: { link: string; disconnectedPairs: number; maxLinkLoad?: number }[];
  nodeFailures: { node: string; disconnectedPairs: number; maxLinkLoad?: number }[];
  linkPairFailures?: { links: [string, string]; disconnectedPairs: number }[];
}

export interface AnalyzeOptions {
  traffic: 'uniform' | 'none';
  scenarios: 'n1' | 'n2';
}

/** Largest graph for which every pair of links is enumerated. */
export const N2_MAX_LINKS = 2000;

/** The traffic-free part: components, bridges, cut nodes, N-1 disconnected pairs. O(n + m). */
export function analyzeStructure(g: CompiledGraph) {
  const forest = dfsForest(g);
  const { bridges, articulationPoints } = bridgesAndCutNodes(g, forest);
  const pairs = singleFailurePairs(g, forest);
  return { forest, bridges, articulationPoints, pairs };
}

/** Link-id order: by the number in "e<k>" when every id has that shape, else by index. */
function sortLinkIds(ids: string[]): string[] {
  const num = (s: string): number => (/^e\d+$/.test(s) ? Number(s.slice(1)) : NaN);
  if (ids.every((s) => !Number.isNaN(num(s)))) return ids.sort((a, b) => num(a) - num(b));
  return ids;
}

/**
 * Assembles the report. `maxLoads` holds the N-1 maxima (links then nodes)
 * when traffic was routed; `linkPairs` the N-2 counts when asked for.
 */
export function assembleAnalyzeReport(
  g: CompiledGraph,
  s: ReturnType<typeof analyzeStructure>,
  traffic: { baseline: number; maxLoads: Float64Array } | null,
  linkPairs: AnalyzeReport['linkPairFailures'] | null,
): AnalyzeReport {
  const m = g.linkIds.length;
  const report: AnalyzeReport = {
    graph: { nodes: g.nodeIds.length, links: m, components: s.forest.componentSize.length },
    bridges: sortLinkIds(s.bridges.map((e) => g.linkIds[e]!)),
    articulationPoints: s.articulationPoints.map((v) => g.nodeIds[v]!).sort(),
    baseline: traffic ? { maxLinkLoad: traffic.baseline } : {},
    linkFailures: g.linkIds.map((id, e) => ({
      link: id,
      disconnectedPairs: s.pairs.links[e]!,
      ...(traffic ? { maxLinkLoad: traffic.maxLoads[e]! } : {}),
    })),
    nodeFailures: g.nodeIds.map((id, v) => ({
      node: id,
      disconnectedPairs: s.pairs.nodes[v]!,
      ...(traffic ? { maxLinkLoad: traffic.maxLoads[m + v]! } : {}),
    })),
  };
  if (linkPairs) report.linkPairFailures = linkPairs;
  return report;
}

/** Every unordered link pair with its disconnected pairs (graphs up to N2_MAX_LINKS links). */
export function linkPairReport(g: CompiledGraph): NonNullable<AnalyzeReport['linkPairFailures']> {
  if (g.linkIds.length > N2_MAX_LINKS) {
    throw new RangeError(`--scenarios n2 is limited to ${N2_MAX_LINKS} links; this graph has ${g.linkIds.length}`);
  }
  const out: NonNullable<AnalyzeReport['linkPairFailures']> = [];
  linkPairFailurePairs(g, (a, b, pairs) => out.push({ links: [g.linkIds[a]!, g.linkIds[b]!], disconnectedPairs: pairs }));
  return out;
}

/** Whole analysis on the calling thread (tests, small graphs). The CLI uses the worker pool. */
export function analyzeGraph(g: CompiledGraph, opts: AnalyzeOptions): AnalyzeReport {
  const s = analyzeStructure(g);
  let traffic: { baseline: number; maxLoads: Float64Array } | null = null;
  if (opts.traffic === 'uniform') {
    const ones = new Float64Array(g.nodeIds.length).fill(1);
    const sweep = new CompressedSweep(g, ones, ones);
    const specs = n1Scenarios(g);
    const maxLoads = new Float64Array(specs.length);
    specs.forEach((spec, i) => (maxLoads[i] = sweep.maxLoad(spec)));
    traffic = { baseline: sweep.baselineMax(), maxLoads };
  }
  return assembleAnalyzeReport(g, s, traffic, opts.scenarios === 'n2' ? linkPairReport(g) : null);
}
