import { describe, expect, it } from 'vitest';
import { availabilityOf, MINUTES_PER_YEAR } from '../../../src-shared/learn/availability';
import { availability } from '../../../src-shared/sim/availability';
import { p95SiteLatencyMs } from '../../../src-shared/learn/latency';
import { parseOutcomes } from '../../../src-shared/learn/outcomes';
import { compileTopology } from '../../../src-shared/sim/csr';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';

/** Devices a, b, c (one per site) joined by the given links, each 100 km and `ms` long. */
function graph(links: [string, string, number][]): Topology {
  return TopologySchema.parse({
    sites: ['a', 'b', 'c'].map((id) => ({ id, name: id, role: 'branch', region: 'r' })),
    nodes: ['a', 'b', 'c'].map((id) => ({ id, name: id, role: 'router', site: id })),
    links: links.map(([s, t, ms], i) => ({ id: `l${i}`, source: s, target: t, latencyMs: ms, distanceKm: 100 })),
  });
}

describe('availability on tiny graphs', () => {
  it('a path loses pairs when either link fails; a triangle loses none to one failure', () => {
    const path = graph([['a', 'b', 1], ['b', 'c', 1]]);
    const tri = graph([['a', 'b', 1], ['b', 'c', 1], ['a', 'c', 1]]);
    const p = availabilityOf(path, compileTopology(path));
    const t = availabilityOf(tri, compileTopology(tri));
    // The availability is the one model's (sim/availability.ts), the same number simulate prints (issue 15).
    const one = availability(path, { seed: 1 }).headline;
    expect(p.worstLinkPairs).toBe(2);
    expect(p.availability).toBe(one.availability);
    expect(p.downtimeMinPerYear).toBeCloseTo((1 - one.availability) * MINUTES_PER_YEAR, 6);
    // Triangle: only two links failing together cut anything (second order).
    expect(t.worstLinkPairs).toBe(0);
    expect(t.worstNodePairs).toBe(0);
    expect(t.worstLinkPairPairs).toBe(2);
    expect(t.availability).toBeGreaterThan(p.availability);
  });
});

describe('p95 site latency', () => {
  it('takes the lowest-latency path between sites', () => {
    // a–b 1 ms, b–c 1 ms, a–c 10 ms: a→c goes via b (2 ms). Pairs: 1, 1, 2 (each way) -> p95 = 2.
    const t = graph([['a', 'b', 1], ['b', 'c', 1], ['a', 'c', 10]]);
    expect(p95SiteLatencyMs(t, compileTopology(t))).toBeCloseTo(2, 9);
  });
});

describe('outcome files', () => {
  it('reads CSV and JSON, percent utilisation, dates, and names the bad line', () => {
    const csv = parseOutcomes('design,metric,value,unit,measuredAt\nd1,utilization,45,%,2026-03-01\nd1,latency,12.5,ms,\n');
    expect(csv).toEqual([
      { design: 'd1', metric: 'utilisation', value: 0.45, measuredAt: Date.parse('2026-03-01') },
      { design: 'd1', metric: 'latencyMs', value: 12.5, measuredAt: null },
    ]);
    const json = parseOutcomes('{"outcomes":[{"design":"d2","metric":"incidents","value":3,"measuredAt":1700000000000}]}');
    expect(json).toEqual([{ design: 'd2', metric: 'incidents', value: 3, measuredAt: 1700000000000 }]);
    expect(() => parseOutcomes('design,metric,value\nd1,latency,fast\n')).toThrow(/line 2: value "fast"/);
    expect(() => parseOutcomes('design,value\nd1,3\n')).toThrow(/must name metric/);
    expect(() => parseOutcomes('[{"metric":"latency","value":1}]')).toThrow(/outcomes\[0\]: design is missing/);
  });
});
