import { TopologySchema, type Topology } from '../../../src-shared/model/topology';

/** A topology from an edge list over nodes "0".."n-1" (links e0, e1, … in order). */
export function topo(n: number, edges: readonly (readonly [number, number, number?])[]): Topology {
  return TopologySchema.parse({
    nodes: Array.from({ length: n }, (_, i) => ({ id: String(i), name: `n${i}`, role: 'router' })),
    links: edges.map(([a, b, w], i) => ({
      id: `e${i}`,
      source: String(a),
      target: String(b),
      ...(w === undefined ? {} : { igpWeight: w }),
    })),
  });
}
