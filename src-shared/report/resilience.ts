import { availabilityOf } from '../learn/availability';
import type { Topology } from '../model/topology';
import { bridgesAndCutNodes, dfsForest } from '../sim/connectivity';
import { compileTopology, type CompiledGraph } from '../sim/csr';
import { cutLabels, twoEdgeCutClasses } from '../validate/cuts';
import type { NamedElement, ResilienceView } from './model';

/**
 * The structural half of the resilience certificate, for one design:
 * - minimal cut sets of size one: bridges (links) and articulation points
 *   (devices), from one DFS (Tarjan; sim/connectivity.ts), O(n + m);
 * - minimal link cut sets of size two, as classes of links any two of which
 *   disconnect the network (cycle-space labels, validate/cuts.ts), O(n + m)
 *   plus one confirming BFS per class;
 * - pair-averaged availability from the failure model (learn/availability.ts).
 * A design that is already split reports its component count; the cuts
 * are then those of each part.
 */
export function resilienceOf(t: Topology, g: CompiledGraph = compileTopology(t)): ResilienceView {
  const forest = dfsForest(g);
  const { bridges, articulationPoints } = bridgesAndCutNodes(g, forest);
  const classes = twoEdgeCutClasses(g, cutLabels(g, forest));
  const names = new Map(t.nodes.map((d) => [d.id, d.name]));
  const linkLabel = (e: number): NamedElement => {
    const link = t.links[g.linkOrigin[e]!]!;
    return { id: link.id, label: `${names.get(link.source) ?? link.source} – ${names.get(link.target) ?? link.target}` };
  };
  return {
    availability: availabilityOf(t, g),
    bridges: bridges.map(linkLabel),
    cutNodes: articulationPoints.map((v) => ({ id: g.nodeIds[v]!, label: names.get(g.nodeIds[v]!) ?? g.nodeIds[v]! })),
    twoLinkCutClasses: classes.map((c) => c.map(linkLabel)),
    components: forest.componentSize.length,
  };
}

