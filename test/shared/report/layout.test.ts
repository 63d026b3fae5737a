import { describe, expect, it } from 'vitest';
import { layoutPoints } from '../../../src-shared/io/svg-export';
import { restoreTopology } from '../../../src-shared/model/topology';
import { spreadForPrint, SPREAD_MAX_NODES } from '../../../src-shared/report/layout';

/** Ten devices in one city and one far away: the city prints as one dot without spreading. */
function cityAndFarAway(count = 10) {
  return restoreTopology({
    nodes: [
      ...Array.from({ length: count }, (_, i) => ({ id: `c${i}`, name: `c${i}`, role: 'spoke', lat: 53.35, lon: -6.26 })),
      { id: 'far', name: 'far', role: 'hub', lat: 35.68, lon: 139.69 },
    ],
    links: Array.from({ length: count }, (_, i) => ({ id: `l${i}`, source: `c${i}`, target: 'far' })),
  });
}

const minDistance = (pts: { x: number; y: number }[]) => {
  let best = Infinity;
  for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) best = Math.min(best, Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y));
  return best;
};

describe('spreadForPrint', () => {
  it('opens devices that share one spot into a disc at least the gap apart, and keeps the map', () => {
    const t = cityAndFarAway();
    const spread = spreadForPrint(t, 1000, 640, 26);
    const pts = spread.nodes.map((d) => ({ x: d.x!, y: d.y! }));
    expect(minDistance(pts)).toBeGreaterThan(25);
    // Dublin stays west of Tokyo.
    const far = pts.at(-1)!;
    for (const p of pts.slice(0, -1)) expect(p.x).toBeLessThan(far.x);
    // The exporter lays out by these x/y from now on; the original had every city device on one point.
    const before = [...layoutPoints(t.nodes, 1000, 640, 40).values()];
    expect(minDistance(before)).toBe(0);
  });

  it('is deterministic and does not touch the design it was given', () => {
    const t = cityAndFarAway();
    expect(spreadForPrint(t, 1000, 640)).toEqual(spreadForPrint(t, 1000, 640));
    expect(t.nodes[0]!.x).toBeUndefined();
  });

  it('leaves very large designs as they are', () => {
    const big = cityAndFarAway(SPREAD_MAX_NODES + 1);
    expect(spreadForPrint(big, 1000, 640)).toBe(big);
  });
});
