import { layoutPoints } from '../io/svg-export';
import type { Topology } from '../model/topology';

/** Largest design whose drawing is de-cluttered; beyond it the O(n²) pass costs more than it shows. */
export const SPREAD_MAX_NODES = 400;

/**
 * Positions for the printed drawing. Geographic designs put every device of
 * a metro area on one spot (a hub, its datacenter and forty branches in the
 * same city), which prints as one blot. Starting from the positions the SVG
 * exporter would use (canvas x/y, else longitude/latitude, else a circle),
 * this pushes apart any two devices closer than `minGap` drawing units, a
 * few hundred rounds of pairwise overlap removal (in the spirit of
 * Dwyer, Marriott & Stuckey, "Fast node overlap removal", GD 2005, without
 * the constraint solver): the map keeps its shape, clusters open into discs.
 * Deterministic: coincident devices are separated along an angle set by
 * their index. O(rounds · n²); skipped above SPREAD_MAX_NODES devices.
 * Returns a copy with x/y set on every device (the exporter then uses them).
 */
export function spreadForPrint(t: Topology, width: number, height: number, minGap = 26): Topology {
  const n = t.nodes.length;
  if (n < 2 || n > SPREAD_MAX_NODES) return t;
  const pos = layoutPoints(t.nodes, width, height, 40);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  t.nodes.forEach((d, i) => {
    const p = pos.get(d.id)!;
    xs[i] = p.x;
    ys[i] = p.y;
  });
  for (let round = 0; round < 300; round++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = xs[j]! - xs[i]!;
        let dy = ys[j]! - ys[i]!;
        let d = Math.hypot(dx, dy);
        if (d >= minGap) continue;
        if (d < 1e-6) {
          const a = (2.399963 * (i + j)) % (2 * Math.PI); // golden angle: coincident pairs fan out evenly
          dx = Math.cos(a);
          dy = Math.sin(a);
          d = 1;
        }
        const push = (minGap - d) / 2 / d;
        xs[i]! -= dx * push;
        ys[i]! -= dy * push;
        xs[j]! += dx * push;
        ys[j]! += dy * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return { ...t, nodes: t.nodes.map((d, i) => ({ ...d, x: xs[i]!, y: ys[i]! })) };
}
