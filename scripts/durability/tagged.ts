import type { Topology } from '../../src-shared/model/topology';

/** A design whose every node carries the revision tag: a half-applied write would show. */
export function taggedTopology(tag: string, width: number): Topology {
  const nodes = Array.from({ length: width }, (_, i) => ({ id: `n${i}`, name: `n${i}-${tag}`, role: 'router' as const, ports: 48 }));
  const links = Array.from({ length: width - 1 }, (_, i) => ({
    id: `l${i}`, source: `n${i}`, target: `n${i + 1}`, capacityGbps: 10, igpWeight: 1, latencyMs: 1, srlgs: [],
  }));
  return { formatVersion: 1, name: tag, sites: [], nodes, links };
}

