import { describe, expect, it } from 'vitest';
import {
  parseRepetitaDemands,
  parseRepetitaGraph,
  repetitaDemands,
  RepetitaError,
  repetitaKind,
  repetitaNotes,
  repetitaTopology,
  rocketfuelName,
} from '../../../src-shared/io/repetita';

// A four-router slice in REPETITA's own layout (as in rf1239_real_hard.graph):
// two San Jose routers, one Dallas, one Dublin; San Jose–Dallas twice (one duct).
const GRAPH = `NODES 4
label x y
San+Jose,+CA4062 0.0 0.0
San+Jose,+CA4119 0.0 0.0
Dallas,+TX1001 0.0 0.0
Dublin,+Ireland4039 0.0 0.0

EDGES 8
label src dest weight bw delay
Link_0 0 2 250 10000000 4
Link_1 2 0 250 10000000 4
Link_2 1 2 260 2400000 5
Link_3 2 1 260 2400000 5
Link_4 0 1 1 10000000 1
Link_5 1 0 1 10000000 1
Link_6 2 3 900 2400000 40
Link_7 3 2 950 2400000 41
`;

const DEMANDS = `DEMANDS 3
label src dest bw
demand_0 0 3 5029
demand_1 3 0 2000000
demand_2 1 1 77
`;

describe('REPETITA reader', () => {
  it('tells a network from a demand file and from other text', () => {
    expect(repetitaKind(GRAPH)).toBe('graph');
    expect(repetitaKind(DEMANDS)).toBe('demands');
    expect(repetitaKind('NODES (\n a ( 1 2 )\n)')).toBeUndefined();
  });

  it('reads routers into city sites, the two directions into one link, and city pairs with two links into one duct', () => {
    const net = parseRepetitaGraph(GRAPH, 'slice.graph');
    const t = repetitaTopology(net, 'slice');
    expect(t.nodes.map((n) => n.name)).toEqual(['San Jose, CA 4062', 'San Jose, CA 4119', 'Dallas, TX 1001', 'Dublin, Ireland 4039']);
    expect(t.sites.map((s) => [s.name, s.region])).toEqual([['San Jose, CA', 'CA'], ['Dallas, TX', 'TX'], ['Dublin, Ireland', 'Ireland']]);
    expect(t.nodes[0]!.site).toBe(t.nodes[1]!.site);
    expect(t.links).toHaveLength(4);
    const dublin = t.links.find((l) => l.target === 'r3')!;
    // The a→b edge's figures: 2.4 Gbit/s, weight 900, 40 ms (not b→a's 950 / 41 ms).
    expect([dublin.capacityGbps, dublin.igpWeight, dublin.latencyMs, dublin.srlgs]).toEqual([2.4, 900, 40, []]);
    const toDallas = t.links.filter((l) => l.target === 'r2');
    expect(toDallas.map((l) => l.srlgs)).toEqual([['duct Dallas, TX – San Jose, CA'], ['duct Dallas, TX – San Jose, CA']]);
    expect(toDallas.map((l) => l.capacityGbps)).toEqual([10, 2.4]);
    expect(repetitaNotes(net, t).join('\n')).toContain('1 shared-risk groups assumed');
  });

  it('reads demands in Gbit/s between the routers, leaving out a router to itself', () => {
    const d = repetitaDemands(parseRepetitaDemands(DEMANDS, 4));
    expect(d).toEqual([
      { source: 'r0', target: 'r3', volume: 0.005029 },
      { source: 'r3', target: 'r0', volume: 2 },
    ]);
  });

  it('reads demands the same however the lines are laid out (CRLF, tabs, extra fields, decimals), and names the line of what is wrong', () => {
    const want = [
      { label: 'd0', src: 0, dest: 3, bwKbps: 5029 },
      { label: 'd_1', src: 3, dest: 0, bwKbps: 1500.5 },
      { label: 'd2', src: 2, dest: 1, bwKbps: 1000 },
    ];
    const lines = ['DEMANDS 3', 'label src dest bw', 'd0 0 3 5029', '  d_1\t3  0\t1500.5  ', 'd2 2 1 1e3 extra fields', 'after the count: ignored'];
    expect(parseRepetitaDemands(lines.join('\n'), 4)).toEqual(want);
    expect(parseRepetitaDemands(`\uFEFF${lines.join('\r\n')}`, 4)).toEqual(want);
    expect(parseRepetitaDemands(`\n${lines.join('\n').replace('d2 2 1', 'd2 002 1')}`, 4)).toEqual(want);
    expect(() => parseRepetitaDemands(lines.join('\n').replace('DEMANDS 3', 'DEMANDS 5'), 4, 'm.demands')).toThrow(/m\.demands: line 6: src "the" is not a number/);
    expect(() => parseRepetitaDemands(lines.join('\n').replace('1500.5', '-2'), 4, 'm.demands')).toThrow(/m\.demands: line 4: bw "-2" is not a number ≥ 0/);
    expect(() => parseRepetitaDemands(lines.join('\n').replace('d2 2 1', 'd2 2 x'), 4, 'm.demands')).toThrow(/m\.demands: line 5: dest "x" is not a number/);
    expect(() => parseRepetitaDemands(lines.join('\n').replace('d2 2 1', 'd2 2 1.5'), 4, 'm.demands')).toThrow(/m\.demands: line 5: demand d2: dest 1.5 is not one of/);
  });

  it('names the file, line and field of what is wrong', () => {
    expect(() => parseRepetitaGraph(GRAPH.replace('Link_6 2 3 900', 'Link_6 2 7 900'), 'bad.graph')).toThrow(
      new RepetitaError('bad.graph', 16, 'edge Link_6: dest 7 is not one of the 4 nodes (0–3)'),
    );
    expect(() => parseRepetitaGraph(GRAPH.replace('2400000 40', 'fast 40'), 'bad.graph')).toThrow(/bad\.graph: line 16: bw "fast" is not a number/);
    expect(() => parseRepetitaGraph(GRAPH.replace('EDGES 8', 'EDGES 9'), 'short.graph')).toThrow(/short\.graph: line 18: edge: expected 6 fields/);
    expect(() => parseRepetitaDemands(DEMANDS, 2, 'm.demands')).toThrow(/m\.demands: line 3: demand demand_0: dest 3 is not one of the network's 2 nodes/);
    expect(() => parseRepetitaGraph('hello', 'x.graph')).toThrow(/x\.graph: line 1: expected "NODES <count>"/);
  });

  it('splits a Rocketfuel label into city, region and name', () => {
    expect(rocketfuelName('New+York,+NY6752')).toEqual({ name: 'New York, NY 6752', city: 'New York, NY', region: 'NY' });
    expect(rocketfuelName('Relay,+MD')).toEqual({ name: 'Relay, MD', city: 'Relay, MD', region: 'MD' });
    expect(rocketfuelName('Geneva5')).toEqual({ name: 'Geneva 5', city: 'Geneva', region: 'Geneva' });
  });
});
