import { describe, expect, it } from 'vitest';
import { availabilityOf, linkUnavailability, MINUTES_PER_YEAR } from '../../../src-shared/learn/availability';
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
    // Path: each link cuts 2 of 3 pairs; node b cuts a–c (1 pair among survivors).
    const u = linkUnavailability(100);
    const uNode = (0.2 * 4) / 8760;
    const expectedLost = (2 * u * 2 + uNode * 1) / 3;
    expect(p.worstLinkPairs).toBe(2);
    expect(1 - p.availability).toBeCloseTo(expectedLost, 12);
    expect(p.downtimeMinPerYear).toBeCloseTo(expectedLost * MINUTES_PER_YEAR, 6);
    // Triangle: only two links failing together cut anything (second order).
    expect(t.worstLinkPairs).toBe(0);
    expect(t.worstNodePairs).toBe(0);
    expect(t.worstLinkPairPairs).toBe(2);
    expect(t.availability).toBeGreaterThan(p.availability);
    expect(1 - t.availability).toBeCloseTo((3 * u * u * 2) / 3, 14);
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
