import { TopologySchema, type Topology } from '../../src-shared/model/topology';

/** A square a-b-c-d-a with a tail d-e: e hangs on one link (a bridge), d is a cut device. */
export function squareWithTail(): Topology {
  return TopologySchema.parse({
    name: 'square',
    sites: [
      { id: 's1', name: 'S1', role: 'hq', region: 'north' },
      { id: 's2', name: 'S2', role: 'branch', region: 'south' },
    ],
    nodes: [
      { id: 'a', name: 'A', role: 'core', site: 's1', x: 0, y: 0 },
      { id: 'b', name: 'B', role: 'core', site: 's1', x: 100, y: 0 },
      { id: 'c', name: 'C', role: 'distribution', site: 's1', x: 100, y: 100 },
      { id: 'd', name: 'D', role: 'distribution', site: 's1', x: 0, y: 100 },
      { id: 'e', name: 'E', role: 'spoke', site: 's2', x: 0, y: 200 },
    ],
    links: [
      { id: 'ab', source: 'a', target: 'b', srlgs: ['duct-1'] },
      { id: 'bc', source: 'b', target: 'c', srlgs: ['duct-1'] },
      { id: 'cd', source: 'c', target: 'd' },
      { id: 'da', source: 'd', target: 'a' },
      { id: 'de', source: 'd', target: 'e' },
    ],
  });
}
